import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../lib/format';
import { useOrigin } from '../../lib/origin';
import { usePageTitle } from '../../lib/page';
import { FeedbackForm } from './FeedbackForm';
import './AccessibilityPage.css';

/** The day this statement was last reviewed; change it with the texts. */
export const STATEMENT_DATE = '2026-12-07';

const TESTED = ['axe', 'keyboard', 'layout', 'lighthouse', 'language'] as const;
const GAPS = ['manual', 'contrast', 'charts', 'timeout', 'content'] as const;

/**
 * The accessibility statement (tillgänglighetsredogörelse) as the Act (2018:1937) and Digg's model ask:
 * what it covers, how compliant the service is, known shortcomings, how to report them (the form), the
 * enforcement body, how the service was tested and when the statement was written.
 */
export function Component() {
  const { t, i18n } = useTranslation('accessibility');
  const origin = useOrigin();
  const [params] = useSearchParams();
  usePageTitle(t('title'));
  const section = (id: string, title: string, children: React.ReactNode) => (
    <section aria-labelledby={`accessibility-${id}`}>
      <Heading level={2} data-size="sm" id={`accessibility-${id}`}>
        {title}
      </Heading>
      {children}
    </section>
  );
  return (
    <div className="page accessibility-page">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph data-size="lg">{t('intro')}</Paragraph>
      {section('scope', t('scope.title'), <Paragraph>{t('scope.text', { origin })}</Paragraph>)}
      {section(
        'compliance',
        t('compliance.title'),
        <>
          <Paragraph>
            <strong>{t('compliance.status')}</strong>
          </Paragraph>
          <Paragraph>{t('compliance.text')}</Paragraph>
        </>,
      )}
      {section(
        'tested',
        t('tested.title'),
        <ul>
          {TESTED.map((key) => (
            <li key={key}>{t(`tested.${key}`)}</li>
          ))}
        </ul>,
      )}
      {section(
        'gaps',
        t('gaps.title'),
        <ul>
          {GAPS.map((key) => (
            <li key={key}>{t(`gaps.${key}`)}</li>
          ))}
        </ul>,
      )}
      {section(
        'report',
        t('report.title'),
        <>
          <Paragraph>{t('report.text')}</Paragraph>
          <FeedbackForm initialPage={params.get('sida') ?? ''} />
        </>,
      )}
      {section(
        'enforcement',
        t('enforcement.title'),
        <>
          <Paragraph>{t('enforcement.text')}</Paragraph>
          <Paragraph>
            <Link href="https://www.digg.se/tdosanmalan" lang={i18n.language === 'en' ? 'sv' : undefined}>
              {t('enforcement.link')}
            </Link>
          </Paragraph>
        </>,
      )}
      {section('method', t('method.title'), <Paragraph>{t('method.text')}</Paragraph>)}
      {section('updated', t('updated.title'), <Paragraph>{t('updated.text', { date: formatDate(STATEMENT_DATE) })}</Paragraph>)}
    </div>
  );
}
