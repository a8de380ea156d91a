import type { InsightSection } from '../../gql/graphql';

/** The sections in the file names, in Swedish whatever the language: the files are shared as they are. */
const FILE_WORDS: Record<InsightSection, string> = {
  AREAS: 'behov',
  TIMELINE: 'tidslinje',
  IMPACT_TIMELINE: 'effekt-over-tid',
  IMPACT_TOTALS: 'effekt',
  PARTNERSHIPS_BY_STATUS: 'samarbeten',
  SUPPLY_GAP_BY_CPV_DIVISION: 'luckor-cpv',
  SUPPLY_GAP_BY_SDG: 'luckor-globala-mal',
  ENTERPRISES_BY_SDG: 'foretag-globala-mal',
  ENTERPRISES_BY_LEGAL_FORM: 'foretag-juridisk-form',
};

/** "Skåne län" → "skane". */
export function countySlug(countyName: string): string {
  return countyName
    .replace(/\s+län$/i, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Today in Sweden, YYYY-MM-DD. */
function today(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(now);
}

/** Such as samverka-skane-behov-2026-12-07.csv. */
export function csvFileName(countyName: string, section: InsightSection, now = new Date()): string {
  return `samverka-${countySlug(countyName)}-${FILE_WORDS[section]}-${today(now)}.csv`;
}

/**
 * Saves the text as a file through a link to an object URL (only on a click: it needs the document).
 * A byte order mark first, so a spreadsheet opens the UTF-8 (å, ä, ö) as it is.
 */
export function saveCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
