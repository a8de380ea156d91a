import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { RESERVED_CONTRACT_MIN_SHARE } from './rules';
import './MatchingPage.css';

/**
 * The matcher's weights and thresholds as the page explains them. They mirror WEIGHTS in
 * libs/scoring/src/weights.ts (learned: libs/scoring/src/model/) and the defaults of MATCHING_TOP_N, MATCHING_MIN_SCORE and the strong-match
 * notice in libs/engine/src/config; change them together.
 */
export const MATCHING_WEIGHTS = { text: 0.3667, category: 0.1661, geography: 0.0897, sdg: 0.1, capacity: 0.1, trackRecord: 0.1775 } as const;
const DEFAULTS = { topN: 50, minScore: 20, notifyScore: 70 };

const COMPONENTS = Object.keys(MATCHING_WEIGHTS) as (keyof typeof MATCHING_WEIGHTS)[];
const REASONS = ['eligibility', ...COMPONENTS] as const;
const SECTIONS = ['when', 'rules', 'components', 'score', 'reasons', 'not', 'person'] as const;

export function MatchingPage() {
  const { t } = useTranslation('matching');
  usePageTitle(t('title'));
  return (
    <div className="page matching-page">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph data-size="lg">{t('lead')}</Paragraph>

      <nav aria-labelledby="matching-toc" className="matching-toc">
        <Heading level={2} data-size="2xs" id="matching-toc">
          {t('toc')}
        </Heading>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#matching-${s}`}>{t(`${s}.heading`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="matching-when">
        <Heading level={2} data-size="md" id="matching-when">
          {t('when.heading')}
        </Heading>
        <Paragraph>{t('when.body')}</Paragraph>
        <Paragraph>{t('when.keep', { topN: formatNumber(DEFAULTS.topN), minScore: formatNumber(DEFAULTS.minScore), notifyScore: formatNumber(DEFAULTS.notifyScore) })}</Paragraph>
      </section>

      <section aria-labelledby="matching-rules">
        <Heading level={2} data-size="md" id="matching-rules">
          {t('rules.heading')}
        </Heading>
        <Paragraph>{t('rules.body')}</Paragraph>
        <ul>
          <li>{t('rules.reserved', { minShare: RESERVED_CONTRACT_MIN_SHARE })}</li>
          <li>{t('rules.iop')}</li>
        </ul>
        <Paragraph>{t('rules.relevance')}</Paragraph>
      </section>

      <section aria-labelledby="matching-components">
        <Heading level={2} data-size="md" id="matching-components">
          {t('components.heading')}
        </Heading>
        <Paragraph>{t('components.body')}</Paragraph>
        <div className="matching-table">
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('components.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('components.weight')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('components.what')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {COMPONENTS.map((c) => (
                <Table.Row key={c}>
                  <Table.HeaderCell scope="row">{t(`components.${c}.name`)}</Table.HeaderCell>
                  <Table.Cell className="matching-weight">{`${formatNumber(Math.round(MATCHING_WEIGHTS[c] * 100))} %`}</Table.Cell>
                  <Table.Cell>{t(`components.${c}.what`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>

      <section aria-labelledby="matching-score">
        <Heading level={2} data-size="md" id="matching-score">
          {t('score.heading')}
        </Heading>
        <Paragraph>{t('score.body')}</Paragraph>
        <Paragraph>{t('score.version')}</Paragraph>
      </section>

      <section aria-labelledby="matching-reasons">
        <Heading level={2} data-size="md" id="matching-reasons">
          {t('reasons.heading')}
        </Heading>
        <Paragraph>{t('reasons.body')}</Paragraph>
        <dl className="matching-reasons">
          {REASONS.map((r) => (
            <div key={r}>
              <dt>{t(`reasons.${r}.term`)}</dt>
              <dd>{t(`reasons.${r}.def`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="matching-not">
        <Heading level={2} data-size="md" id="matching-not">
          {t('not.heading')}
        </Heading>
        <ul>
          {(['decide', 'hide', 'personal', 'pay'] as const).map((k) => (
            <li key={k}>{t(`not.items.${k}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="matching-person">
        <Heading level={2} data-size="md" id="matching-person">
          {t('person.heading')}
        </Heading>
        <Paragraph>{t('person.body')}</Paragraph>
        <ul className="matching-links">
          <li>
            <Link to="/behov">{t('links.needs')}</Link>
          </li>
          <li>
            <Link to="/foretag">{t('links.enterprises')}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}

export { MatchingPage as Component };
