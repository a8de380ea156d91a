import { Brackets, In, type DataSource, type Repository, type SelectQueryBuilder } from 'typeorm';
import { CountyEntity, CpvCodeEntity, MunicipalityEntity, SdgEntity } from '@samverka/schema';

export interface CpvSearch {
  /** Words matched against the Swedish and English labels, or the start of a code when it is digits. */
  text?: string;
  /** Only the codes directly below this one (a full code, NNNNNNNN-N). */
  parentCode?: string;
  level?: number;
  /** How many rows to return. */
  limit: number;
  /** Return the codes after this one (keyset pagination on code). */
  after?: string;
}

export interface CpvSearchResult {
  /** At most `limit` codes after `after`, in code order. */
  rows: CpvCodeEntity[];
  /** Every match, ignoring `after` and `limit`. */
  totalCount: number;
}

/** Read access to counties, municipalities, SDGs and CPV codes (the loader writes them). */
export class ReferenceDataRepository {
  private readonly countyRepo: Repository<CountyEntity>;
  private readonly municipalityRepo: Repository<MunicipalityEntity>;
  private readonly sdgRepo: Repository<SdgEntity>;
  private readonly cpvRepo: Repository<CpvCodeEntity>;

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
   * CPV codes matching all the filters given, in code order, a page at a time. The text matches when any of
   * these does: every word starts a word of the Swedish label (full text, Swedish stemming: "städ" finds
   * "Städning"), or of the English label (English stemming: "cleaning" finds "cleaners"); the text appears
   * anywhere in either label, ignoring case ("vård" finds "Lokalvård", which full text misses in a compound
   * word); or, when the text is digits (a hyphen and check digit allowed), the code starts with them.
   */
  async searchCpv(search: CpvSearch): Promise<CpvSearchResult> {
    const query = this.cpvRepo.createQueryBuilder('c');
    if (search.parentCode !== undefined) query.andWhere('c.parent_code = :parentCode', { parentCode: search.parentCode });
    if (search.level !== undefined) query.andWhere('c.level = :level', { level: search.level });
    const text = search.text?.trim();
    if (text) matchText(query, text);
    const totalCount = await query.clone().getCount();
    if (search.after !== undefined) query.andWhere('c.code > :after', { after: search.after });
    const rows = await query.orderBy('c.code', 'ASC').limit(search.limit).getMany();
    return { rows, totalCount };
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

/** Adds the text conditions of searchCpv (see there). */
function matchText(query: SelectQueryBuilder<CpvCodeEntity>, text: string): void {
  // Only letters and digits reach to_tsquery, so no input can break its syntax.
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const prefix = text.match(/^(\d{1,8})(?:-(\d))?$/);
  query.andWhere(
    new Brackets((any) => {
      any.where('c.label_sv ILIKE :contains OR c.label_en ILIKE :contains', { contains: `%${text.replace(/[\\%_]/g, '\\$&')}%` });
      if (words.length > 0) {
        any.orWhere(`c.search_sv @@ to_tsquery('swedish', :words) OR c.search_en @@ to_tsquery('english', :words)`, {
          words: words.map((w) => `${w}:*`).join(' & '),
        });
      }
      if (prefix && prefix[2] === undefined) any.orWhere('c.code8 LIKE :codePrefix', { codePrefix: `${prefix[1]}%` });
      if (prefix && prefix[2] !== undefined) any.orWhere('c.code = :code', { code: text });
    }),
  );
}
