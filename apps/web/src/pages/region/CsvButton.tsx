import { useApolloClient } from '@apollo/client/react';
import { Button, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightInterval, InsightSection } from '../../gql/graphql';
import { csvFileName, saveCsv } from './csv-download';
import { REGION_INSIGHTS_CSV } from './region-queries';

export interface CsvScope {
  countyCode: string;
  countyName: string;
  interval: InsightInterval;
  weakMatchBelow: number;
}

/** Downloads one section of the overview as CSV, with the same county and filters as the page. */
export function CsvButton({ scope, section }: { scope: CsvScope; section: InsightSection }) {
  const { t } = useTranslation('region');
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const { data } = await client.query({
        query: REGION_INSIGHTS_CSV,
        variables: { countyCode: scope.countyCode, interval: scope.interval, weakMatchBelow: scope.weakMatchBelow, section },
        fetchPolicy: 'network-only',
      });
      if (data?.regionInsightsCsv == null) throw new Error('no CSV');
      saveCsv(csvFileName(scope.countyName, section), data.regionInsightsCsv);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="region-csv">
      <Button variant="secondary" data-size="sm" aria-busy={busy || undefined} onClick={() => void download()}>
        {t('csv.label', { section: t(`csv.sections.${section}`) })}
      </Button>
      {failed ? <ValidationMessage>{t('csv.failed')}</ValidationMessage> : null}
    </div>
  );
}
