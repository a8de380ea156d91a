import type { ImportFormat, ImportKind } from '../../gql/graphql';

/** The formats each kind of import takes (docs/import.md), the first its usual one. */
export const KIND_FORMATS: Record<ImportKind, readonly ImportFormat[]> = {
  ENTERPRISES: ['CSV', 'JSONL'],
  NEEDS: ['JSONL', 'CSV'],
  OCDS: ['JSON'],
};

export const KINDS: readonly ImportKind[] = ['ENTERPRISES', 'NEEDS', 'OCDS'];

const EXTENSION: Record<ImportFormat, string> = { CSV: 'csv', JSONL: 'jsonl', JSON: 'json' };
const MEDIA_TYPE: Record<ImportFormat, string> = { CSV: 'text/csv', JSONL: 'application/jsonl', JSON: 'application/json' };

/** A short valid file per kind: the header and one row, from data/examples. */
const TEMPLATES: Record<ImportKind, { format: ImportFormat; text: string }> = {
  ENTERPRISES: {
    format: 'CSV',
    text:
      'externalId,organisationsnummer,name,municipalityCode,website,services,cpvCodes,sdgs,workIntegrating\n' +
      'SKANE-001,769612-3459,Returhuset Malmö ekonomisk förening,1280,https://returhuset-malmo.example.se,Insamling och sortering av textil,90911200-8,8;12,true\n',
  },
  NEEDS: {
    format: 'JSONL',
    text:
      JSON.stringify({
        externalId: 'LUND-2026-0087',
        buyerOrganisationsnummer: '212000-1132',
        title: 'Skötsel av grönytor vid kommunala förskolor',
        description: 'Gräsklippning, rabattskötsel och lövkrattning vid tolv förskolor i Lunds tätort under växtsäsongen.',
        cpvCodes: ['77314000-4'],
        municipalityCode: '1281',
        budgetMaxSek: 450000,
        form: 'DIRECT_AWARD',
        status: 'DRAFT',
      }) + '\n',
  },
  OCDS: {
    format: 'JSON',
    text: `${JSON.stringify(
      {
        uri: 'https://example.se/ocds/1',
        publishedDate: '2026-11-02T09:00:00Z',
        releases: [
          {
            ocid: 'ocds-b5fd17-2026-0001',
            id: '2026-0001-tender',
            date: '2026-11-02T09:00:00Z',
            tag: ['tender'],
            buyer: { name: 'Malmö stad', identifier: { id: '212000-1124' } },
            tender: { id: '2026-0001', title: 'Lokalvård av bibliotek', status: 'active', value: { amount: 500000, currency: 'SEK' } },
          },
        ],
      },
      null,
      2,
    )}\n`,
  },
};

export function templateOf(kind: ImportKind): { format: ImportFormat; text: string; fileName: string; href: string } {
  const { format, text } = TEMPLATES[kind];
  return {
    format,
    text,
    fileName: `${kind.toLowerCase()}-mall.${EXTENSION[format]}`,
    href: `data:${MEDIA_TYPE[format]};charset=utf-8,${encodeURIComponent(text)}`,
  };
}

/** The example row to show: the CSV header and first row, or the one JSON line (the OCDS release). */
export function exampleOf(kind: ImportKind): string {
  const { text } = TEMPLATES[kind];
  return text.trimEnd();
}

/** "GBP=13.4, EUR=11.5" as the API's exchange rates; null when a part is not CURRENCY=rate. */
export function parseExchangeRates(text: string): { currency: string; sekPerUnit: number }[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const rates: { currency: string; sekPerUnit: number }[] = [];
  for (const part of parts) {
    const match = /^([A-Za-z]{3})\s*=\s*(\d+(?:\.\d+)?)$/.exec(part);
    if (!match) return null;
    rates.push({ currency: match[1].toUpperCase(), sekPerUnit: Number(match[2]) });
  }
  return rates;
}

/** Messages as a CSV (semicolon-separated, as Swedish Excel opens it), each value quoted when it must be. */
export function messagesCsv(header: string, rows: { line?: number | null; field?: string | null; externalId?: string | null; message: string }[]): string {
  const quote = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = rows.map((r) => [r.line == null ? '' : String(r.line), r.field ?? '', r.externalId ?? '', r.message].map(quote).join(';'));
  // A byte order mark, so that Excel reads the file as UTF-8 (å, ä, ö).
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}
