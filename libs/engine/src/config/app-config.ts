import path from 'node:path';
import { envSchema, type Env } from './env.schema.js';

export type DatabaseConfig = { driver: 'postgres'; url: string; poolSize: number } | { driver: 'pglite'; dataDir: string; poolSize: number };

export type QueueConfig =
  | { driver: 'in-process'; concurrency: number; retryBackoffMs: number; shutdownTimeoutMs: number }
  | {
      driver: 'bullmq';
      redisUrl: string;
      prefix: string;
      concurrency: number;
      retryBackoffMs: number;
      lockDurationMs: number;
      stalledIntervalMs: number;
      shutdownTimeoutMs: number;
    };

export interface MatchingConfig {
  /** How many matches are kept per need, best first. */
  topN: number;
  /** Scores below this are not kept. */
  minScore: number;
  /** Needs per rebuild chunk job. */
  rebuildChunk: number;
  /** An enterprise that becomes a match of a published need at this score or above is told of it. */
  notifyScore: number;
}

/**
 * How notification e-mails leave: through SMTP when SMTP_URL is set; outside production without it they
 * are written to the log instead; in production without it none are sent (the inbox still works).
 */
export type MailConfig = { transport: 'smtp'; url: string; from: string } | { transport: 'log' } | { transport: 'off' };

/** The validated, reshaped configuration that the rest of the code receives. */
export interface AppConfig {
  env: Env['NODE_ENV'];
  /** true when PostgreSQL and Redis are configured; false in the embedded mode */
  production: boolean;
  http: { host: string; port: number; publicUrl: string };
  database: DatabaseConfig;
  queue: QueueConfig;
  matching: MatchingConfig;
  /** Imports through the API: the largest file accepted, in bytes. */
  imports: { maxUploadBytes: number };
  /** Exports: the OCID prefix of the partnerships' OCDS releases (their ocid is `<prefix>-<partnership id>`). */
  exports: { ocidPrefix: string };
  mail: MailConfig;
  log: { level: Env['LOG_LEVEL']; format: 'json' | 'pretty' };
  ops: { token?: string };
  auth: {
    /** Unset in the embedded mode: the API then keeps a generated secret in the data folder. */
    jwtSecret?: string;
    accessTokenTtlS: number;
    refreshTokenTtlS: number;
    /** How long a used refresh token may be presented again (a renewal whose answer the browser lost) before that counts as theft. */
    refreshReuseGraceS: number;
    login: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowS: number };
  };
  graphql: {
    playground: boolean;
    introspection: boolean;
    /** What one request may ask (see docs/limits.md); over a limit it is refused before it runs. */
    limits: {
      /** Levels of fields, a root field being level 1 (fragments add none). */
      maxDepth: number;
      /** The estimated cost (query-limits.ts: a field 1, a page's items times `first`, a search 200). */
      maxCost: number;
      maxAliases: number;
      maxDirectives: number;
      /** Tokens of the document (names, punctuation, values), counted before it is parsed. */
      maxTokens: number;
      /** A JSON body (a multipart upload's file has IMPORT_MAX_UPLOAD_MB). */
      maxBodyBytes: number;
      /** Levels of arrays and objects in the variables. */
      maxVariablesDepth: number;
    };
  };
  /** Seed the Skåne demo scenario into an empty database and print its logins (never in production). */
  demo: boolean;
  /**
   * Which hops in X-Forwarded-For to trust, for the client address: false (none), how many proxies
   * stand in front, or their addresses/subnets. Never "all": a client could then choose its address.
   */
  trustProxy: false | number | string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type EnvSource = Record<string, string | undefined>;

/** The configuration of this process, read from its environment: the one place that reads process.env. */
export function configFromEnvironment(): AppConfig {
  return loadConfig(process.env);
}

/** Validates the environment once and reshapes it; a wrong value names the variable and the rule. */
export function loadConfig(source: EnvSource, cwd = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(environment)';
        const value = typeof issue.path[0] === 'string' ? source[issue.path[0]] : undefined;
        const shown = value === undefined || /URL|TOKEN|SECRET/.test(name) ? '' : ` (got "${value}")`;
        return `${name} ${issue.message}${shown}`;
      }),
    );
  }
  const env = parsed.data;
  const production = Boolean(env.DATABASE_URL && env.REDIS_URL);
  const shutdownTimeoutMs = env.SHUTDOWN_TIMEOUT_MS;
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;

  return {
    env: env.NODE_ENV,
    production,
    // Outside production only this machine reaches the API unless HOST says otherwise.
    http: { host: env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'), port: env.PORT, publicUrl: publicUrl.replace(/\/+$/, '') },
    database: env.DATABASE_URL
      ? { driver: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
      : { driver: 'pglite', dataDir: path.resolve(cwd, env.DATA_DIR), poolSize: env.DATABASE_POOL_SIZE },
    queue: env.REDIS_URL
      ? {
          driver: 'bullmq',
          redisUrl: env.REDIS_URL,
          prefix: env.QUEUE_PREFIX,
          concurrency: env.QUEUE_CONCURRENCY,
          retryBackoffMs: env.QUEUE_RETRY_BACKOFF_MS,
          lockDurationMs: env.QUEUE_LOCK_MS,
          stalledIntervalMs: env.QUEUE_STALLED_CHECK_MS,
          shutdownTimeoutMs,
        }
      : {
          driver: 'in-process',
          concurrency: env.QUEUE_CONCURRENCY,
          retryBackoffMs: env.QUEUE_RETRY_BACKOFF_MS,
          shutdownTimeoutMs,
        },
    matching: {
      topN: env.MATCHING_TOP_N,
      minScore: env.MATCHING_MIN_SCORE,
      rebuildChunk: env.MATCHING_REBUILD_CHUNK,
      notifyScore: env.MATCHING_NOTIFY_SCORE,
    },
    imports: { maxUploadBytes: env.IMPORT_MAX_UPLOAD_MB * 1024 * 1024 },
    exports: { ocidPrefix: env.OCDS_OCID_PREFIX },
    mail: env.SMTP_URL ? { transport: 'smtp', url: env.SMTP_URL, from: env.MAIL_FROM! } : env.NODE_ENV === 'production' ? { transport: 'off' } : { transport: 'log' },
    log: {
      level: env.LOG_LEVEL,
      format: env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty'),
    },
    ops: { token: env.OPS_TOKEN },
    auth: {
      jwtSecret: env.JWT_SECRET,
      accessTokenTtlS: env.ACCESS_TOKEN_TTL_S,
      refreshTokenTtlS: env.REFRESH_TOKEN_TTL_S,
      refreshReuseGraceS: env.REFRESH_REUSE_GRACE_S,
      login: {
        maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
        maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
        windowS: env.LOGIN_FAILURE_WINDOW_S,
      },
    },
    graphql: {
      playground: env.GRAPHQL_PLAYGROUND && env.NODE_ENV !== 'production',
      introspection: env.NODE_ENV !== 'production',
      limits: {
        maxDepth: env.GRAPHQL_MAX_DEPTH,
        maxCost: env.GRAPHQL_MAX_COST,
        maxAliases: env.GRAPHQL_MAX_ALIASES,
        maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
        maxTokens: env.GRAPHQL_MAX_TOKENS,
        maxBodyBytes: env.GRAPHQL_MAX_BODY_KB * 1024,
        maxVariablesDepth: env.GRAPHQL_MAX_VARIABLES_DEPTH,
      },
    },
    demo: env.DEMO_DATA === 'on' || (env.DEMO_DATA === 'auto' && !env.DATABASE_URL && env.NODE_ENV === 'development'),
    trustProxy: env.TRUST_PROXY === 'false' ? false : /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY.split(',').map((part) => part.trim()),
  };
}
