import { useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Details, Fieldset, Heading, Link, Paragraph, Select, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { CpvPicker } from '../../components/CpvPicker';
import { PlacePicker } from '../../components/PlacePicker';
import { SdgPicker } from '../../components/SdgPicker';
import { useUrlFilters, type FilterValues } from '../../components/url-filters';
import { graphql } from '../../gql';
import type { NeedFilterInput, NeedSort, NeedsPageSearchQuery } from '../../gql/graphql';
import { formatDate, formatKronorRange, formatNumber, formatRelativeDays } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { useWideScreen } from '../../lib/screen';
import {
  endOfSwedishDay,
  NEEDS_PAGE_NAMES,
  usePlaceName,
  type Names,
  FORM_PARAM,
  formsFromParam,
  isDate,
  NEED_FORMS,
  SORT_PARAM,
  sortFromParam,
  startOfSwedishDay,
  swedishDay,
} from './needs-shared';
import './NeedsPage.css';

const PAGE_SIZE = 20;

export const NEEDS_PAGE_SEARCH = graphql(`
  query NeedsPageSearch($filter: NeedFilterInput!, $sort: NeedSort!, $first: Int!, $after: String) {
    needs(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        form
        budgetMinSek
        budgetMaxSek
        responseDeadline
        publishedAt
        municipalityCode
        countyCode
        cpvCodes
        buyer {
          id
          name
        }
      }
    }
  }
`);

/** The filters in the address, with short Swedish names: `/behov?q=städ&lan=12`. */
export const NEEDS_FILTERS = {
  q: 'text',
  lan: 'text',
  kommun: 'text',
  cpv: 'list',
  form: 'list',
  budgetFran: 'number',
  budgetTill: 'number',
  svarFran: 'text',
  svarTill: 'text',
  mal: 'numbers',
  sortera: 'text',
} as const;

type Filters = FilterValues<typeof NEEDS_FILTERS>;
type Need = NeedsPageSearchQuery['needs']['nodes'][number];

/** The API's filter for what the address says; only published needs, which are the ones to answer. */
export function needFilterOf(values: Filters): NeedFilterInput {
  const filter: NeedFilterInput = { statuses: ['PUBLISHED'] };
  if (values.q) filter.search = values.q;
  if (/^\d{2}$/.test(values.lan)) filter.countyCode = values.lan;
  if (/^\d{4}$/.test(values.kommun)) filter.municipalityCode = values.kommun;
  if (values.cpv.length > 0) filter.cpvCodes = values.cpv;
  const forms = formsFromParam(values.form);
  if (forms.length > 0) filter.forms = forms;
  if (values.budgetFran !== null) filter.budgetFromSek = values.budgetFran;
  if (values.budgetTill !== null) filter.budgetToSek = values.budgetTill;
  if (isDate(values.svarFran)) filter.deadlineFrom = startOfSwedishDay(values.svarFran).toISOString();
  if (isDate(values.svarTill)) filter.deadlineTo = endOfSwedishDay(values.svarTill).toISOString();
  const goals = values.mal.filter((n) => n >= 1 && n <= 17);
  if (goals.length > 0) filter.sdgs = goals;
  return filter;
}

/** The order chosen in the address; without one, best text match when searching for words, else newest. */
export function needSortOf(values: Filters): NeedSort {
  const chosen = sortFromParam(values.sortera);
  if (chosen === 'RELEVANCE' && !values.q) return 'PUBLISHED';
  return chosen ?? (values.q ? 'RELEVANCE' : 'PUBLISHED');
}

export function NeedsPage() {
  const { t } = useTranslation('needs');
  usePageTitle(t('search.title'));
  const filters = useUrlFilters(NEEDS_FILTERS);
  const { values } = filters;
  const filter = useMemo(() => needFilterOf(values), [values]);
  const sort = needSortOf(values);
  const wide = useWideScreen();
  const chosenFilters = filters.activeCount(['q', 'sortera']);

  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(NEEDS_PAGE_SEARCH, {
    variables: { filter, sort, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const { data: names } = useQuery(NEEDS_PAGE_NAMES, { fetchPolicy: 'cache-first' });
  const shown = data ?? previousData;
  const [loadingMore, setLoadingMore] = useState(false);
  const firstNew = useRef<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (firstNew.current === null) return;
    const links = listRef.current?.querySelectorAll<HTMLAnchorElement>('h3 a');
    links?.[firstNew.current]?.focus();
    firstNew.current = null;
  }, [shown]);

  async function showMore() {
    const connection = shown?.needs;
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    firstNew.current = connection.nodes.length;
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          needs: { ...fetchMoreResult.needs, nodes: [...(previous?.needs.nodes ?? []), ...fetchMoreResult.needs.nodes] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  }

  const panel = <FilterPanel values={values} set={filters.set} reset={() => filters.reset(['q', 'sortera'])} chosenCount={chosenFilters} />;

  return (
    <div className="page needs-page">
      <Heading level={1} data-size="lg">
        {t('search.title')}
      </Heading>
      <Paragraph className="needs-intro">{t('search.intro')}</Paragraph>

      <div className="needs-layout">
        <div role="search" aria-label={t('search.landmark')} className="needs-filters">
          <TextSearch key={values.q} value={values.q} onSearch={(q) => filters.set({ q })} />
          {wide ? (
            <section aria-labelledby="needs-filters-heading" className="needs-filter-panel">
              <Heading level={2} data-size="xs" id="needs-filters-heading">
                {chosenFilters > 0 ? t('search.filtersChosen', { count: chosenFilters }) : t('search.filters')}
              </Heading>
              {panel}
            </section>
          ) : (
            <Details className="needs-filter-disclosure">
              <Details.Summary>{chosenFilters > 0 ? t('search.filtersChosen', { count: chosenFilters }) : t('search.filters')}</Details.Summary>
              <Details.Content>{panel}</Details.Content>
            </Details>
          )}
        </div>

        <section className="needs-results" aria-labelledby="needs-count">
          <div className="needs-results-head">
            <div aria-live="polite" aria-atomic="true" className="needs-count">
              <Heading level={2} data-size="sm" id="needs-count">
                {shown ? t('search.count', { count: shown.needs.totalCount }) : t('search.searching')}
              </Heading>
            </div>
            <div className="needs-sort">
              <label htmlFor="needs-sort">{t('search.sort')}</label>
              <Select id="needs-sort" value={sort} onChange={(e) => filters.set({ sortera: SORT_PARAM[e.target.value as NeedSort] })}>
                {(['RELEVANCE', 'PUBLISHED', 'DEADLINE', 'BUDGET', 'TITLE'] as const)
                  .filter((s) => s !== 'RELEVANCE' || values.q)
                  .map((s) => (
                    <Select.Option key={s} value={s}>
                      {t(`search.sorts.${s}`)}
                    </Select.Option>
                  ))}
              </Select>
            </div>
          </div>

          {error && !loading ? (
            <Alert data-color="danger">
              <Paragraph>{t('search.error')}</Paragraph>
              <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
                {t('search.retry')}
              </Button>
            </Alert>
          ) : null}

          {!shown && loading ? <Spinner aria-label={t('search.searching')} /> : null}

          {shown && shown.needs.totalCount === 0 ? <NoResults canClear={chosenFilters > 0} onClear={() => filters.reset(['q', 'sortera'])} /> : null}

          {shown && shown.needs.nodes.length > 0 ? (
            <>
              <ol ref={listRef} className="needs-list" aria-busy={loading && !loadingMore}>
                {shown.needs.nodes.map((need) => (
                  <li key={need.id}>
                    <NeedSummary need={need} names={names} />
                  </li>
                ))}
              </ol>
              {shown.needs.totalCount > shown.needs.nodes.length ? (
                <Paragraph data-size="sm">{t('search.countShown', { shown: formatNumber(shown.needs.nodes.length), total: formatNumber(shown.needs.totalCount) })}</Paragraph>
              ) : null}
              {shown.needs.pageInfo.hasNextPage ? (
                <Button variant="secondary" onClick={() => void showMore()} loading={loadingMore} aria-disabled={loadingMore || undefined}>
                  {t('search.showMore')}
                </Button>
              ) : null}
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}

export function TextSearch({ value, onSearch }: { value: string; onSearch(q: string): void }) {
  const { t } = useTranslation('needs');
  const [text, setText] = useState(value);
  return (
    <form
      className="needs-text-search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <Textfield id="needs-q" type="search" label={t('search.searchLabel')} description={t('search.searchHint')} value={text} onChange={(e) => setText(e.target.value)} />
      <Button type="submit">{t('search.searchButton')}</Button>
    </form>
  );
}

interface PanelProps {
  values: Filters;
  set(patch: Partial<Filters>): void;
  reset(): void;
  chosenCount: number;
}

export function FilterPanel({ values, set, reset, chosenCount }: PanelProps) {
  const { t } = useTranslation('needs');
  const forms = formsFromParam(values.form);
  return (
    <div className="needs-filter-fields">
      <Fieldset>
        <Fieldset.Legend>{t('search.place')}</Fieldset.Legend>
        <PlacePicker id="needs-place" countyCode={values.lan} municipalityCode={values.kommun} onChange={(p) => set({ lan: p.countyCode, kommun: p.municipalityCode })} />
      </Fieldset>

      <Fieldset aria-describedby="needs-form-hint">
        <Fieldset.Legend>{t('search.form')}</Fieldset.Legend>
        <Fieldset.Description id="needs-form-hint">{t('search.formHint')}</Fieldset.Description>
        {NEED_FORMS.map((form) => (
          <Checkbox
            key={form}
            value={FORM_PARAM[form]}
            checked={forms.includes(form)}
            label={t(`forms.${form}`)}
            onChange={(e) => {
              const next = e.target.checked ? [...forms, form] : forms.filter((f) => f !== form);
              set({ form: NEED_FORMS.filter((f) => next.includes(f)).map((f) => FORM_PARAM[f]) });
            }}
          />
        ))}
      </Fieldset>

      <CpvPicker id="needs-cpv" value={values.cpv} onChange={(cpv) => set({ cpv })} />

      <RangesForm key={`${values.budgetFran}|${values.budgetTill}|${values.svarFran}|${values.svarTill}`} values={values} set={set} />

      <SdgPicker value={values.mal} onChange={(mal) => set({ mal })} />

      {chosenCount > 0 ? (
        <Button variant="tertiary" onClick={reset}>
          {t('search.clear')}
        </Button>
      ) : null}
    </div>
  );
}

/** Amount in whole kronor from what was typed ("500 000" too); undefined when it is not one. */
function kronorOf(text: string): number | null | undefined {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '');
  if (digits === '') return null;
  if (!/^\d{1,12}$/.test(digits)) return undefined;
  return Number(digits);
}

function RangesForm({ values, set }: { values: Filters; set(patch: Partial<Filters>): void }) {
  const { t } = useTranslation('needs');
  const [errors, setErrors] = useState<Partial<Record<'budgetFran' | 'budgetTill' | 'svarTill', string>>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = kronorOf(String(data.get('budgetFran') ?? ''));
    const to = kronorOf(String(data.get('budgetTill') ?? ''));
    const deadlineFrom = String(data.get('svarFran') ?? '');
    const deadlineTo = String(data.get('svarTill') ?? '');
    const problems: typeof errors = {};
    if (from === undefined) problems.budgetFran = t('search.invalidNumber');
    if (to === undefined) problems.budgetTill = t('search.invalidNumber');
    if (from != null && to != null && to < from) problems.budgetTill = t('search.budgetOrder');
    if (isDate(deadlineFrom) && isDate(deadlineTo) && deadlineTo < deadlineFrom) problems.svarTill = t('search.deadlineOrder');
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      document.getElementById(`needs-${first}`)?.focus();
      return;
    }
    set({ budgetFran: from ?? null, budgetTill: to ?? null, svarFran: isDate(deadlineFrom) ? deadlineFrom : '', svarTill: isDate(deadlineTo) ? deadlineTo : '' });
  }

  return (
    <form className="needs-ranges" onSubmit={submit} noValidate>
      <Fieldset aria-describedby="needs-budget-hint">
        <Fieldset.Legend>{t('search.budget')}</Fieldset.Legend>
        <Fieldset.Description id="needs-budget-hint">{t('search.budgetHint')}</Fieldset.Description>
        <div className="needs-pair">
          <Textfield id="needs-budgetFran" name="budgetFran" inputMode="numeric" label={t('search.budgetFrom')} defaultValue={values.budgetFran ?? ''} error={errors.budgetFran} />
          <Textfield id="needs-budgetTill" name="budgetTill" inputMode="numeric" label={t('search.budgetTo')} defaultValue={values.budgetTill ?? ''} error={errors.budgetTill} />
        </div>
      </Fieldset>
      <Fieldset aria-describedby="needs-deadline-hint">
        <Fieldset.Legend>{t('search.deadline')}</Fieldset.Legend>
        <Fieldset.Description id="needs-deadline-hint">{t('search.deadlineHint')}</Fieldset.Description>
        <div className="needs-pair">
          <Textfield id="needs-svarFran" name="svarFran" type="date" label={t('search.deadlineFrom')} defaultValue={isDate(values.svarFran) ? values.svarFran : ''} />
          <Textfield
            id="needs-svarTill"
            name="svarTill"
            type="date"
            label={t('search.deadlineTo')}
            defaultValue={isDate(values.svarTill) ? values.svarTill : ''}
            error={errors.svarTill}
          />
        </div>
      </Fieldset>
      <Button type="submit" variant="secondary">
        {t('search.apply')}
      </Button>
    </form>
  );
}

function NoResults({ canClear, onClear }: { canClear: boolean; onClear(): void }) {
  const { t } = useTranslation('needs');
  return (
    <div className="needs-empty">
      <Heading level={3} data-size="xs">
        {t('search.noneTitle')}
      </Heading>
      <Paragraph>{t('search.noneAdvice')}</Paragraph>
      <ul>
        <li>{t('search.noneFewerWords')}</li>
        <li>{t('search.noneWiderPlace')}</li>
        <li>{t('search.noneBroaderCpv')}</li>
        <li>{t('search.noneFewerFilters')}</li>
      </ul>
      {canClear ? (
        <Button variant="secondary" onClick={onClear}>
          {t('search.clear')}
        </Button>
      ) : null}
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="needs-fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function NeedSummary({ need, names }: { need: Need; names: Names }) {
  const { t, i18n } = useTranslation('needs');
  const { search } = useLocation();
  const place = usePlaceName(names, need.municipalityCode, need.countyCode);
  const budget = formatKronorRange(need.budgetMinSek, need.budgetMaxSek);
  const divisions = [...new Set(need.cpvCodes.map((c) => c.slice(0, 2)))];
  const divisionLabels = divisions.map((d) => {
    const node = names?.cpvCodes.nodes.find((n) => n.division === d);
    return node ? (i18n.language === 'en' ? node.labelEn : node.labelSv) : d;
  });
  const deadlineDay = need.responseDeadline ? swedishDay(need.responseDeadline) : null;
  return (
    <article className="needs-result" aria-labelledby={`need-${need.id}`}>
      <Heading level={3} data-size="xs" id={`need-${need.id}`}>
        <Link asChild>
          <RouterLink to={`/behov/${encodeURIComponent(need.id)}`} state={{ search }}>
            {need.title}
          </RouterLink>
        </Link>
      </Heading>
      <Paragraph data-size="sm" className="needs-result-buyer">
        {need.buyer.name} · {place}
      </Paragraph>
      <div>
        <Tag data-color={need.form === 'RESERVED_CONTRACT' || need.form === 'IOP' ? 'accent' : 'neutral'} data-size="sm">
          {t(`forms.${need.form}`)}
        </Tag>
      </div>
      <dl className="needs-facts">
        <Fact term={t('item.budget')}>{budget ?? t('item.budgetUnknown')}</Fact>
        <Fact term={t('item.deadline')}>
          {deadlineDay ? (
            <>
              {formatDate(deadlineDay)} ({formatRelativeDays(deadlineDay)})
            </>
          ) : (
            t('item.deadlineNone')
          )}
        </Fact>
        {divisionLabels.length > 0 ? <Fact term={t('item.areas')}>{divisionLabels.join(', ')}</Fact> : null}
      </dl>
    </article>
  );
}

export { NeedsPage as Component };
