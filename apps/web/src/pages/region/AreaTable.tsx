import { Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RegionAreaFragment } from '../../gql/graphql';
import { formatNumber } from '../../lib/format';

type Column = 'municipalityName' | 'openNeeds' | 'needsWithoutOffers' | 'supplyGapNeeds' | 'needsAwaitingMatching' | 'activePartnerships' | 'enterprises';
const FIGURES: Exclude<Column, 'municipalityName'>[] = ['supplyGapNeeds', 'openNeeds', 'needsWithoutOffers', 'needsAwaitingMatching', 'activePartnerships', 'enterprises'];

/** The kommuner's needs in the search, filtered to the kommun. */
export function needsHref(countyCode: string, municipalityCode: string): string {
  return `/behov?lan=${encodeURIComponent(countyCode)}&kommun=${encodeURIComponent(municipalityCode)}`;
}

/**
 * The map's table alternative: every kommun with its figures, sortable by any column (largest gap first
 * to start with), and the whole län at the foot. On a phone it scrolls sideways in its own region.
 */
export function AreaTable({
  countyCode,
  countyName,
  region,
  municipalities,
}: {
  countyCode: string;
  countyName: string;
  region: RegionAreaFragment;
  municipalities: RegionAreaFragment[];
}) {
  const { t } = useTranslation('region');
  const [sort, setSort] = useState<{ column: Column; direction: 'ascending' | 'descending' }>({ column: 'supplyGapNeeds', direction: 'descending' });
  const rows = useMemo(() => {
    const byName = (a: RegionAreaFragment, b: RegionAreaFragment) => (a.municipalityName ?? '').localeCompare(b.municipalityName ?? '', 'sv');
    const sign = sort.direction === 'ascending' ? 1 : -1;
    const { column } = sort;
    // Equal figures keep alphabetical order whichever way the column is sorted.
    return [...municipalities].sort((a, b) => (column === 'municipalityName' ? sign * byName(a, b) : sign * (a[column] - b[column]) || byName(a, b)));
  }, [municipalities, sort]);
  const header = (column: Column, label: string) => (
    <Table.HeaderCell
      scope="col"
      sort={sort.column === column ? sort.direction : 'none'}
      onClick={() =>
        setSort((now) => ({
          column,
          direction: now.column === column ? (now.direction === 'ascending' ? 'descending' : 'ascending') : column === 'municipalityName' ? 'ascending' : 'descending',
        }))
      }
    >
      {label}
    </Table.HeaderCell>
  );
  const label = t('table.label', { county: countyName });
  return (
    <>
      <Paragraph data-size="sm">{t('table.hint')}</Paragraph>
      <div className="region-table-wrap" tabIndex={0} role="region" aria-label={t('tableRegion', { name: label })}>
        <Table className="region-table" data-size="sm">
          <caption className="visually-hidden">{label}</caption>
          <Table.Head>
            <Table.Row>
              {header('municipalityName', t('table.name'))}
              {FIGURES.map((c) => header(c, t(`figures.${c}`)))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((area) => (
              <Table.Row key={area.municipalityCode}>
                <Table.HeaderCell scope="row">
                  <DsLink asChild>
                    <Link to={needsHref(countyCode, area.municipalityCode ?? '')}>{area.municipalityName}</Link>
                  </DsLink>
                </Table.HeaderCell>
                {FIGURES.map((c) => (
                  <Table.Cell key={c} className="region-number">
                    {formatNumber(area[c])}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
          <Table.Foot>
            <Table.Row>
              <Table.HeaderCell scope="row">{t('table.sum')}</Table.HeaderCell>
              {FIGURES.map((c) => (
                <Table.Cell key={c} className="region-number">
                  {formatNumber(region[c])}
                </Table.Cell>
              ))}
            </Table.Row>
          </Table.Foot>
        </Table>
      </div>
    </>
  );
}
