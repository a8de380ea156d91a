import { isIP } from 'node:net';
import { z } from 'zod';

function isAddressOrSubnet(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/** "noreply@samverka.se" or "Samverka <noreply@samverka.se>". */
function isMailbox(value: string): boolean {
  const address = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
  const named = /^([^<>]*)<([^<>]+)>$/.exec(value);
  return named ? address.test(named[2].trim()) : address.test(value);
}

const wholeNumber = (min: number, max: number, fallback: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message }).default(fallback);
};
const port = (fallback: number) => wholeNumber(1, 65535, fallback);
const positiveMs = (fallback: number) => wholeNumber(1, 3_600_000, fallback);
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const url = (protocols: string[]) =>
  optionalText.refine((v) => v === undefined || (protocols.some((p) => v.startsWith(`${p}://`)) && URL.canParse(v)), {
    message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  });

/**
 * Every environment variable Samverka reads. Defaults give the embedded mode (PGlite and the
 * in-process queue); DATABASE_URL and REDIS_URL switch to PostgreSQL and BullMQ.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production'], { message: 'must be development, test or production' }).default('development'),
    HOST: optionalText,
    PORT: port(3000),
    PUBLIC_URL: url(['http', 'https']),

    DATABASE_URL: url(['postgres', 'postgresql']),
    DATABASE_POOL_SIZE: wholeNumber(1, 100, 10),
    DATA_DIR: z.string().trim().min(1).default('.samverka/data'),

    REDIS_URL: url(['redis', 'rediss']),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1–64 letters, digits, "_" or "-"' })
      .default('samverka'),
    QUEUE_CONCURRENCY: wholeNumber(1, 64, 2),
    QUEUE_RETRY_BACKOFF_MS: positiveMs(1_000),
    QUEUE_LOCK_MS: positiveMs(30_000),
    QUEUE_STALLED_CHECK_MS: positiveMs(30_000),
    SHUTDOWN_TIMEOUT_MS: positiveMs(25_000),

    MATCHING_TOP_N: wholeNumber(1, 1_000, 50),
    MATCHING_MIN_SCORE: wholeNumber(0, 100, 20),
    MATCHING_REBUILD_CHUNK: wholeNumber(1, 10_000, 100),
    MATCHING_NOTIFY_SCORE: wholeNumber(0, 100, 70),

    SMTP_URL: url(['smtp', 'smtps']),
    MAIL_FROM: optionalText.refine((v) => v === undefined || isMailbox(v), {
      message: 'must be an e-mail address, or a name and an address such as "Samverka <noreply@samverka.se>"',
    }),

    IMPORT_MAX_UPLOAD_MB: wholeNumber(1, 10_240, 200),
    // A registered OCID prefix is "ocds-" and six lowercase letters or digits (ocds-b5fd17); the default
    // is longer on purpose, so that it can never be taken for one a publisher registered.
    OCDS_OCID_PREFIX: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/, {
        message: 'must be lowercase letters and digits in parts joined by "-", such as ocds-b5fd17 (the prefix registered with the OCDS data support team)',
      })
      .max(64, { message: 'must be at most 64 characters' })
      .default('ocds-samverka'),

    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be fatal, error, warn, info, debug, trace or silent',
      })
      .default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty'], { message: 'must be json or pretty' }).optional(),

    JWT_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
      message: 'must be at least 32 characters',
    }),
    ACCESS_TOKEN_TTL_S: wholeNumber(30, 86_400, 900),
    REFRESH_TOKEN_TTL_S: wholeNumber(300, 365 * 86_400, 30 * 86_400),
    REFRESH_REUSE_GRACE_S: wholeNumber(0, 300, 30),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: wholeNumber(1, 1_000, 5),
    LOGIN_MAX_FAILURES_PER_IP: wholeNumber(1, 100_000, 50),
    LOGIN_FAILURE_WINDOW_S: wholeNumber(1, 86_400, 900),
    TRUST_PROXY: z
      .string()
      .trim()
      .default('false')
      .refine((v) => v === 'false' || /^\d{1,2}$/.test(v) || v.split(',').every((part) => isAddressOrSubnet(part.trim())), {
        message: 'must be false, the number of proxies in front of the API (1–99), or their addresses or subnets separated by commas',
      }),
    // The limits of a GraphQL request (docs/limits.md): sized from the queries of the web app's screens.
    GRAPHQL_MAX_DEPTH: wholeNumber(2, 50, 10),
    GRAPHQL_MAX_COST: wholeNumber(10, 1_000_000, 10_000),
    GRAPHQL_MAX_ALIASES: wholeNumber(0, 1_000, 30),
    GRAPHQL_MAX_DIRECTIVES: wholeNumber(0, 1_000, 20),
    GRAPHQL_MAX_TOKENS: wholeNumber(100, 100_000, 2_000),
    GRAPHQL_MAX_BODY_KB: wholeNumber(1, 10_240, 64),
    GRAPHQL_MAX_VARIABLES_DEPTH: wholeNumber(2, 100, 16),

    OPS_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 24, {
      message: 'must be at least 24 characters',
    }),
    GRAPHQL_PLAYGROUND: flag(true),
    DEMO_DATA: z.enum(['auto', 'on', 'off'], { message: 'must be auto, on or off' }).default('auto'),
  })
  .superRefine((env, ctx) => {
    if (env.SMTP_URL && !env.MAIL_FROM) ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'is required when SMTP_URL is set (the sender of the e-mails)' });
    if (env.NODE_ENV !== 'production') return;
    if (env.DEMO_DATA === 'on') ctx.addIssue({ code: 'custom', path: ['DEMO_DATA'], message: 'must not be on when NODE_ENV is production' });
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET'] as const) {
      if (!env[key]) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'is required when NODE_ENV is production (the embedded mode is for development only)',
        });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;
