import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightSection, RegionInsightsQuery } from '../../gql/graphql';
import { formatNumber } from '../../lib/format';
import { CsvButton, type CsvScope } from './CsvButton';

export type Insights = RegionInsightsQuery['regionInsights'];

/** A section of the overview: its heading, its CSV download, its content. */
export function Section({ id, title, scope, csv, children }: { id: string; title: string; scope: CsvScope; csv: InsightSection[]; children: ReactNode }) {
  return (
    <section className="region-section" aria-labelledby={id}>
      <div className="region-section-head">
        <Heading level={2} data-size="sm" id={id}>
          {title}
        </Heading>
        <div className="region-section-csv">
          {csv.map((section) => (
            <CsvButton key={section} scope={scope} section={section} />
          ))}
        </div>
      </div>
      {children}
    </section>
  );
}

/** A plain table of rows in its own scroll region (a phone scrolls it sideways, never the page). */
export function FigureTable({ label, head, rows, numeric = [] }: { label: string; head: string[]; rows: { key: string; cells: ReactNode[] }[]; numeric?: number[] }) {
  const { t } = useTranslation('region');
  return (
    <div className="region-table-wrap" tabIndex={0} role="region" aria-label={t('tableRegion', { name: label })}>
      <Table className="region-table" data-size="sm">
        <caption className="visually-hidden">{label}</caption>
        <Table.Head>
          <Table.Row>
            {head.map((h) => (
              <Table.HeaderCell key={h} scope="col">
                {h}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <Table.HeaderCell key={i} scope="row">
                    {cell}
                  </Table.HeaderCell>
                ) : (
                  <Table.Cell key={i} className={numeric.includes(i) ? 'region-number' : undefined}>
                    {cell}
                  </Table.Cell>
                ),
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** A value in its unit: "412,5 timmar". */
function useValue() {
  const { t } = useTranslation('region');
  return (total: number, unit: string) => `${formatNumber(total)} ${t(`units.${unit}`, { count: total })}`;
}

/** The timeline as a table; a bar beside the needs published shows the shape (the number says it). */
export function TimelineTable({ insights }: { insights: Insights }) {
  const { t, i18n } = useTranslation('region');
  const value = useValue();
  const en = i18n.language === 'en';
  const max = Math.max(1, ...insights.timeline.map((b) => b.needsPublished));
  return (
    <FigureTable
      label={t('timeline.label')}
      head={[t('timeline.period'), t('timeline.needsPublished'), t('timeline.partnershipsStarted'), t('timeline.impact')]}
      numeric={[2]}
      rows={insights.timeline.map((b) => ({
        key: b.label,
        cells: [
          b.label,
          <span className="region-bar-cell" key="bar">
            <span className="region-number">{formatNumber(b.needsPublished)}</span>
            <span className="region-bar" aria-hidden="true" style={{ inlineSize: `${(b.needsPublished / max) * 100}%` }} />
          </span>,
          formatNumber(b.partnershipsStarted),
          b.impact.filter((i) => i.total !== 0).length === 0
            ? t('timeline.noImpact')
            : b.impact
                .filter((i) => i.total !== 0)
                .map((i) => `${en ? i.nameEn : i.nameSv}: ${value(i.total, i.unit)}`)
                .join('; '),
        ],
      }))}
    />
  );
}

export function PartnershipsTable({ insights }: { insights: Insights }) {
  const { t } = useTranslation('region');
  return (
    <FigureTable
      label={t('partnerships.title')}
      head={[t('partnerships.status'), t('partnerships.count')]}
      numeric={[1]}
      rows={insights.partnershipsByStatus.map((s) => ({ key: s.status, cells: [t(`partnerships.statuses.${s.status}`), formatNumber(s.partnerships)] }))}
    />
  );
}

export function ImpactTable({ insights }: { insights: Insights }) {
  const { t, i18n } = useTranslation('region');
  const value = useValue();
  if (insights.impactTotals.length === 0) return <Paragraph>{t('impact.none')}</Paragraph>;
  return (
    <FigureTable
      label={t('impact.title')}
      head={[t('impact.indicator'), t('impact.total'), t('impact.partnerships'), t('impact.reports')]}
      numeric={[1, 2, 3]}
      rows={insights.impactTotals.map((i) => ({
        key: i.indicatorCode,
        cells: [i18n.language === 'en' ? i.nameEn : i.nameSv, value(i.total, i.unit), formatNumber(i.partnerships), formatNumber(i.reports)],
      }))}
    />
  );
}

export function GapTables({ insights }: { insights: Insights }) {
  const { t, i18n } = useTranslation('region');
  const en = i18n.language === 'en';
  return (
    <div className="region-columns">
      <div>
        <Heading level={3} data-size="xs">
          {t('gaps.cpvTitle')}
        </Heading>
        {insights.supplyGapByCpvDivision.length === 0 ? (
          <Paragraph>{t('gaps.none')}</Paragraph>
        ) : (
          <FigureTable
            label={`${t('gaps.title')}: ${t('gaps.cpvTitle')}`}
            head={[t('gaps.division'), t('gaps.supplyGapNeeds'), t('gaps.openNeeds')]}
            numeric={[1, 2]}
            rows={insights.supplyGapByCpvDivision.map((g) => ({
              key: g.division,
              cells: [`${g.division} ${(en ? g.labelEn : g.labelSv) ?? ''}`.trim(), formatNumber(g.supplyGapNeeds), formatNumber(g.openNeeds)],
            }))}
          />
        )}
      </div>
      <div>
        <Heading level={3} data-size="xs">
          {t('gaps.sdgTitle')}
        </Heading>
        {insights.supplyGapBySdg.length === 0 ? (
          <Paragraph>{t('gaps.none')}</Paragraph>
        ) : (
          <FigureTable
            label={`${t('gaps.title')}: ${t('gaps.sdgTitle')}`}
            head={[t('gaps.goal'), t('gaps.supplyGapNeeds'), t('gaps.openNeeds')]}
            numeric={[1, 2]}
            rows={insights.supplyGapBySdg.map((g) => ({
              key: String(g.sdg),
              cells: [t('gaps.goalName', { number: g.sdg, title: en ? g.titleEn : g.titleSv }), formatNumber(g.supplyGapNeeds), formatNumber(g.openNeeds)],
            }))}
          />
        )}
      </div>
    </div>
  );
}

export function EnterpriseTables({ insights }: { insights: Insights }) {
  const { t, i18n } = useTranslation('region');
  const en = i18n.language === 'en';
  const { bySdg, byLegalForm } = insights.enterprises;
  return (
    <div className="region-columns">
      <div>
        <Heading level={3} data-size="xs">
          {t('enterprises.sdgTitle')}
        </Heading>
        {bySdg.length === 0 ? (
          <Paragraph>{t('enterprises.none')}</Paragraph>
        ) : (
          <FigureTable
            label={`${t('enterprises.title')}: ${t('enterprises.sdgTitle')}`}
            head={[t('enterprises.goal'), t('enterprises.count')]}
            numeric={[1]}
            rows={bySdg.map((s) => ({ key: String(s.sdg), cells: [t('gaps.goalName', { number: s.sdg, title: en ? s.titleEn : s.titleSv }), formatNumber(s.enterprises)] }))}
          />
        )}
      </div>
      <div>
        <Heading level={3} data-size="xs">
          {t('enterprises.formTitle')}
        </Heading>
        {byLegalForm.length === 0 ? (
          <Paragraph>{t('enterprises.none')}</Paragraph>
        ) : (
          <FigureTable
            label={`${t('enterprises.title')}: ${t('enterprises.formTitle')}`}
            head={[t('enterprises.form'), t('enterprises.count')]}
            numeric={[1]}
            rows={byLegalForm.map((f) => ({ key: f.legalForm ?? 'NONE', cells: [t(`enterprises.forms.${f.legalForm ?? 'NONE'}`), formatNumber(f.enterprises)] }))}
          />
        )}
      </div>
    </div>
  );
}
