import { MESSAGES, type Message, type MessageKey, type MessageParams } from './messages/index.js';

/** What went wrong, independent of the transport; the API maps each code once. */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

/**
 * Why a field was refused, language-neutral, so a client can place and style the problem; the message
 * says it in words.
 */
export type FieldRule =
  | 'REQUIRED'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'TOO_FEW'
  | 'TOO_MANY'
  | 'OUT_OF_RANGE'
  | 'INVALID_FORMAT'
  | 'INVALID_TYPE'
  | 'UNKNOWN_VALUE'
  | 'NOT_ALLOWED'
  | 'TAKEN'
  | 'STALE'
  | 'INVALID';

/**
 * Where a field is: for a mutation, its place inside the `input` argument (`['targets', 0, 'value']`);
 * otherwise the argument's name (`['first']`). A dotted string is accepted and split.
 */
export type FieldPath = string | readonly (string | number)[];

/** One field's problem. */
export interface FieldProblem {
  readonly path: readonly (string | number)[];
  readonly code: FieldRule;
  readonly message: ErrorDetail;
}

/** A text from before the message catalogue: shown as it is, in English. */
export interface UntranslatedText {
  readonly text: string;
}

export type ErrorDetail = Message | UntranslatedText;

export function pathOf(path: FieldPath): readonly (string | number)[] {
  return typeof path === 'string' ? path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : path;
}

/** Whether a string is a key of the catalogue (for the older string-taking signatures). */
export function isMessageKey(value: string): value is MessageKey {
  const [area, key] = value.split('.', 2);
  const messages = (MESSAGES.sv as Record<string, Record<string, string>>)[area];
  return Boolean(messages && key && (key in messages || `${key}_other` in messages));
}

const detailOf = (value: Message | string, params?: MessageParams): ErrorDetail =>
  typeof value !== 'string' ? value : isMessageKey(value) ? { key: value, ...(params ? { params } : {}) } : { text: value };

/**
 * A refusal: a user's mistake or a rule of the domain, never our fault. It carries a message key (put
 * into the asker's language at the edge), the problems of each field for bad input, and for
 * TOO_MANY_REQUESTS when to try again.
 */
export class DomainError extends Error {
  readonly detail: ErrorDetail;
  readonly fields: readonly FieldProblem[];
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: DomainErrorCode,
    detail: Message | string,
    options: { fields?: readonly FieldProblem[]; retryAfterSeconds?: number } | string = {},
    /** @deprecated pass `{ retryAfterSeconds }` */
    retryAfterSeconds?: number,
  ) {
    const resolved = detailOf(detail);
    super('text' in resolved ? resolved.text : resolved.key);
    this.name = 'DomainError';
    this.detail = resolved;
    if (typeof options === 'string') {
      this.fields = [{ path: pathOf(options), code: 'INVALID', message: resolved }];
      this.retryAfterSeconds = retryAfterSeconds;
    } else {
      this.fields = options.fields ?? [];
      this.retryAfterSeconds = options.retryAfterSeconds ?? retryAfterSeconds;
    }
  }

  /** The first field at fault, dotted (`targets.0.value`), if any. */
  get field(): string | undefined {
    return this.fields[0]?.path.join('.');
  }

  /** Bad input, every problem at once (see FieldProblems to gather them). */
  static invalid(problems: readonly FieldProblem[]): DomainError {
    return new DomainError('BAD_USER_INPUT', { key: 'validation.invalidInput', params: { count: problems.length } }, { fields: problems });
  }

  /** One field is wrong. */
  static badInput(path: FieldPath, code: FieldRule, key: MessageKey, params?: MessageParams): DomainError;
  /** @deprecated use (path, code, key, params) */
  static badInput(field: string, rule: string): DomainError;
  static badInput(path: FieldPath, codeOrRule: string, key?: MessageKey, params?: MessageParams): DomainError {
    if (key) return DomainError.invalid([{ path: pathOf(path), code: codeOrRule as FieldRule, message: { key, ...(params ? { params } : {}) } }]);
    return new DomainError('BAD_USER_INPUT', `${String(path)} ${codeOrRule}`, String(path));
  }

  static forbidden(key: MessageKey, params?: MessageParams): DomainError;
  /** @deprecated use a message key */
  static forbidden(reason: string): DomainError;
  static forbidden(reason: string, params?: MessageParams): DomainError {
    return new DomainError('FORBIDDEN', detailOf(reason, params) as Message);
  }

  static unauthenticated(key?: MessageKey, params?: MessageParams): DomainError;
  /** @deprecated use a message key */
  static unauthenticated(reason: string): DomainError;
  static unauthenticated(reason: string = 'access.signInNeeded', params?: MessageParams): DomainError {
    return new DomainError('UNAUTHENTICATED', detailOf(reason, params) as Message);
  }

  /** A rule of the current state refuses it; `field` when one field is the cause (an e-mail taken). */
  static conflict(key: MessageKey, params?: MessageParams, field?: { path: FieldPath; code: FieldRule }): DomainError;
  /** @deprecated use a message key */
  static conflict(reason: string): DomainError;
  static conflict(reason: string, params?: MessageParams, field?: { path: FieldPath; code: FieldRule }): DomainError {
    const detail = detailOf(reason, params) as Message;
    return new DomainError('CONFLICT', detail, { fields: field ? [{ path: pathOf(field.path), code: field.code, message: detail }] : [] });
  }

  /** The record moved on since the version the caller read (optimistic concurrency): reload and retry. */
  static stale(version: number): DomainError;
  /** @deprecated use stale(version) */
  static stale(what: string, version: number): DomainError;
  static stale(whatOrVersion: string | number, maybeVersion?: number): DomainError {
    const version = typeof whatOrVersion === 'number' ? whatOrVersion : maybeVersion!;
    return DomainError.conflict('common.stale', { version }, { path: 'version', code: 'STALE' });
  }

  static notFound(key: MessageKey, params?: MessageParams): DomainError;
  /** @deprecated use a message key */
  static notFound(what: string, id: string): DomainError;
  static notFound(keyOrWhat: string, params?: MessageParams | string): DomainError {
    if (typeof params === 'string') return new DomainError('NOT_FOUND', `${keyOrWhat} ${params} does not exist`);
    return new DomainError('NOT_FOUND', detailOf(keyOrWhat, params) as Message);
  }

  static tooManyRequests(retryAfterSeconds: number, key: MessageKey, params?: MessageParams): DomainError {
    return new DomainError('TOO_MANY_REQUESTS', detailOf(key, params) as Message, { retryAfterSeconds });
  }
}

/**
 * Gathers the problems of one input, so the caller hears of all of them at once:
 * `problems.add('title', 'TOO_SHORT', 'validation.tooShort', { count: 5 })`, then `problems.throwIfAny()`.
 */
export class FieldProblems {
  private readonly problems: FieldProblem[] = [];

  add(path: FieldPath, code: FieldRule, key: MessageKey, params?: MessageParams): this {
    this.problems.push({ path: pathOf(path), code, message: { key, ...(params ? { params } : {}) } });
    return this;
  }

  /** Takes the field problems of a refusal thrown by a check of one part, or throws it on if it is not bad input. */
  absorb(run: () => void): this {
    try {
      run();
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT' || error.fields.length === 0) throw error;
      this.problems.push(...error.fields);
    }
    return this;
  }

  /** Whether a field (by its dotted path) already has a problem: later checks of it can be skipped. */
  has(path: FieldPath): boolean {
    const dotted = pathOf(path).join('.');
    return this.problems.some((problem) => problem.path.join('.') === dotted);
  }

  get list(): readonly FieldProblem[] {
    return this.problems;
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw DomainError.invalid(this.problems);
  }
}
