import { useQuery } from '@apollo/client/react';
import { Alert, Button, Details, Field, Heading, Input, Label, Paragraph, Select, Spinner, Tag } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PlacePicker } from '../../components/PlacePicker';
import { useUrlFilters, type FilterValues } from '../../components/url-filters';
import { graphql } from '../../gql';
import type { GoodExampleFilterInput, GoodExamplesPageSearchQuery, ImpactUnit } from '../../gql/graphql';
import { formatDate, formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { SdgList, useSdgs } from './public-data';
import './public.css';
import './GoodExamplesPage.css';

const PAGE_SIZE = 10;

/** The library's filters in the address: /goda-exempel?q=slåtter&lan=12&kommun=1290&mal=15 */
export const EXAMPLE_FILTERS = { q: 'text', lan: 'text', kommun: 'text', mal: 'number' } as const;

export function examplesFilter(v: FilterValues<typeof EXAMPLE_FILTERS>): GoodExampleFilterInput {
  const filter: GoodExampleFilterInput = {};
  if (v.q) filter.search = v.q;
  if (v.kommun) filter.municipalityCode = v.kommun;
  else if (v.lan) filter.countyCode = v.lan;
  if (v.mal !== null && v.mal >= 1 && v.mal <= 17) filter.sdg = v.mal;
  return filter;
}

export const GOOD_EXAMPLES_PAGE_SEARCH = graphql(`
  query GoodExamplesPageSearch($filter: GoodExampleFilterInput, $first: Int, $after: String) {
    goodExamples(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        partnershipId
        title
        summary
        description
        curatorNoteSv
        curatorNoteEn
        featured
        status
        startsOn
        endsOn
        completedOn
        countyName
        municipalityName
        sdgs
        buyer {
          name
        }
        enterprise {
          name
          organizationId
        }
        impact {
          indicatorCode
          nameSv
          nameEn
          unit
          value
        }
        targets {
          indicatorCode
          unit
          value
        }
      }
    }
  }
`);

type Example = GoodExamplesPageSearchQuery['goodExamples']['nodes'][number];

/** "4 personer", "240,5 timmar": a figure with its unit, the number through Intl. */
export function useFigure() {
  const { t } = useTranslation('examples');
  return (value: number, unit: ImpactUnit) => t(`unit.${unit}`, { count: value, value: formatNumber(value) });
}

function ExampleItem({ example }: { example: Example }) {
  const { t, i18n } = useTranslation('examples');
  const figure = useFigure();
  const headingId = `example-${example.partnershipId}`;
  const end = example.completedOn ?? example.endsOn;
  const period = end ? t('item.periodRange', { start: formatDate(example.startsOn), end: formatDate(end) }) : t('item.periodOpen', { start: formatDate(example.startsOn) });
  const place = [example.municipalityName, example.countyName].filter(Boolean).join(', ');
  const targets = new Map(example.targets.map((target) => [target.indicatorCode, target]));
  return (
    <li className="examples-item">
      <article aria-labelledby={headingId}>
        <div className="examples-item-head">
          <Heading level={3} data-size="sm" id={headingId} lang="sv">
            {example.title}
          </Heading>
          {example.featured ? (
            <Tag data-color="accent" data-size="sm">
              {t('featured')}
            </Tag>
          ) : null}
          <Tag data-color={example.status === 'COMPLETED' ? 'success' : 'info'} data-size="sm">
            {t(`status.${example.status}`)}
          </Tag>
        </div>
        <Paragraph className="examples-summary" lang="sv">
          {example.summary}
        </Paragraph>
        <CuratorNote sv={example.curatorNoteSv} en={example.curatorNoteEn} />
        <dl className="public-facts">
          <dt>{t('item.buyer')}</dt>
          <dd>{example.buyer.name}</dd>
          <dt>{t('item.enterprise')}</dt>
          <dd>{example.enterprise.name}</dd>
          <dt>{t('item.where')}</dt>
          <dd>{place}</dd>
          <dt>{t('item.period')}</dt>
          <dd>{period}</dd>
        </dl>
        <div role="group" aria-labelledby={`${headingId}-impact`} className="examples-impact">
          <Heading level={4} data-size="2xs" id={`${headingId}-impact`}>
            {t('item.impact')}
          </Heading>
          {example.impact.length === 0 ? (
            <Paragraph data-size="sm">{t('item.impactNone')}</Paragraph>
          ) : (
            <ul>
              {example.impact.map((f) => {
                const target = targets.get(f.indicatorCode);
                return (
                  <li key={f.indicatorCode}>
                    <span className="examples-figure">{figure(f.value, f.unit)}</span>
                    <span className="examples-figure-name">{i18n.language === 'en' ? f.nameEn : f.nameSv}</span>
                    {target ? <span className="examples-target">{t('item.target', { value: figure(target.value, target.unit) })}</span> : null}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        {example.sdgs.length > 0 ? (
          <div role="group" aria-labelledby={`${headingId}-sdgs`}>
            <Heading level={4} data-size="2xs" id={`${headingId}-sdgs`}>
              {t('item.sdgs')}
            </Heading>
            <SdgList sdgs={example.sdgs} />
          </div>
        ) : null}
        {example.description ? (
          <Details>
            <Details.Summary>{t('item.background')}</Details.Summary>
            <Details.Content>
              <Paragraph className="examples-description" lang="sv">
                {example.description}
              </Paragraph>
            </Details.Content>
          </Details>
        ) : null}
      </article>
    </li>
  );
}

/** What the region's coordinator wrote the example shows: in the reader's language where written, else in Swedish. */
export function CuratorNote({ sv, en }: { sv: string | null | undefined; en: string | null | undefined }) {
  const { t, i18n } = useTranslation('examples');
  const english = i18n.language === 'en' && !!en;
  const text = english ? en : sv;
  if (!text) return null;
  return (
    <div className="examples-curator-note">
      <Heading level={4} data-size="2xs">
        {t('curatorNote')}
      </Heading>
      <Paragraph lang={english ? 'en' : 'sv'}>{text}</Paragraph>
    </div>
  );
}

function TextSearch({ value, onSearch }: { value: string; onSearch(q: string): void }) {
  const { t } = useTranslation('examples');
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" onSubmit={submit}>
      <Field>
        <Label htmlFor="examples-q">{t('filters.search')}</Label>
        <Field.Description>{t('filters.searchHint')}</Field.Description>
        <div className="examples-search-row">
          <Input id="examples-q" type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          <Button type="submit" variant="secondary">
            {t('filters.searchButton')}
          </Button>
        </div>
      </Field>
    </form>
  );
}

export function GoodExamplesPage() {
  const { t } = useTranslation('examples');
  const common = useTranslation().t;
  usePageTitle(t('title'));
  const goals = useSdgs();
  const { values, set, reset, activeCount } = useUrlFilters(EXAMPLE_FILTERS);
  const { data, previousData, loading, error, fetchMore } = useQuery(GOOD_EXAMPLES_PAGE_SEARCH, {
    variables: { filter: examplesFilter(values), first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const result = (data ?? previousData)?.goodExamples;
  const searching = loading && !loadingMore;

  const loadMore = async () => {
    if (!result?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: result.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          goodExamples: { ...fetchMoreResult.goodExamples, nodes: [...previous.goodExamples.nodes, ...fetchMoreResult.goodExamples.nodes] },
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
    <div className="page examples-page">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph className="examples-lead">{t('lead')}</Paragraph>

      <section className="examples-filters" aria-labelledby="examples-filters-heading">
        <Heading level={2} data-size="xs" id="examples-filters-heading">
          {t('filters.label')}
        </Heading>
        <div className="examples-filters-grid">
          <TextSearch value={values.q} onSearch={(q) => set({ q })} />
          <PlacePicker id="examples-place" countyCode={values.lan} municipalityCode={values.kommun} onChange={(p) => set({ lan: p.countyCode, kommun: p.municipalityCode })} />
          <Field>
            <Label htmlFor="examples-sdg">{t('filters.sdg')}</Label>
            <Select id="examples-sdg" value={values.mal === null ? '' : String(values.mal)} onChange={(e) => set({ mal: e.target.value ? Number(e.target.value) : null })}>
              <Select.Option value="">{t('filters.sdgAll')}</Select.Option>
              {!goals.ready && values.mal !== null ? <Select.Option value={String(values.mal)}>{values.mal}</Select.Option> : null}
              {goals.all.map((g) => (
                <Select.Option key={g.number} value={String(g.number)}>
                  {`${g.number}. ${g.title}`}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
        {activeCount() > 0 ? (
          <Button variant="tertiary" onClick={() => reset()}>
            {t('filters.clear')}
          </Button>
        ) : null}
      </section>

      <p className="examples-count" role="status" aria-live="polite" aria-atomic="true">
        {countText}
      </p>

      {error && !result ? (
        <Alert data-color="danger">{t('results.error')}</Alert>
      ) : !result ? (
        <Spinner aria-label={common('state.loading')} />
      ) : result.totalCount === 0 ? (
        <Paragraph>{t('results.empty')}</Paragraph>
      ) : (
        <>
          <ul className="examples-list" aria-busy={searching} aria-label={t('title')}>
            {result.nodes.map((e) => (
              <ExampleItem key={e.partnershipId} example={e} />
            ))}
          </ul>
          {result.pageInfo.hasNextPage ? (
            <Button variant="secondary" onClick={() => void loadMore()} loading={loadingMore} disabled={loadingMore}>
              {t('results.more')}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}

export { GoodExamplesPage as Component };
