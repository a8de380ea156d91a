import { In, type DataSource, type Repository, type SelectQueryBuilder } from 'typeorm';
import { CountyEntity, CpvCodeEntity, MunicipalityEntity, SdgEntity } from '@samverka/schema';
import { DomainError } from '@samverka/domain';
import { CpvSearchIndex, type CpvIndexCode } from './cpv-search-index.js';
import { readCpvSynonyms } from './cpv-search-data.js';
import { swedishDecompounder } from './swedish-language.js';
import { findReferenceDataDir } from './reference-data.loader.js';

export interface CpvSearch {
  /**
   * Words matched against the Swedish and English labels and the everyday terms of data/cpv-synonyms.csv
   * (the result comes best match first), or the start of a code when it is digits (code order).
   */
  text?: string;
  /** Only the codes directly below this one (a full code, NNNNNNNN-N). */
  parentCode?: string;
  level?: number;
  /** How many rows to return. */
  limit: number;
  /**
   * Return the codes after this position: a code in code order, or the `keys` entry of a row of a
   * search by words (its score and code, see cpvRankKey).
   */
  after?: string;
}

export interface CpvSearchResult {
  /** At most `limit` codes after `after`: best match first for words, otherwise in code order. */
  rows: CpvCodeEntity[];
  /** The position of each row, to pass as `after` for the rows that follow it. */
  keys: string[];
  /** Every match, ignoring `after` and `limit`. */
  totalCount: number;
}

/** The position of a row in a search by words: its score (6 decimals) and its code. */
export function cpvRankKey(score: number, code: string): string {
  return `${score.toFixed(6)}|${code}`;
}

const FULL_CODE = /^\d{8}-\d$/;
const RANK_KEY = /^(\d{1,3}\.\d{6})\|(\d{8}-\d)$/;
/** Digits, with a hyphen and check digit allowed: the start of a code, searched in code order. */
const CODE_PREFIX = /^(\d{1,8})(?:-(\d))?$/;

/** Read access to counties, municipalities, SDGs and CPV codes (the loader writes them). */
export class ReferenceDataRepository {
  private readonly countyRepo: Repository<CountyEntity>;
  private readonly municipalityRepo: Repository<MunicipalityEntity>;
  private readonly sdgRepo: Repository<SdgEntity>;
  private readonly cpvRepo: Repository<CpvCodeEntity>;
  private cpvIndex?: Promise<CpvSearchIndex>;

  constructor(private readonly dataSource: DataSource) {
    this.countyRepo = dataSource.getRepository(CountyEntity);
    this.municipalityRepo = dataSource.getRepository(MunicipalityEntity);
    this.sdgRepo = dataSource.getRepository(SdgEntity);
    this.cpvRepo = dataSource.getRepository(CpvCodeEntity);
  }

  async counties(): Promise<CountyEntity[]> {
    return this.countyRepo.find({ order: { code: 'ASC' } });
  }

  async county(code: string): Promise<CountyEntity | null> {
    return this.countyRepo.findOneBy({ code });
  }

  /** The counties with these codes, in code order (unknown codes are left out). */
  async countiesByCode(codes: readonly string[]): Promise<CountyEntity[]> {
    return codes.length ? this.countyRepo.find({ where: { code: In([...codes]) }, order: { code: 'ASC' } }) : [];
  }

  async municipalities(filter: { countyCode?: string } = {}): Promise<MunicipalityEntity[]> {
    return this.municipalityRepo.find({
      where: filter.countyCode === undefined ? {} : { countyCode: filter.countyCode },
      order: { code: 'ASC' },
    });
  }

  async municipality(code: string): Promise<MunicipalityEntity | null> {
    return this.municipalityRepo.findOneBy({ code });
  }

  async sdgs(): Promise<SdgEntity[]> {
    return this.sdgRepo.find({ order: { number: 'ASC' } });
  }

  async sdg(number: number): Promise<SdgEntity | null> {
    return this.sdgRepo.findOneBy({ number });
  }

  /** The goals with these numbers, in number order (unknown numbers are left out). */
  async sdgsByNumber(numbers: readonly number[]): Promise<SdgEntity[]> {
    return numbers.length ? this.sdgRepo.find({ where: { number: In([...numbers]) }, order: { number: 'ASC' } }) : [];
  }

  /** A CPV code by its full form (85311000-2) or by its 8 digits (85311000). */
  async cpvCode(codeOrCode8: string): Promise<CpvCodeEntity | null> {
    return this.cpvRepo.findOneBy(codeOrCode8.includes('-') ? { code: codeOrCode8 } : { code8: codeOrCode8 });
  }

  /** The CPV codes with these full codes, in code order (unknown codes are left out). */
  async cpvCodesByCode(codes: readonly string[]): Promise<CpvCodeEntity[]> {
    return codes.length ? this.cpvRepo.find({ where: { code: In([...codes]) }, order: { code: 'ASC' } }) : [];
  }

  /** Every CPV code's full and 8-digit form (about 9 500), for checking many rows in memory. */
  async allCpvCodes(): Promise<{ code: string; code8: string }[]> {
    return this.dataSource.query(`SELECT code, code8 FROM cpv_code ORDER BY code`);
  }

  /** The CPV codes with these 8-digit forms, in code order (unknown ones are left out). */
  async cpvCodesByCode8(codes8: readonly string[]): Promise<CpvCodeEntity[]> {
    return codes8.length ? this.cpvRepo.find({ where: { code8: In([...codes8]) }, order: { code: 'ASC' } }) : [];
  }

  /** The codes directly below `parentCode`, in code order. */
  async cpvChildren(parentCode: string): Promise<CpvCodeEntity[]> {
    return this.cpvRepo.find({ where: { parentCode }, order: { code: 'ASC' } });
  }

  /** The codes directly below any of `parentCodes`, in code order: one query for a whole page of parents. */
  async cpvChildrenOf(parentCodes: readonly string[]): Promise<CpvCodeEntity[]> {
    return parentCodes.length ? this.cpvRepo.find({ where: { parentCode: In([...parentCodes]) }, order: { code: 'ASC' } }) : [];
  }

  /**
   * CPV codes matching all the filters given, a page at a time. Without a text, or with digits (a hyphen
   * and check digit allowed: the code starts with them), in code order, keyset-paged on the code.
   *
   * With words, best match first (ties in code order), from an in-memory index of the labels and the
   * everyday terms of data/cpv-synonyms.csv, built at the first such search (see CpvSearchIndex): a word
   * of the Swedish or English label, its stem ("cyklar" and "cykel", "cleaning" and "cleaners") or
   * derivation ("städ" and "Städning") first, then an everyday term ("lokalvård", "skolskjutsar"), then a
   * part of a compound ("vård" in "Lokalvård", "sömnad" in "ändringssömnad"), then the start of a word
   * and any part of a label. The whole label, or its head word, beats a word buried in a long label; a
   * general code beats a deeper one with the same match. Pages follow the rank (see CpvSearchResult.keys).
   */
  async searchCpv(search: CpvSearch): Promise<CpvSearchResult> {
    const text = search.text?.trim();
    if (text && !CODE_PREFIX.test(text)) return this.rankCpv(text, search);
    const query = this.cpvRepo.createQueryBuilder('c');
    if (search.parentCode !== undefined) query.andWhere('c.parent_code = :parentCode', { parentCode: search.parentCode });
    if (search.level !== undefined) query.andWhere('c.level = :level', { level: search.level });
    if (text) matchCodePrefix(query, text);
    if (search.after !== undefined && !FULL_CODE.test(search.after)) throw DomainError.badInput('after', 'INVALID_FORMAT', 'request.invalidCursor');
    const totalCount = await query.clone().getCount();
    if (search.after !== undefined) query.andWhere('c.code > :after', { after: search.after });
    const rows = await query.orderBy('c.code', 'ASC').limit(search.limit).getMany();
    return { rows, keys: rows.map((r) => r.code), totalCount };
  }

  /** A search by words, in rank order (see searchCpv). */
  private async rankCpv(text: string, search: CpvSearch): Promise<CpvSearchResult> {
    let after: { score: number; code: string } | undefined;
    if (search.after !== undefined) {
      const match = RANK_KEY.exec(search.after);
      if (!match) throw DomainError.badInput('after', 'INVALID_FORMAT', 'request.invalidCursor');
      after = { score: Number(match[1]), code: match[2] };
    }
    const index = await this.cpvSearchIndex();
    const ranked = index.search(text, (c) => (search.parentCode === undefined || c.parentCode === search.parentCode) && (search.level === undefined || c.level === search.level));
    const start = after === undefined ? 0 : ranked.findIndex((r) => r.score < after.score || (r.score === after.score && r.code > after.code));
    const page = start === -1 ? [] : ranked.slice(start, start + search.limit);
    const byCode = new Map((await this.cpvCodesByCode(page.map((r) => r.code))).map((row) => [row.code, row]));
    const rows = page.map((r) => byCode.get(r.code)).filter((row): row is CpvCodeEntity => row !== undefined);
    return { rows, keys: page.filter((r) => byCode.has(r.code)).map((r) => cpvRankKey(r.score, r.code)), totalCount: ranked.length };
  }

  /** The search index over the cpv table and data/cpv-synonyms.csv, built once (about a second). */
  private cpvSearchIndex(): Promise<CpvSearchIndex> {
    this.cpvIndex ??= (async () => {
      const rows: { code: string; label_sv: string; label_en: string; level: number; parent_code: string | null }[] = await this.dataSource.query(
        'SELECT code, label_sv, label_en, level, parent_code FROM cpv_code ORDER BY code',
      );
      const codes: CpvIndexCode[] = rows.map((r) => ({ code: r.code, labelSv: r.label_sv, labelEn: r.label_en, level: Number(r.level), parentCode: r.parent_code }));
      return new CpvSearchIndex(codes, readCpvSynonyms(findReferenceDataDir()), swedishDecompounder());
    })();
    this.cpvIndex.catch(() => (this.cpvIndex = undefined));
    return this.cpvIndex;
  }

  /** The codes among `codes` that are not municipalities (each once, in the order given). */
  async missingMunicipalities(codes: readonly string[]): Promise<string[]> {
    return this.missing(codes, 'SELECT 1 FROM municipality m WHERE m.code = c.code');
  }

  /** The codes among `codes` that are not counties (each once, in the order given). */
  async missingCounties(codes: readonly string[]): Promise<string[]> {
    return this.missing(codes, 'SELECT 1 FROM county k WHERE k.code = c.code');
  }

  /** The codes among `codes` (NNNNNNNN-N, or the 8 digits alone) that are not CPV codes (each once, in the order given). */
  async missingCpvCodes(codes: readonly string[]): Promise<string[]> {
    return this.missing(codes, 'SELECT 1 FROM cpv_code p WHERE p.code = c.code OR p.code8 = c.code');
  }

  private async missing(codes: readonly string[], exists: string): Promise<string[]> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return [];
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT c.code FROM unnest($1::text[]) WITH ORDINALITY AS c (code, position)
       WHERE NOT EXISTS (${exists}) ORDER BY c.position`,
      [unique],
    );
    return rows.map((r) => r.code);
  }
}

/** Adds the code-prefix condition of searchCpv: the code starts with the digits, or is the full code given. */
function matchCodePrefix(query: SelectQueryBuilder<CpvCodeEntity>, text: string): void {
  const prefix = CODE_PREFIX.exec(text)!;
  if (prefix[2] === undefined) query.andWhere('c.code8 LIKE :codePrefix', { codePrefix: `${prefix[1]}%` });
  else query.andWhere('c.code = :code', { code: text });
}
