import { useQuery } from '@apollo/client/react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession, type Me } from '../../app/session';
import type { InsightInterval } from '../../gql/graphql';
import { formatDateTime, formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { AreaTable, needsHref } from './AreaTable';
import type { CsvScope } from './CsvButton';
import { loadTopology, RegionMap, type SwedenTopology } from './RegionMap';
import { EnterpriseTables, GapTables, ImpactTable, PartnershipsTable, Section, TimelineTable, type Insights } from './RegionSections';
import { REGION_COUNTIES, REGION_INSIGHTS } from './region-queries';
import './region.css';

/** The filters in the address, in Swedish: `?lan=12&period=kvartal&grans=40`. */
const PERIODS: Record<string, InsightInterval> = { manad: 'MONTH', kvartal: 'QUARTER', ar: 'YEAR' };
const PERIOD_WORD: Record<InsightInterval, string> = { MONTH: 'manad', QUARTER: 'kvartal', YEAR: 'ar' };
export const THRESHOLDS = [30, 40, 50, 60, 70] as const;
const DEFAULT_THRESHOLD = 50;

/** The län a person may see: every one for an administrator, their own for a coordinator. */
export function countiesFor(me: Me, all: { code: string; name: string }[]): { code: string; name: string }[] {
  if (me.platformRole === 'ADMIN') return all;
  const own = new Set(me.coordinatorCountyCodes);
  return all.filter((c) => own.has(c.code));
}

/**
 * The coordinator's region overview: a län's needs, supply gap, enterprises, partnerships and confirmed
 * impact, with a map of its kommuner, every section as a table and as a CSV download.
 * `topology`: the boundaries given at once (tests); otherwise fetched when the map is drawn.
 */
export function RegionPage({ topology }: { topology?: SwedenTopology }) {
  const { t } = useTranslation('region');
  const { me } = useSession();
  usePageTitle(t('title'));
  // The boundaries and the län's names are asked for at once, beside the session, rather than after it.
  useEffect(() => {
    if (!topology) void loadTopology().catch(() => undefined);
  }, [topology]);
  useQuery(REGION_COUNTIES, { fetchPolicy: 'cache-first' });
  return (
    <div className="page region-page">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      {me ? <Overview me={me} topology={topology} /> : <Spinner aria-label={t('common:state.loading')} />}
    </div>
  );
}

function Overview({ me, topology }: { me: Me; topology?: SwedenTopology }) {
  const { t } = useTranslation('region');
  const [params, setParams] = useSearchParams();
  const counties = useQuery(REGION_COUNTIES, { fetchPolicy: 'cache-first' });
  const allowed = useMemo(() => countiesFor(me, counties.data?.counties ?? []), [me, counties.data]);
  const asked = params.get('lan') ?? '';
  const county = allowed.find((c) => c.code === asked) ?? allowed[0] ?? null;
  const interval = PERIODS[params.get('period') ?? ''] ?? 'MONTH';
  const threshold = Number(params.get('grans'));
  const weakMatchBelow = (THRESHOLDS as readonly number[]).includes(threshold) ? threshold : DEFAULT_THRESHOLD;

  // The län in the address, so the page can be shared as it is.
  useEffect(() => {
    if (county && asked !== county.code) {
      setParams(
        (now) => {
          const next = new URLSearchParams(now);
          next.set('lan', county.code);
          return next;
        },
        { replace: true },
      );
    }
  }, [county, asked, setParams]);

  const set = (name: string, value: string | null) =>
    setParams((now) => {
      const next = new URLSearchParams(now);
      if (value === null) next.delete(name);
      else next.set(name, value);
      return next;
    });

  if (!counties.data) {
    return counties.error ? <Retry onRetry={() => void counties.refetch()} /> : <Spinner aria-label={t('common:state.loading')} />;
  }
  if (!county) return null;
  return (
    <>
      <form className="region-filters" aria-labelledby="region-filters" onSubmit={(e) => e.preventDefault()}>
        <Heading level={2} data-size="xs" id="region-filters">
          {t('filters.title')}
        </Heading>
        <div className="region-filter-fields">
          {allowed.length > 1 ? (
            <Field>
              <Label htmlFor="region-county">{t('filters.county')}</Label>
              <Field.Description>{me.platformRole === 'ADMIN' ? t('filters.countyHintAdmin') : t('filters.countyHint')}</Field.Description>
              <Select id="region-county" value={county.code} onChange={(e) => set('lan', e.target.value)}>
                {allowed.map((c) => (
                  <Select.Option key={c.code} value={c.code}>
                    {c.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Field>
            <Label htmlFor="region-interval">{t('filters.interval')}</Label>
            <Field.Description>{t('filters.intervalHint')}</Field.Description>
            <Select id="region-interval" value={interval} onChange={(e) => set('period', e.target.value === 'MONTH' ? null : PERIOD_WORD[e.target.value as InsightInterval])}>
              {(['MONTH', 'QUARTER', 'YEAR'] as const).map((i) => (
                <Select.Option key={i} value={i}>
                  {t(`filters.intervals.${i}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor="region-weak">{t('filters.weak')}</Label>
            <Field.Description>{t('filters.weakHint')}</Field.Description>
            <Select id="region-weak" value={String(weakMatchBelow)} onChange={(e) => set('grans', Number(e.target.value) === DEFAULT_THRESHOLD ? null : e.target.value)}>
              {THRESHOLDS.map((v) => (
                <Select.Option key={v} value={String(v)}>
                  {t('filters.weakOption', { value: v })}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
      </form>
      <Insights scope={{ countyCode: county.code, countyName: county.name, interval, weakMatchBelow }} topology={topology} />
    </>
  );
}

function Retry({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation('region');
  return (
    <Alert data-color="danger">
      <Paragraph>{t('error')}</Paragraph>
      <Button variant="secondary" data-size="sm" onClick={onRetry}>
        {t('retry')}
      </Button>
    </Alert>
  );
}

function Insights({ scope, topology }: { scope: CsvScope; topology?: SwedenTopology }) {
  const { t } = useTranslation('region');
  const navigate = useNavigate();
  const { data, previousData, loading, error, refetch } = useQuery(REGION_INSIGHTS, {
    variables: { countyCode: scope.countyCode, interval: scope.interval, weakMatchBelow: scope.weakMatchBelow },
    fetchPolicy: 'cache-and-network',
  });
  const insights: Insights | undefined = (data ?? (loading ? previousData : undefined))?.regionInsights;
  if (!insights) return error ? <Retry onRetry={() => void refetch()} /> : <Spinner aria-label={t('common:state.loading')} />;
  const countyName = insights.county.name;
  const region = insights.region;
  return (
    <div className="region-content" aria-busy={loading || undefined}>
      <Paragraph>{t('intro', { county: countyName })}</Paragraph>
      <Paragraph data-size="sm" className="region-updated">
        {t('updated', { time: formatDateTime(insights.generatedAt) })}
      </Paragraph>

      <section className="region-section" aria-labelledby="region-figures">
        <Heading level={2} data-size="sm" id="region-figures">
          {t('figures.title')}
        </Heading>
        <dl className="region-figures">
          {(['openNeeds', 'needsWithoutOffers', 'supplyGapNeeds', 'needsAwaitingMatching', 'activePartnerships', 'enterprises'] as const).map((k) => (
            <div key={k}>
              <dt>{t(`figures.${k}`)}</dt>
              <dd>{formatNumber(region[k])}</dd>
            </div>
          ))}
        </dl>
        <Paragraph data-size="sm">
          {t('figures.enterprisesDetail', { registered: formatNumber(insights.enterprises.registeredInRegion), nationwide: formatNumber(insights.enterprises.nationwide) })}
        </Paragraph>
      </section>

      <Section id="region-map" title={t('map.title')} scope={scope} csv={['AREAS']}>
        <RegionMap
          countyCode={scope.countyCode}
          countyName={countyName}
          areas={insights.municipalities}
          hrefOf={(code) => needsHref(scope.countyCode, code)}
          onOpen={(code) => void navigate(needsHref(scope.countyCode, code))}
          topology={topology}
        />
        <Heading level={3} data-size="xs">
          {t('table.title')}
        </Heading>
        <AreaTable countyCode={scope.countyCode} countyName={countyName} region={region} municipalities={insights.municipalities} />
      </Section>

      <Section id="region-timeline" title={t('timeline.title')} scope={scope} csv={['TIMELINE', 'IMPACT_TIMELINE']}>
        <TimelineTable insights={insights} />
      </Section>

      <Section id="region-gaps" title={t('gaps.title')} scope={scope} csv={['SUPPLY_GAP_BY_CPV_DIVISION', 'SUPPLY_GAP_BY_SDG']}>
        <Paragraph>{t('gaps.intro')}</Paragraph>
        <GapTables insights={insights} />
      </Section>

      <Section id="region-partnerships" title={t('partnerships.title')} scope={scope} csv={['PARTNERSHIPS_BY_STATUS']}>
        <PartnershipsTable insights={insights} />
      </Section>

      <Section id="region-impact" title={t('impact.title')} scope={scope} csv={['IMPACT_TOTALS']}>
        <Paragraph>{t('impact.intro')}</Paragraph>
        <ImpactTable insights={insights} />
      </Section>

      <Section id="region-enterprises" title={t('enterprises.title')} scope={scope} csv={['ENTERPRISES_BY_SDG', 'ENTERPRISES_BY_LEGAL_FORM']}>
        <EnterpriseTables insights={insights} />
      </Section>
    </div>
  );
}

export { RegionPage as Component };
