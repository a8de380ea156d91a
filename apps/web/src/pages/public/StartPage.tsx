import { useQuery } from '@apollo/client/react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import './StartPage.css';

/** What anyone may count: published needs, verified social enterprises and good examples. */
export const START_PAGE_FIGURES = graphql(`
  query StartPageFigures {
    needs(filter: { statuses: [PUBLISHED] }, first: 1) {
      totalCount
    }
    enterprises(filter: { verified: true }, first: 1) {
      totalCount
    }
    goodExamples(first: 1) {
      totalCount
    }
  }
`);

function Figures() {
  const { t } = useTranslation('home');
  const { data, error } = useQuery(START_PAGE_FIGURES);
  const figures = data
    ? [
        { key: 'needs', count: data.needs.totalCount, to: '/behov' },
        { key: 'enterprises', count: data.enterprises.totalCount, to: '/foretag' },
        { key: 'examples', count: data.goodExamples.totalCount, to: '/goda-exempel' },
      ]
    : null;
  return (
    <section aria-labelledby="start-figures" className="start-figures">
      <Heading level={2} data-size="sm" id="start-figures">
        {t('figures.heading')}
      </Heading>
      {error && !data ? (
        <Paragraph>{t('figures.error')}</Paragraph>
      ) : (
        <ul aria-busy={!figures}>
          {(figures ?? []).map((f) => (
            <li key={f.key}>
              <Link to={f.to}>
                <span className="start-figure-number">{formatNumber(f.count)}</span> <span className="start-figure-label">{t(`figures.${f.key}`, { count: f.count })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NeedSearch() {
  const { t } = useTranslation('home');
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = q.trim();
    void navigate(text ? `/behov?${new URLSearchParams({ q: text }).toString()}` : '/behov');
  };
  return (
    <form role="search" className="start-search" onSubmit={submit}>
      {/* Plain Designsystemet classes rather than Textfield: the start page stays free of the field's script. */}
      <div className="start-search-field">
        <label className="ds-label" data-weight="medium" htmlFor="start-search-q">
          {t('search.label')}
        </label>
        <div className="ds-paragraph" data-size="sm" id="start-search-hint">
          {t('search.description')}
        </div>
        <div className="start-search-row">
          <input
            id="start-search-q"
            className="ds-input"
            type="search"
            name="q"
            aria-describedby="start-search-hint"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
          />
          <Button type="submit">{t('search.button')}</Button>
        </div>
      </div>
    </form>
  );
}

export function StartPage() {
  const { t } = useTranslation('home');
  usePageTitle(null);
  const steps = ['one', 'two', 'three'] as const;
  const audiences = ['buyers', 'enterprises', 'coordinators'] as const;
  return (
    <div className="page start-page">
      <section className="start-hero" aria-labelledby="start-title">
        <Heading level={1} data-size="xl" id="start-title">
          {t('title')}
        </Heading>
        <Paragraph data-size="lg">{t('lead')}</Paragraph>
        <NeedSearch />
      </section>

      <Figures />

      <section aria-labelledby="start-audiences">
        <Heading level={2} data-size="md" id="start-audiences">
          {t('audiences.heading')}
        </Heading>
        <ul className="start-cards">
          {audiences.map((a) => (
            <li key={a}>
              <Heading level={3} data-size="xs">
                {t(`audiences.${a}.title`)}
              </Heading>
              <Paragraph>{t(`audiences.${a}.body`)}</Paragraph>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="start-steps">
        <Heading level={2} data-size="md" id="start-steps">
          {t('steps.heading')}
        </Heading>
        <ol className="start-steps">
          {steps.map((s) => (
            <li key={s}>
              <Heading level={3} data-size="xs">
                {t(`steps.${s}.title`)}
              </Heading>
              <Paragraph>{t(`steps.${s}.body`)}</Paragraph>
            </li>
          ))}
        </ol>
        <Paragraph>
          <Link to="/matchning">{t('steps.matching')}</Link>
        </Paragraph>
      </section>

      <nav aria-labelledby="start-links">
        <Heading level={2} data-size="md" id="start-links">
          {t('links.heading')}
        </Heading>
        <ul className="start-links">
          <li>
            <Link to="/behov">{t('links.needs')}</Link>
          </li>
          <li>
            <Link to="/foretag">{t('links.enterprises')}</Link>
          </li>
          <li>
            <Link to="/goda-exempel">{t('links.examples')}</Link>
          </li>
          <li>
            <Link to="/registrera">{t('links.register')}</Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}

export { StartPage as Component };
