import type { ImportKind } from './import.repository.js';
import { DomainError, FieldProblems } from '@samverka/domain';
import type { ImportOptions } from './import-context.js';
import { IMPORT_NEED_STATUSES, type ImportNeedStatus } from './rows/need-row.js';

const SOURCE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const CURRENCY = /^[A-Z]{3}$/;

/** What a person may give for a run (the command line's flags, the mutation's input). */
export interface ImportOptionsInput {
  source?: string | null;
  status?: string | null;
  buyer?: string | null;
  exchangeRates?: Record<string, number> | null;
}

/** Checks and completes the options of a run of `kind`; problems name the option, every problem at once. */
export function normaliseImportOptions(kind: ImportKind, input: ImportOptionsInput): ImportOptions {
  const problems = new FieldProblems();
  const source = (input.source ?? kind).trim().toLowerCase();
  if (!SOURCE.test(source)) problems.add('source', 'INVALID_FORMAT', 'importExport.sourceFormat');
  const status = (input.status ?? 'DRAFT').trim().toUpperCase() as ImportNeedStatus;
  if (!IMPORT_NEED_STATUSES.includes(status)) problems.add('status', 'UNKNOWN_VALUE', 'validation.oneOf', { values: IMPORT_NEED_STATUSES.join(', ') });
  const buyer = input.buyer?.trim() || null;
  if (buyer !== null && kind === 'enterprises') problems.add('buyer', 'NOT_ALLOWED', 'importExport.buyerOnlyForNeeds');
  const exchangeRates: Record<string, number> = {};
  for (const [currency, rate] of Object.entries(input.exchangeRates ?? {})) {
    const code = currency.trim().toUpperCase();
    if (!CURRENCY.test(code)) problems.add('exchangeRates', 'INVALID_FORMAT', 'importExport.currencyCode', { currency });
    else if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0 || rate > 1_000_000)
      problems.add('exchangeRates', 'OUT_OF_RANGE', 'importExport.exchangeRate', { currency: code });
    else exchangeRates[code] = rate;
  }
  problems.throwIfAny();
  return { source, status, buyer, exchangeRates };
}

/** "GBP=13.45,EUR=11.2" (the command line's form) as rates; errors name the option. */
export function parseExchangeRates(text: string): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z]{3})\s*=\s*(\d+(?:\.\d+)?)$/.exec(part);
    if (!match) throw DomainError.badInput('exchangeRates', 'INVALID_FORMAT', 'importExport.exchangeRatesFormat', { part });
    rates[match[1].toUpperCase()] = Number(match[2]);
  }
  return rates;
}

/** The options as stored with a run (already checked when it was started). */
export function importOptionsOf(stored: Record<string, unknown>): ImportOptions {
  return {
    source: String(stored.source),
    status: (stored.status as ImportNeedStatus) ?? 'DRAFT',
    buyer: (stored.buyer as string | null) ?? null,
    exchangeRates: (stored.exchangeRates as Record<string, number>) ?? {},
  };
}
