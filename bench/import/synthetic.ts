import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { luhnCheckDigit } from '@samverka/domain';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mulberry32 } from '../support/random.js';

/** A small seeded generator (mulberry32): the same seed gives the same file. */
export const random = mulberry32;

/** What social enterprises do: words for the texts and the CPV codes that go with them. */
export const THEMES = [
  { services: 'Lokalvård, fönsterputs och trappstädning', about: 'städning och lokalvård', cpv: ['90911200-8', '90910000-9', '90911300-9'] },
  { services: 'Markskötsel, plantering och trädvård', about: 'skötsel av parker och grönytor', cpv: ['77314000-4', '77310000-6', '77211500-7'] },
  { services: 'Catering, matlådor och storkök', about: 'måltider och catering', cpv: ['55520000-1', '55321000-6'] },
  { services: 'Möbelrenovering, snickeri och målning', about: 'snickeri, målning och återbruk av möbler', cpv: ['45421000-4', '45442100-8', '39516000-2'] },
  { services: 'Tvätt av arbetskläder och textilier', about: 'tvätteri och textilservice', cpv: ['98310000-9', '98311000-6'] },
  { services: 'Översättning och kontakttolkning', about: 'tolkning och översättning', cpv: ['79530000-8', '80530000-8'] },
  { services: 'Cykelreparation och budtjänster', about: 'cykelverkstad och leveranser', cpv: ['50112000-3', '60130000-8'] },
  { services: 'Daglig verksamhet och ledsagning', about: 'social omsorg och daglig verksamhet', cpv: ['85311200-4', '85312000-9'] },
] as const;

const FORMS = [
  { name: 'ek. för.', legalForm: 'EKONOMISK_FORENING', ideburen: true, prefix: '769' },
  { name: 'ideell förening', legalForm: 'IDEELL_FORENING', ideburen: true, prefix: '802' },
  { name: 'AB (svb)', legalForm: 'AKTIEBOLAG_SVB', ideburen: false, prefix: '559' },
] as const;

export const ENTERPRISE_COLUMNS = [
  'externalId',
  'organisationsnummer',
  'name',
  'municipalityCode',
  'description',
  'services',
  'cpvCodes',
  'sdgs',
  'municipalityCodes',
  'employees',
  'annualTurnoverSek',
  'maxContractSek',
  'legalForm',
  'ideburen',
  'workIntegrating',
  'farFromLabourMarketShare',
];

export interface Municipality {
  code: string;
  name: string;
  countyCode: string;
}

export function readMunicipalities(dataDir: string): Municipality[] {
  const rows: Record<string, string>[] = parse(fs.readFileSync(path.join(dataDir, 'municipalities.csv')), { columns: true });
  return rows.map((r) => ({ code: r.municipality_code, name: r.municipality_name, countyCode: r.county_code }));
}

/** A distinct organisationsnummer with a valid check digit for each index (nine digits from the index). */
export function organisationsnummer(prefix: string, index: number): string {
  const nine = `${prefix}${String(index).padStart(6, '0')}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

/**
 * Writes `count` enterprises as an import CSV, a row at a time (the file is never held in memory): each
 * with a distinct organisationsnummer, a real kommun, services and CPV codes of one theme, SDGs, size.
 */
export async function writeEnterpriseCsv(file: string, count: number, seed: number, municipalities: readonly Municipality[]): Promise<void> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const out = fs.createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(stringify([ENTERPRISE_COLUMNS]));
  for (let i = 0; i < count; i++) {
    const theme = pick(THEMES);
    const form = FORMS[i % FORMS.length];
    const home = pick(municipalities);
    const nearby = municipalities.filter((m) => m.countyCode === home.countyCode);
    const workIntegrating = next() < 0.7;
    const employees = 3 + Math.floor(next() * 60);
    await write(
      stringify([
        [
          `SYN-${i}`,
          organisationsnummer(form.prefix, i),
          `${home.name} ${theme.about.split(' ')[0]} ${i} ${form.name}`,
          home.code,
          `Socialt företag i ${home.name} som arbetar med ${theme.about}. ${workIntegrating ? 'Vi erbjuder arbetsträning och anställning för personer som står långt från arbetsmarknaden.' : 'Överskottet går tillbaka till verksamheten.'}`,
          theme.services,
          theme.cpv.slice(0, 1 + Math.floor(next() * theme.cpv.length)).join(';'),
          [8, pick([1, 3, 4, 5, 10, 11, 12, 13])].join(';'),
          [home.code, pick(nearby).code].filter((c, k, all) => all.indexOf(c) === k).join(';'),
          employees,
          employees * (400_000 + Math.floor(next() * 300_000)),
          employees * 50_000,
          form.legalForm,
          form.ideburen,
          workIntegrating,
          workIntegrating ? 30 + Math.floor(next() * 60) : '',
        ],
      ]),
    );
  }
  out.end();
  await once(out, 'finish');
}
