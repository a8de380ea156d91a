import { useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Input, Label, Paragraph, Select, Spinner, Tag } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CpvPicker } from '../../components/CpvPicker';
import { PlacePicker } from '../../components/PlacePicker';
import { SdgPicker } from '../../components/SdgPicker';
import { useUrlFilters, type FilterValues } from '../../components/url-filters';
import { graphql } from '../../gql';
import type { EnterpriseFilterInput, EnterpriseSort, EnterprisesPageSearchQuery, LegalForm } from '../../gql/graphql';
import { formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { useCpvLabels, usePlacesText } from './public-data';
import './public.css';
import './EnterprisesPage.css';

const PAGE_SIZE = 20;

/** The directory's filters as the address writes them: /foretag?q=städ&lan=12&kommun=1280&cpv=90910000-9&mal=8&form=EKONOMISK_FORENING&ideburen=ja */
export const DIRECTORY_FILTERS = {
  q: 'text',
  lan: 'text',
  kommun: 'text',
  cpv: 'list',
  mal: 'numbers',
  form: 'list',
  ideburen: 'text',
  arbetsintegrerande: 'text',
  sortera: 'text',
} as const;
export type DirectoryFilters = FilterValues<typeof DIRECTORY_FILTERS>;

export const LEGAL_FORMS: readonly LegalForm[] = ['AKTIEBOLAG', 'AKTIEBOLAG_SVB', 'EKONOMISK_FORENING', 'IDEELL_FORENING', 'STIFTELSE', 'OTHER'];
const SORTS: Record<string, EnterpriseSort> = { namn: 'NAME', uppdaterad: 'UPDATED', kapacitet: 'CAPACITY', relevans: 'RELEVANCE' };

/** The API's filter for what the address says; the public directory shows verified enterprises only. */
export function directoryFilter(v: DirectoryFilters): EnterpriseFilterInput {
  const filter: EnterpriseFilterInput = { verified: true };
  if (v.q) filter.search = v.q;
  if (v.kommun) filter.municipalityCode = v.kommun;
  else if (v.lan) filter.countyCode = v.lan;
  if (v.cpv.length > 0) filter.cpvCodes = v.cpv;
  if (v.mal.length > 0) filter.sdgs = v.mal;
  const forms = v.form.filter((f): f is LegalForm => (LEGAL_FORMS as readonly string[]).includes(f));
  if (forms.length > 0) filter.legalForms = forms;
  if (v.ideburen === 'ja') filter.ideburen = true;
  if (v.arbetsintegrerande === 'ja') filter.workIntegrating = true;
  return filter;
}

export function directorySort(v: DirectoryFilters): EnterpriseSort {
  return SORTS[v.sortera] ?? (v.q ? 'RELEVANCE' : 'NAME');
}

export const ENTERPRISES_PAGE_SEARCH = graphql(`
  query EnterprisesPageSearch($filter: EnterpriseFilterInput, $sort: EnterpriseSort!, $first: Int, $after: String) {
    enterprises(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        organizationId
        services
        cpvCodes
        nationwide
        countyCodes
        municipalityCodes
        legalForm
        ideburen
        workIntegrating
        organization {
          id
          name
        }
      }
    }
  }
`);

type Enterprise = EnterprisesPageSearchQuery['enterprises']['nodes'][number];

function EnterpriseCard({ enterprise, cpvLabel }: { enterprise: Enterprise; cpvLabel(code: string): string }) {
  const { t } = useTranslation('directory');
  const placesText = usePlacesText();
  const places = placesText(enterprise);
  const shownCpv = enterprise.cpvCodes.slice(0, 3);
  const moreCpv = enterprise.cpvCodes.length - shownCpv.length;
  const headingId = `enterprise-${enterprise.organizationId}`;
  return (
    <li className="directory-card">
      <article aria-labelledby={headingId}>
        <Heading level={3} data-size="xs" id={headingId}>
          <Link to={`/foretag/${enterprise.organizationId}`}>{enterprise.organization.name}</Link>
        </Heading>
        {enterprise.workIntegrating || enterprise.ideburen ? (
          <ul className="public-badges">
            {enterprise.workIntegrating ? (
              <li>
                <Tag data-color="accent" data-size="sm">
                  {t('badges.workIntegrating')}
                </Tag>
              </li>
            ) : null}
            {enterprise.ideburen ? (
              <li>
                <Tag data-color="brand1" data-size="sm">
                  {t('badges.ideburen')}
                </Tag>
              </li>
            ) : null}
          </ul>
        ) : null}
        {/* What people write is Swedish (the API stores it so), whatever the interface language. */}
        {enterprise.services ? (
          <Paragraph className="directory-services" lang="sv">
            {enterprise.services}
          </Paragraph>
        ) : null}
        <dl className="public-facts directory-facts">
          <dt>{t('card.where')}</dt>
          <dd>{places.length > 4 ? `${places.slice(0, 4).join(', ')} ${t('card.more', { count: places.length - 4 })}` : places.join(', ')}</dd>
          {shownCpv.length > 0 ? (
            <>
              <dt>{t('card.what')}</dt>
              <dd>
                {shownCpv.map(cpvLabel).join(', ')}
                {moreCpv > 0 ? ` ${t('card.more', { count: moreCpv })}` : null}
              </dd>
            </>
          ) : null}
          {enterprise.legalForm ? (
            <>
              <dt>{t('card.form')}</dt>
              <dd>{t(`legalForm.${enterprise.legalForm}`)}</dd>
            </>
          ) : null}
        </dl>
      </article>
    </li>
  );
}

function TextSearch({ value, onSearch }: { value: string; onSearch(q: string): void }) {
  const { t } = useTranslation('directory');
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className="directory-search" onSubmit={submit}>
      <Field>
        <Label htmlFor="directory-q">{t('filters.search')}</Label>
        <Field.Description id="directory-q-hint">{t('filters.searchHint')}</Field.Description>
        <div className="directory-search-row">
          <Input id="directory-q" type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          <Button type="submit" variant="secondary">
            {t('filters.searchButton')}
          </Button>
        </div>
      </Field>
    </form>
  );
}

export function EnterprisesPage() {
  const { t } = useTranslation('directory');
  const common = useTranslation().t;
  usePageTitle(t('title'));
  const { values, set, reset, activeCount } = useUrlFilters(DIRECTORY_FILTERS);
  const filter = directoryFilter(values);
  const sort = directorySort(values);
  const { data, previousData, loading, error, fetchMore } = useQuery(ENTERPRISES_PAGE_SEARCH, {
    variables: { filter, sort, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const shown = data ?? previousData;
  const result = shown?.enterprises;
  const searching = loading && !loadingMore;
  const cpvLabel = useCpvLabels(useMemo(() => (result?.nodes ?? []).flatMap((e) => e.cpvCodes.slice(0, 3)), [result]));

  const loadMore = async () => {
    if (!result?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: result.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          enterprises: { ...fetchMoreResult.enterprises, nodes: [...previous.enterprises.nodes, ...fetchMoreResult.enterprises.nodes] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  const countText = searching
    ? t('results.loading')
    : result
      ? result.totalCount === 0
        ? t('results.countNone')
        : t('results.count', { count: result.totalCount, formatted: formatNumber(result.totalCount) })
      : '';

  return (
    <div className="page directory-page">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph className="directory-lead">{t('lead')}</Paragraph>

      <div className="directory-layout">
        <section className="directory-filters" aria-labelledby="directory-filters-heading">
          <Heading level={2} data-size="xs" id="directory-filters-heading">
            {t('filters.label')}
          </Heading>
          <TextSearch value={values.q} onSearch={(q) => set({ q })} />
          <PlacePicker id="directory-place" countyCode={values.lan} municipalityCode={values.kommun} onChange={(p) => set({ lan: p.countyCode, kommun: p.municipalityCode })} />
          <CpvPicker id="directory-cpv" value={values.cpv} onChange={(cpv) => set({ cpv })} legend={t('filters.cpvLegend')} hint={t('filters.cpvHint')} />
          <SdgPicker value={values.mal} onChange={(mal) => set({ mal })} />
          <Fieldset>
            <Fieldset.Legend>{t('filters.kind')}</Fieldset.Legend>
            <Checkbox
              label={t('filters.workIntegrating')}
              checked={values.arbetsintegrerande === 'ja'}
              onChange={(e) => set({ arbetsintegrerande: e.target.checked ? 'ja' : '' })}
            />
            <Checkbox label={t('filters.ideburen')} checked={values.ideburen === 'ja'} onChange={(e) => set({ ideburen: e.target.checked ? 'ja' : '' })} />
          </Fieldset>
          <Fieldset>
            <Fieldset.Legend>{t('filters.legalForms')}</Fieldset.Legend>
            {LEGAL_FORMS.map((form) => (
              <Checkbox
                key={form}
                label={t(`legalForm.${form}`)}
                value={form}
                checked={values.form.includes(form)}
                onChange={(e) => set({ form: e.target.checked ? [...values.form, form] : values.form.filter((f) => f !== form) })}
              />
            ))}
          </Fieldset>
          {activeCount(['sortera']) > 0 ? (
            <Button variant="tertiary" onClick={() => reset(['sortera'])}>
              {t('filters.clear')}
            </Button>
          ) : null}
        </section>

        <section className="directory-results" aria-labelledby="directory-results-heading">
          <div className="directory-results-head">
            <Heading level={2} data-size="sm" id="directory-results-heading">
              {t('results.heading')}
            </Heading>
            <p className="directory-count" role="status" aria-live="polite" aria-atomic="true">
              {countText}
            </p>
            <Field className="directory-sort">
              <Label htmlFor="directory-sort">{t('filters.sort')}</Label>
              <Select id="directory-sort" value={Object.keys(SORTS).find((k) => SORTS[k] === sort) ?? 'namn'} onChange={(e) => set({ sortera: e.target.value })}>
                <Select.Option value="namn">{t('filters.sortName')}</Select.Option>
                <Select.Option value="relevans">{t('filters.sortRelevance')}</Select.Option>
                <Select.Option value="uppdaterad">{t('filters.sortUpdated')}</Select.Option>
                <Select.Option value="kapacitet">{t('filters.sortCapacity')}</Select.Option>
              </Select>
            </Field>
          </div>

          {error && !result ? (
            <Alert data-color="danger">{t('results.error')}</Alert>
          ) : !result ? (
            <Spinner aria-label={common('state.loading')} />
          ) : result.totalCount === 0 ? (
            <Paragraph>{t('results.empty')}</Paragraph>
          ) : (
            <>
              <ul className="directory-list" aria-busy={searching}>
                {result.nodes.map((e) => (
                  <EnterpriseCard key={e.organizationId} enterprise={e} cpvLabel={cpvLabel} />
                ))}
              </ul>
              <Paragraph data-size="sm" className="directory-showing">
                {t('results.showing', { shown: formatNumber(result.nodes.length), total: formatNumber(result.totalCount) })}
              </Paragraph>
              {result.pageInfo.hasNextPage ? (
                <Button variant="secondary" onClick={() => void loadMore()} loading={loadingMore} disabled={loadingMore}>
                  {t('results.more')}
                </Button>
              ) : null}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

export { EnterprisesPage as Component };
