import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { CPV_PICKER_CODE } from '../../components/CpvPicker';
import { OfferCallout } from '../offers/OfferCallout';
import { graphql } from '../../gql';
import type { NeedForm, NeedPageNeedQuery } from '../../gql/graphql';
import { formatDate, formatDateTime, formatKronorRange, formatRelativeDays } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { NEEDS_PAGE_NAMES, swedishDay, usePlaceName } from './needs-shared';
import './NeedPage.css';

export const NEED_PAGE_NEED = graphql(`
  query NeedPageNeed($id: ID!) {
    need(id: $id) {
      id
      title
      description
      wantedImpact
      form
      status
      budgetMinSek
      budgetMaxSek
      responseDeadline
      publishedAt
      municipalityCode
      countyCode
      cpvCodes
      sdgs
      viewerCanManage
      buyer {
        id
        name
      }
    }
    sdgs {
      number
      titleSv
      titleEn
    }
  }
`);

/** Where "back" leads: to the search the person came from, when they came from one. */
function useBackToSearch(): string {
  const state = useLocation().state as { search?: unknown } | null;
  return typeof state?.search === 'string' && state.search.startsWith('?') ? `/behov${state.search}` : '/behov';
}

export function NeedPage() {
  const { t } = useTranslation('needs');
  const { needId = '' } = useParams();
  const back = useBackToSearch();
  const { data, loading, error, refetch } = useQuery(NEED_PAGE_NEED, { variables: { id: needId } });
  const need = data?.need;
  // An address with an id the API could never have given is a need that does not exist, too.
  const malformed = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'BAD_USER_INPUT');
  usePageTitle(need ? need.title : data || malformed ? t('need.notFoundTitle') : null);

  const backLink = (
    <Paragraph data-size="sm">
      <Link asChild>
        <RouterLink to={back}>← {t('need.back')}</RouterLink>
      </Link>
    </Paragraph>
  );

  if (!data && loading) return <Spinner aria-label={t('search.searching')} />;
  if (!data && error && !malformed) {
    return (
      <div className="page">
        {backLink}
        <Heading level={1} data-size="lg">
          {t('search.title')}
        </Heading>
        <Alert data-color="danger">
          <Paragraph>{t('need.error')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
            {t('search.retry')}
          </Button>
        </Alert>
      </div>
    );
  }
  if (!need) {
    return (
      <div className="page">
        <Heading level={1} data-size="lg">
          {t('need.notFoundTitle')}
        </Heading>
        <Paragraph>{t('need.notFoundBody')}</Paragraph>
        <Paragraph>
          <Link asChild>
            <RouterLink to="/behov">{t('need.notFoundLink')}</RouterLink>
          </Link>
        </Paragraph>
      </div>
    );
  }
  return <NeedDetails need={need} sdgs={data?.sdgs ?? []} backLink={backLink} />;
}

type NeedData = NonNullable<NeedPageNeedQuery['need']>;
type SdgData = { number: number; titleSv: string; titleEn: string };

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="need-fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function NeedDetails({ need, sdgs, backLink }: { need: NeedData; sdgs: readonly SdgData[]; backLink: ReactNode }) {
  const { t, i18n } = useTranslation('needs');
  const { data: names } = useQuery(NEEDS_PAGE_NAMES, { fetchPolicy: 'cache-first' });
  const place = usePlaceName(names, need.municipalityCode, need.countyCode);
  const budget = formatKronorRange(need.budgetMinSek, need.budgetMaxSek);
  const goals = need.sdgs.map((n) => sdgs.find((s) => s.number === n) ?? { number: n, titleSv: '', titleEn: '' });
  const heading = useRef<HTMLHeadingElement>(null);
  const arrivedWithin = useLocation().key !== 'default';
  // Opened from within the app, the page had no heading while it loaded, so the frame could not move the
  // focus to it; a focus that fell back to the document goes to the heading now (not on a first load).
  useEffect(() => {
    const focused = document.activeElement;
    if (arrivedWithin && heading.current && (!focused || focused === document.body)) {
      heading.current.tabIndex = -1;
      heading.current.focus();
    }
  }, [need.id, arrivedWithin]);
  return (
    <div className="page need-page">
      {backLink}
      <Heading level={1} data-size="lg" ref={heading}>
        {need.title}
      </Heading>
      <Paragraph className="need-buyer">
        {need.buyer.name} · {place}
      </Paragraph>

      {need.status !== 'PUBLISHED' ? (
        <Alert data-color={need.status === 'AWARDED' ? 'success' : 'warning'}>
          <Paragraph>{t(`need.status.${need.status}`)}</Paragraph>
        </Alert>
      ) : null}

      <section aria-labelledby="need-facts">
        <Heading level={2} data-size="sm" id="need-facts">
          {t('need.facts')}
        </Heading>
        <dl className="need-facts">
          <Fact term={t('need.buyer')}>{need.buyer.name}</Fact>
          <Fact term={t('need.place')}>{place}</Fact>
          <Fact term={t('item.form')}>{t(`forms.${need.form}`)}</Fact>
          <Fact term={t('need.budget')}>{budget ?? t('item.budgetUnknown')}</Fact>
          <Fact term={t('need.published')}>{need.publishedAt ? formatDate(swedishDay(need.publishedAt)) : '–'}</Fact>
          <Fact term={t('need.deadline')}>
            {need.responseDeadline ? (
              <>
                {formatDateTime(need.responseDeadline)} {t('need.deadlineRelative', { relative: formatRelativeDays(swedishDay(need.responseDeadline)) })}
              </>
            ) : (
              t('item.deadlineNone')
            )}
          </Fact>
        </dl>
      </section>

      <FormRules form={need.form} />

      <OfferCallout need={need} />

      <section aria-labelledby="need-description">
        <Heading level={2} data-size="sm" id="need-description">
          {t('need.description')}
        </Heading>
        <Paragraph className="need-text">{need.description}</Paragraph>
      </section>

      {need.wantedImpact.trim() ? (
        <section aria-labelledby="need-impact">
          <Heading level={2} data-size="sm" id="need-impact">
            {t('need.wantedImpact')}
          </Heading>
          <Paragraph className="need-text">{need.wantedImpact}</Paragraph>
        </section>
      ) : null}

      {need.cpvCodes.length > 0 ? (
        <section aria-labelledby="need-cpv">
          <Heading level={2} data-size="sm" id="need-cpv">
            {t('need.cpv')}
          </Heading>
          <Paragraph data-size="sm" className="need-hint">
            {t('need.cpvHint')}
          </Paragraph>
          <ul className="need-cpv">
            {need.cpvCodes.map((code) => (
              <CpvItem key={code} code={code} />
            ))}
          </ul>
        </section>
      ) : null}

      {goals.length > 0 ? (
        <section aria-labelledby="need-sdgs">
          <Heading level={2} data-size="sm" id="need-sdgs">
            {t('need.sdgs')}
          </Heading>
          <ul className="need-sdgs">
            {goals.map((goal) => (
              <li key={goal.number}>
                <Tag data-size="sm" data-color="neutral">
                  {t('need.sdg', { number: goal.number, title: i18n.language === 'en' ? goal.titleEn : goal.titleSv })}
                </Tag>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function CpvItem({ code }: { code: string }) {
  const { i18n } = useTranslation();
  const { data } = useQuery(CPV_PICKER_CODE, { variables: { code }, fetchPolicy: 'cache-first' });
  const label = data?.cpvCode ? (i18n.language === 'en' ? data.cpvCode.labelEn : data.cpvCode.labelSv) : '';
  return (
    <li>
      <span className="need-cpv-code">{code}</span> {label}
    </li>
  );
}

/** The form of procurement with its rules in plain words: who may answer, and how it works. */
export function FormRules({ form }: { form: NeedForm }) {
  const { t } = useTranslation('needs');
  const how = t(`rules.${form}.how`, { returnObjects: true }) as Record<string, string>;
  return (
    <section className="need-form" aria-labelledby="need-form">
      <Heading level={2} data-size="sm" id="need-form">
        {t('need.formTitle', { form: t(`forms.${form}`) })}
      </Heading>
      <Heading level={3} data-size="2xs">
        {t('need.whoMayAnswer')}
      </Heading>
      <Paragraph>{t(`rules.${form}.who`)}</Paragraph>
      <Heading level={3} data-size="2xs">
        {t('need.howItWorks')}
      </Heading>
      {Object.values(how).map((paragraph) => (
        <Paragraph key={paragraph}>{paragraph}</Paragraph>
      ))}
    </section>
  );
}

export { NeedPage as Component };
