import { Inject, Injectable } from '@nestjs/common';
import { ReferenceDataRepository } from './reference-data.repository.js';
import { assertId, assertKommunkod, assertLanskod, DomainError, FieldProblems, isKommunkod, isLanskod, readCpvCode, type FieldPath } from '@samverka/domain';

/** The most CPV codes (or other codes) one list takes. */
export const MAX_CODES = 50;

/**
 * What the checks read from the reference data: the repository (one query per check), or a snapshot in
 * memory for work that checks many rows (imports).
 */
export interface ReferenceLookup {
  cpvCodesByCode8(codes8: readonly string[]): Promise<readonly { code: string; code8: string }[]>;
  missingMunicipalities(codes: readonly string[]): Promise<string[]>;
  missingCounties(codes: readonly string[]): Promise<string[]>;
  municipality(code: string): Promise<{ code: string; countyCode: string } | null>;
  county(code: string): Promise<{ code: string } | null>;
}

/** Checks lists of codes against the reference data and returns them normalised, sorted and unique. */
@Injectable()
export class CodeLists {
  constructor(@Inject(ReferenceDataRepository) readonly referenceData: ReferenceLookup) {}

  /**
   * CPV codes as NNNNNNNN-N; input may be NNNNNNNN-N (check digit compared) or the 8 digits. A list is one
   * field: its problems (codes written wrongly, unknown, with a wrong check digit) name the codes at fault.
   */
  async cpvCodes(inputs: readonly string[] | null | undefined, field: FieldPath = 'cpvCodes'): Promise<string[]> {
    const problems = new FieldProblems();
    const given = (inputs ?? []).map((input) => ({ input, read: readCpvCode(input) }));
    const malformed = given.filter((g) => !g.read).map((g) => g.input.trim());
    if (malformed.length > 0) problems.add(field, 'INVALID_FORMAT', 'referenceData.cpvCodesMalformed', listParams(malformed));
    if (given.length > MAX_CODES) problems.add(field, 'TOO_MANY', 'validation.tooMany', { count: MAX_CODES });
    const read = given.flatMap((g) => (g.read ? [g.read] : []));
    const found = new Map((await this.referenceData.cpvCodesByCode8(read.map((g) => g.code8))).map((c) => [c.code8, c.code]));
    const unknown = read.filter((g) => !found.has(g.code8)).map((g) => g.code ?? g.code8);
    if (unknown.length > 0) problems.add(field, 'UNKNOWN_VALUE', 'referenceData.cpvCodesUnknown', listParams(unknown));
    const wrongCheck = read.filter((g) => g.code && found.has(g.code8) && g.code !== found.get(g.code8));
    if (wrongCheck.length > 0) {
      problems.add(field, 'INVALID', 'referenceData.cpvCheckDigits', {
        ...listParams(wrongCheck.map((g) => found.get(g.code8)!)),
        given: wrongCheck.map((g) => g.code!).join(', '),
      });
    }
    problems.throwIfAny();
    return [...new Set(read.map((g) => found.get(g.code8)!))].sort();
  }

  /** 8-digit forms, for filters (a filter matches sub-codes too). */
  async cpvCodes8(inputs: readonly string[] | null | undefined, field: FieldPath): Promise<string[] | undefined> {
    if (!inputs?.length) return undefined;
    return (await this.cpvCodes(inputs, field)).map((code) => code.slice(0, 8));
  }

  /** The parts of a search filter that need checking, checked and normalised; every problem names `filter.…`. */
  async searchFilter(filter: {
    search?: string;
    cpvCodes?: string[];
    sdgs?: number[];
    municipalityCode?: string;
    countyCode?: string;
    buyerOrganizationId?: string;
    budgetFromSek?: number;
    budgetToSek?: number;
    minCapacitySek?: number;
    deadlineFrom?: Date;
    deadlineTo?: Date;
    minFarFromLabourMarketShare?: number;
  }) {
    const problems = new FieldProblems();
    const share = filter.minFarFromLabourMarketShare;
    if (share !== undefined && share !== null && (!Number.isInteger(share) || share < 0 || share > 100)) {
      problems.add('filter.minFarFromLabourMarketShare', 'OUT_OF_RANGE', 'validation.wholeNumberRange', { min: 0, max: 100 });
    }
    const check = <T>(work: () => T): T | undefined => {
      let result: T | undefined;
      problems.absorb(() => (result = work()));
      return result;
    };
    const checked = {
      buyerOrganizationId: filter.buyerOrganizationId ? check(() => assertId(filter.buyerOrganizationId!, 'filter.buyerOrganizationId')) : undefined,
      budgetFromSek: check(() => kronor(filter.budgetFromSek, 'filter.budgetFromSek')) ?? undefined,
      budgetToSek: check(() => kronor(filter.budgetToSek, 'filter.budgetToSek')) ?? undefined,
      minCapacitySek: check(() => kronor(filter.minCapacitySek, 'filter.minCapacitySek')) ?? undefined,
      deadlineFrom: check(() => date(filter.deadlineFrom, 'filter.deadlineFrom')) ?? undefined,
      deadlineTo: check(() => date(filter.deadlineTo, 'filter.deadlineTo')) ?? undefined,
      search: filter.search?.trim() || undefined,
      cpvCodes8: await gather(problems, () => this.cpvCodes8(filter.cpvCodes, 'filter.cpvCodes')),
      sdgs: filter.sdgs?.length ? check(() => this.sdgs(filter.sdgs, 'filter.sdgs')) : undefined,
      municipalityCode: filter.municipalityCode ? await gather(problems, () => this.municipality(filter.municipalityCode!, 'filter.municipalityCode')) : undefined,
      countyCode: filter.countyCode ? await gather(problems, () => this.county(filter.countyCode!, 'filter.countyCode')) : undefined,
    };
    problems.throwIfAny();
    return checked;
  }

  sdgs(inputs: readonly number[] | null | undefined, field: FieldPath = 'sdgs'): number[] {
    const values = [...new Set(inputs ?? [])];
    const wrong = values.filter((v) => !Number.isInteger(v) || v < 1 || v > 17);
    if (wrong.length > 0) throw DomainError.badInput(field, 'OUT_OF_RANGE', 'referenceData.sdgsOutOfRange', { count: wrong.length, values: wrong.join(', ') });
    return values.sort((a, b) => a - b);
  }

  /** Kommunkoder that exist, sorted and unique; the codes written wrongly and those unknown are named. */
  async municipalities(inputs: readonly string[] | null | undefined, field: FieldPath = 'municipalityCodes'): Promise<string[]> {
    const codes = [...new Set((inputs ?? []).map((c) => c.trim()))];
    const malformed = codes.filter((code) => !isKommunkod(code));
    if (malformed.length > 0) throw DomainError.badInput(field, 'INVALID_FORMAT', 'referenceData.kommunkoderMalformed', listParams(malformed));
    const missing = await this.referenceData.missingMunicipalities(codes);
    if (missing.length > 0) throw DomainError.badInput(field, 'UNKNOWN_VALUE', 'referenceData.municipalitiesUnknown', listParams(missing));
    return codes.sort();
  }

  /** Länskoder that exist, sorted and unique; the codes written wrongly and those unknown are named. */
  async counties(inputs: readonly string[] | null | undefined, field: FieldPath = 'countyCodes'): Promise<string[]> {
    const codes = [...new Set((inputs ?? []).map((c) => c.trim()))];
    const malformed = codes.filter((code) => !isLanskod(code));
    if (malformed.length > 0) throw DomainError.badInput(field, 'INVALID_FORMAT', 'referenceData.lanskoderMalformed', listParams(malformed));
    const missing = await this.referenceData.missingCounties(codes);
    if (missing.length > 0) throw DomainError.badInput(field, 'UNKNOWN_VALUE', 'referenceData.countiesUnknown', listParams(missing));
    return codes.sort();
  }

  /** One kommunkod that exists, trimmed. */
  async municipality(input: string, field: FieldPath = 'municipalityCode'): Promise<string> {
    return (await this.municipalityWithCounty(input, field)).code;
  }

  /** One länskod that exists, trimmed. */
  async county(input: string, field: FieldPath = 'countyCode'): Promise<string> {
    const code = input.trim();
    assertLanskod(code, field);
    if (!(await this.referenceData.county(code))) throw DomainError.badInput(field, 'UNKNOWN_VALUE', 'referenceData.countyNotFound', { code });
    return code;
  }

  /** The county of a municipality, checking both exist and agree; every problem is reported at once. */
  async place(municipalityCode: string | null | undefined, countyCode: string | null | undefined): Promise<{ municipalityCode: string | null; countyCode: string | null }> {
    const municipality = municipalityCode?.trim() || null;
    const county = countyCode?.trim() || null;
    if (municipality) {
      const found = await this.municipalityWithCounty(municipality, 'municipalityCode');
      if (county && county !== found.countyCode) {
        throw DomainError.badInput('countyCode', 'INVALID', 'referenceData.countyOfMunicipality', { municipality, county: found.countyCode });
      }
      return { municipalityCode: municipality, countyCode: found.countyCode };
    }
    if (county) return { municipalityCode: null, countyCode: await this.county(county) };
    return { municipalityCode: null, countyCode: null };
  }

  private async municipalityWithCounty(input: string, field: FieldPath): Promise<{ code: string; countyCode: string }> {
    const code = input.trim();
    assertKommunkod(code, field);
    const found = await this.referenceData.municipality(code);
    if (!found) throw DomainError.badInput(field, 'UNKNOWN_VALUE', 'referenceData.municipalityNotFound', { code });
    return found;
  }
}

/** A list of codes as a message's parameters: `codes` to show, `count` to choose the singular or the plural. */
function listParams(codes: readonly string[]): { codes: string; count: number } {
  return { codes: codes.join(', '), count: codes.length };
}

/**
 * Runs a check that reads (the reference data, the database) and returns what it gives; when it refuses
 * bad input, its problems join `problems` and the result is undefined, so the caller goes on with the
 * other checks and reports every problem at once. Anything else is thrown on.
 */
export async function gather<T>(problems: FieldProblems, check: () => Promise<T>): Promise<T | undefined> {
  try {
    return await check();
  } catch (error) {
    problems.absorb(() => {
      throw error;
    });
    return undefined;
  }
}

/** Trimmed text of at most `max` characters; with a `min`, an empty one is missing and a short one too short. */
export function text(value: string | null | undefined, field: FieldPath, max: number, min = 0): string {
  const trimmed = (value ?? '').normalize('NFC').trim();
  if (trimmed.length > max) throw DomainError.badInput(field, 'TOO_LONG', 'validation.tooLong', { count: max });
  if (min > 0 && trimmed.length === 0) throw DomainError.badInput(field, 'REQUIRED', 'validation.required');
  if (trimmed.length < min) throw DomainError.badInput(field, 'TOO_SHORT', 'validation.tooShort', { count: min });
  return trimmed;
}

export function kronor(value: number | null | undefined, field: FieldPath): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isSafeInteger(value) || value < 0 || value > 100_000_000_000) throw DomainError.badInput(field, 'OUT_OF_RANGE', 'validation.wholeKronor');
  return value;
}

/** A date and time the database can hold and a person could mean: years 1900 to 9999. */
export function date(value: Date | null | undefined, field: FieldPath): Date | null {
  if (value === null || value === undefined) return null;
  const year = value.getUTCFullYear();
  if (Number.isNaN(value.getTime()) || year < 1900 || year > 9999) throw DomainError.badInput(field, 'OUT_OF_RANGE', 'validation.dateRange');
  return value;
}
