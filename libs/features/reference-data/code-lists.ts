import { Inject, Injectable } from '@nestjs/common';
import { ReferenceDataRepository } from './reference-data.repository.js';
import { assertId, assertKommunkod, assertLanskod, DomainError, normaliseCpvCode } from '@samverka/domain';

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

  /** CPV codes as NNNNNNNN-N; input may be NNNNNNNN-N (check digit compared) or the 8 digits. */
  async cpvCodes(inputs: readonly string[] | null | undefined, field = 'cpvCodes'): Promise<string[]> {
    const given = (inputs ?? []).map((input) => normaliseCpvCode(input, field));
    if (given.length > MAX_CODES) throw DomainError.badInput(field, `may hold at most ${MAX_CODES} codes`);
    const found = new Map((await this.referenceData.cpvCodesByCode8(given.map((g) => g.code8))).map((c) => [c.code8, c.code]));
    const unknown = given.filter((g) => !found.has(g.code8)).map((g) => g.code ?? g.code8);
    if (unknown.length > 0) throw DomainError.badInput(field, `contains codes that are not in CPV 2008: ${unknown.join(', ')}`);
    const wrongCheck = given.filter((g) => g.code && g.code !== found.get(g.code8));
    if (wrongCheck.length > 0) {
      throw DomainError.badInput(field, `has a wrong check digit: ${wrongCheck.map((g) => `${g.code} (it is ${found.get(g.code8)})`).join(', ')}`);
    }
    return [...new Set(given.map((g) => found.get(g.code8)!))].sort();
  }

  /** 8-digit forms, for filters (a filter matches sub-codes too). */
  async cpvCodes8(inputs: readonly string[] | null | undefined, field: string): Promise<string[] | undefined> {
    if (!inputs?.length) return undefined;
    return (await this.cpvCodes(inputs, field)).map((code) => code.slice(0, 8));
  }

  /** The parts of a search filter that need checking, checked and normalised; errors name `filter.…`. */
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
    const share = filter.minFarFromLabourMarketShare;
    if (share !== undefined && share !== null && (!Number.isInteger(share) || share < 0 || share > 100)) {
      throw DomainError.badInput('filter.minFarFromLabourMarketShare', 'must be a whole percentage from 0 to 100');
    }
    return {
      buyerOrganizationId: filter.buyerOrganizationId ? assertId(filter.buyerOrganizationId, 'filter.buyerOrganizationId') : undefined,
      budgetFromSek: kronor(filter.budgetFromSek, 'filter.budgetFromSek') ?? undefined,
      budgetToSek: kronor(filter.budgetToSek, 'filter.budgetToSek') ?? undefined,
      minCapacitySek: kronor(filter.minCapacitySek, 'filter.minCapacitySek') ?? undefined,
      deadlineFrom: date(filter.deadlineFrom, 'filter.deadlineFrom') ?? undefined,
      deadlineTo: date(filter.deadlineTo, 'filter.deadlineTo') ?? undefined,
      search: filter.search?.trim() || undefined,
      cpvCodes8: await this.cpvCodes8(filter.cpvCodes, 'filter.cpvCodes'),
      sdgs: filter.sdgs?.length ? this.sdgs(filter.sdgs, 'filter.sdgs') : undefined,
      municipalityCode: filter.municipalityCode ? (await this.municipalities([filter.municipalityCode], 'filter.municipalityCode'))[0] : undefined,
      countyCode: filter.countyCode ? (await this.counties([filter.countyCode], 'filter.countyCode'))[0] : undefined,
    };
  }

  sdgs(inputs: readonly number[] | null | undefined, field = 'sdgs'): number[] {
    const values = [...new Set(inputs ?? [])];
    const wrong = values.filter((v) => !Number.isInteger(v) || v < 1 || v > 17);
    if (wrong.length > 0) throw DomainError.badInput(field, `must be goal numbers from 1 to 17 (got ${wrong.join(', ')})`);
    return values.sort((a, b) => a - b);
  }

  async municipalities(inputs: readonly string[] | null | undefined, field = 'municipalityCodes'): Promise<string[]> {
    const codes = [...new Set((inputs ?? []).map((c) => c.trim()))];
    codes.forEach((code) => assertKommunkod(code, field));
    const missing = await this.referenceData.missingMunicipalities(codes);
    if (missing.length > 0) throw DomainError.badInput(field, `contains codes that are not Swedish kommunkoder: ${missing.join(', ')}`);
    return codes.sort();
  }

  async counties(inputs: readonly string[] | null | undefined, field = 'countyCodes'): Promise<string[]> {
    const codes = [...new Set((inputs ?? []).map((c) => c.trim()))];
    codes.forEach((code) => assertLanskod(code, field));
    const missing = await this.referenceData.missingCounties(codes);
    if (missing.length > 0) throw DomainError.badInput(field, `contains codes that are not Swedish länskoder: ${missing.join(', ')}`);
    return codes.sort();
  }

  /** The county of a municipality, checking both exist and agree. */
  async place(municipalityCode: string | null | undefined, countyCode: string | null | undefined): Promise<{ municipalityCode: string | null; countyCode: string | null }> {
    const municipality = municipalityCode?.trim() || null;
    const county = countyCode?.trim() || null;
    if (municipality) {
      assertKommunkod(municipality, 'municipalityCode');
      const found = await this.referenceData.municipality(municipality);
      if (!found) throw DomainError.badInput('municipalityCode', `is not a Swedish kommunkod (${municipality})`);
      if (county && county !== found.countyCode) throw DomainError.badInput('countyCode', `must be ${found.countyCode}, the county of municipality ${municipality}, or left out`);
      return { municipalityCode: municipality, countyCode: found.countyCode };
    }
    if (county) return { municipalityCode: null, countyCode: (await this.counties([county], 'countyCode'))[0] };
    return { municipalityCode: null, countyCode: null };
  }
}

export function text(value: string | null | undefined, field: string, max: number, min = 0): string {
  const trimmed = (value ?? '').normalize('NFC').trim();
  if (trimmed.length > max) throw DomainError.badInput(field, `must be at most ${max} characters`);
  if (trimmed.length < min) throw DomainError.badInput(field, `must be at least ${min} characters`);
  return trimmed;
}

export function kronor(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isSafeInteger(value) || value < 0 || value > 100_000_000_000) throw DomainError.badInput(field, 'must be a whole number of kronor from 0 to 100 000 000 000');
  return value;
}

/** A date and time the database can hold and a person could mean: years 1900 to 9999. */
export function date(value: Date | null | undefined, field: string): Date | null {
  if (value === null || value === undefined) return null;
  const year = value.getUTCFullYear();
  if (Number.isNaN(value.getTime()) || year < 1900 || year > 9999)
    throw DomainError.badInput(field, 'must be a date and time between the years 1900 and 9999, such as 2026-12-31T12:00:00Z');
  return value;
}
