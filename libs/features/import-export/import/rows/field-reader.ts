import { message, type ErrorDetail, type MessageKey, type MessageParams } from '@samverka/domain';

/**
 * A problem with one field of a row, by the file's name for it; a problem of the row as a whole names
 * it in brackets ("(row)", "(release)"). The message is a key of the catalogue, read in the reader's
 * language (an older refusal may still be a text).
 */
export interface FieldProblem {
  field: string;
  message: ErrorDetail;
}

/** A row's problem from its field and a message of the catalogue. */
export function problem(field: string, key: MessageKey, params?: MessageParams): FieldProblem {
  return { field, message: message(key, params) };
}

const TRUE = new Set(['true', '1', 'ja', 'yes', 'j', 'y']);
const FALSE = new Set(['false', '0', 'nej', 'no', 'n']);

/**
 * Reads the fields of one row as the types a record needs, collecting a problem per field (rather than
 * stopping at the first): CSV cells are text, so numbers, yes/no and lists are parsed from it (lists
 * separated by ";"); JSON values must already have the right type. An empty cell, a missing key and
 * null all mean "not given".
 */
export class FieldReader {
  readonly problems: FieldProblem[] = [];

  constructor(
    private readonly values: Record<string, unknown>,
    private readonly csv: boolean,
  ) {}

  private raw(field: string): unknown {
    const value = this.values[field];
    if (value === undefined || value === null) return undefined;
    if (this.csv && typeof value === 'string' && value.trim() === '') return undefined;
    return value;
  }

  private problem(field: string, key: MessageKey, params?: MessageParams): undefined {
    this.problems.push(problem(field, key, params));
    return undefined;
  }

  text(field: string): string | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.problem(field, 'importExport.notText');
    return value;
  }

  /** A whole number, written with or without spaces as thousands separators in CSV ("1 200 000"). */
  integer(field: string): number | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (this.csv && typeof value === 'string') {
      const compact = value.replace(/[\s\u00a0]/g, '');
      if (!/^-?\d+$/.test(compact)) return this.problem(field, 'importExport.notWholeNumberGot', { value });
      return Number(compact);
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.problem(field, 'importExport.notWholeNumber');
    return value;
  }

  boolean(field: string): boolean | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (this.csv && typeof value === 'string') {
      const word = value.trim().toLowerCase();
      if (TRUE.has(word)) return true;
      if (FALSE.has(word)) return false;
      return this.problem(field, 'importExport.notBooleanGot', { value });
    }
    if (typeof value !== 'boolean') return this.problem(field, 'importExport.notBoolean');
    return value;
  }

  /** A list of texts: a JSON array of strings, or in CSV the items separated by ";". */
  textList(field: string): string[] | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (this.csv && typeof value === 'string')
      return value
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return this.problem(field, 'importExport.notTextList');
    return value as string[];
  }

  /** A list of whole numbers: a JSON array, or in CSV the numbers separated by ";". */
  integerList(field: string): number[] | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (this.csv && typeof value === 'string') {
      const items = value
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const wrong = items.filter((s) => !/^-?\d+$/.test(s));
      if (wrong.length > 0) return this.problem(field, 'importExport.notNumberListGot', { value });
      return items.map(Number);
    }
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isInteger(v))) return this.problem(field, 'importExport.notNumberList');
    return value as number[];
  }

  /** One of `allowed` (upper case; given in any case). */
  oneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    const upper = value.trim().toUpperCase() as T;
    if (!allowed.includes(upper)) return this.problem(field, 'importExport.notOneOf', { values: allowed.join(', '), value });
    return upper;
  }

  /** A date and time in ISO 8601 with its offset (2026-05-31T12:00:00+02:00), or a date alone (the end of that day, Swedish time). */
  dateTime(field: string): Date | undefined {
    const value = this.text(field)?.trim();
    if (value === undefined) return undefined;
    const date = parseDateTime(value);
    if (date) return date;
    return this.problem(field, 'importExport.notDateTime', { value });
  }

  /** Keys of a JSON row that are neither fields nor ignored: a misspelt field would otherwise be lost. */
  unknownKeys(known: ReadonlySet<string>, ignored: ReadonlySet<string>): void {
    for (const key of Object.keys(this.values)) {
      if (!known.has(key) && !ignored.has(key)) this.problem(key, 'importExport.unknownField', { fields: [...known].join(', ') });
    }
  }
}

/** ISO 8601 with an offset, or a date alone read as 23:59:59 Swedish time that day; null when it is neither. */
export function parseDateTime(value: string): Date | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T23:59:59${stockholmOffset(value)}`);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** Sweden's offset from UTC on that date: +02:00 in summer time, else +01:00. */
function stockholmOffset(isoDate: string): string {
  const utcNoon = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(utcNoon.getTime())) return '+01:00';
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', hourCycle: 'h23' }).format(utcNoon));
  return hour === 14 ? '+02:00' : '+01:00';
}
