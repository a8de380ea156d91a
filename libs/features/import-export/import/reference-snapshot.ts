import { type ReferenceDataRepository, type ReferenceLookup } from '@samverka/reference-data';

/**
 * The reference data in memory, for checking many rows: the same answers as the repository (the same
 * CodeLists and validators run on it), without a query per row. Loaded once per import run.
 */
export class ReferenceSnapshot implements ReferenceLookup {
  private constructor(
    private readonly cpvByCode8: Map<string, { code: string; code8: string }>,
    private readonly municipalities: Map<string, { code: string; countyCode: string }>,
    private readonly counties: Map<string, { code: string }>,
  ) {}

  static async load(repository: ReferenceDataRepository): Promise<ReferenceSnapshot> {
    const [cpv, municipalities, counties] = await Promise.all([repository.allCpvCodes(), repository.municipalities(), repository.counties()]);
    return new ReferenceSnapshot(
      new Map(cpv.map((c) => [c.code8, { code: c.code, code8: c.code8 }])),
      new Map(municipalities.map((m) => [m.code, { code: m.code, countyCode: m.countyCode }])),
      new Map(counties.map((c) => [c.code, { code: c.code }])),
    );
  }

  async cpvCodesByCode8(codes8: readonly string[]) {
    return [...new Set(codes8)].flatMap((code8) => this.cpvByCode8.get(code8) ?? []).sort((a, b) => a.code.localeCompare(b.code));
  }

  async missingMunicipalities(codes: readonly string[]) {
    return [...new Set(codes)].filter((code) => !this.municipalities.has(code));
  }

  async missingCounties(codes: readonly string[]) {
    return [...new Set(codes)].filter((code) => !this.counties.has(code));
  }

  async municipality(code: string) {
    return this.municipalities.get(code) ?? null;
  }

  async county(code: string) {
    return this.counties.get(code) ?? null;
  }

  /** The county of a municipality, or null when the code is not one. */
  countyOf(municipalityCode: string): string | null {
    return this.municipalities.get(municipalityCode)?.countyCode ?? null;
  }
}
