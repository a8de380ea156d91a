import path from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('gives the embedded mode when nothing is set', () => {
    const config = loadConfig({}, '/srv/samverka');
    expect(config.production).toBe(false);
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000, publicUrl: 'http://localhost:3000' });
    expect(config.database).toEqual({ driver: 'pglite', dataDir: path.resolve('/srv/samverka', '.samverka/data'), poolSize: 10 });
    expect(config.queue).toMatchObject({ driver: 'in-process', concurrency: 2 });
    expect(config.log.format).toBe('pretty');
  });

  it('switches to PostgreSQL and BullMQ when their URLs are set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@db:5432/samverka',
      REDIS_URL: 'redis://cache:6379',
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
      QUEUE_PREFIX: 'sv-prod',
    });
    expect(config.production).toBe(true);
    expect(config.database).toEqual({ driver: 'postgres', url: 'postgres://app@db:5432/samverka', poolSize: 10 });
    expect(config.queue).toMatchObject({ driver: 'bullmq', redisUrl: 'redis://cache:6379', prefix: 'sv-prod' });
    expect(config.log.format).toBe('json');
    expect(config.http.host).toBe('0.0.0.0');
    expect(config.graphql).toMatchObject({ playground: false, introspection: false });
    expect(config.auth.jwtSecret).toBe('a-production-secret-of-at-least-32-chars');
  });

  it.each([
    ['false', false],
    ['1', 1],
    ['10.0.0.1, 192.168.0.0/16, ::1', ['10.0.0.1', '192.168.0.0/16', '::1']],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each([
    [{}, true],
    [{ DEMO_DATA: 'off' }, false],
    [{ NODE_ENV: 'test' }, false],
    [{ DATABASE_URL: 'postgres://db/x' }, false],
    [{ DATABASE_URL: 'postgres://db/x', DEMO_DATA: 'on' }, true],
  ])('seeds demo data with %j: %s', (env, expected) => {
    expect(loadConfig(env).demo).toBe(expected);
  });

  it('limits uploads for imports to IMPORT_MAX_UPLOAD_MB megabytes (200 by default)', () => {
    expect(loadConfig({}).imports).toEqual({ maxUploadBytes: 200 * 1024 * 1024 });
    expect(loadConfig({ IMPORT_MAX_UPLOAD_MB: '5' }).imports).toEqual({ maxUploadBytes: 5 * 1024 * 1024 });
  });

  it('takes the OCID prefix of OCDS exports from OCDS_OCID_PREFIX (ocds-samverka by default)', () => {
    expect(loadConfig({}).exports).toEqual({ ocidPrefix: 'ocds-samverka' });
    expect(loadConfig({ OCDS_OCID_PREFIX: 'ocds-b5fd17' }).exports).toEqual({ ocidPrefix: 'ocds-b5fd17' });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '  ' }).production).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, /^ {2}- PORT must be a whole number from 1 to 65535 \(got "eighty"\)$/m],
    [{ PORT: '70000' }, /PORT must be a whole number from 1 to 65535 \(got "70000"\)/],
    [{ QUEUE_CONCURRENCY: '1.5' }, /QUEUE_CONCURRENCY must be a whole number from 1 to 64/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent \(got "loud"\)/],
    [{ DATABASE_URL: 'mysql://db/x' }, /DATABASE_URL must be a URL starting with postgres:\/\/ or postgresql:\/\//],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL must be a URL starting with redis:\/\/ or rediss:\/\//],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be development, test or production \(got "staging"\)/],
    [{ QUEUE_PREFIX: 'a b' }, /QUEUE_PREFIX must be 1–64 letters/],
    [{ OPS_TOKEN: 'short' }, /OPS_TOKEN must be at least 24 characters/],
    [{ GRAPHQL_PLAYGROUND: 'yes' }, /GRAPHQL_PLAYGROUND must be true or false/],
    [{ NODE_ENV: 'production' }, /DATABASE_URL is required when NODE_ENV is production/],
    [{ NODE_ENV: 'production' }, /JWT_SECRET is required when NODE_ENV is production/],
    [{ JWT_SECRET: 'too-short' }, /JWT_SECRET must be at least 32 characters$/m],
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY must be false, the number of proxies/],
    [{ NODE_ENV: 'production', DEMO_DATA: 'on' }, /DEMO_DATA must not be on when NODE_ENV is production/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY must be false/],
    [{ IMPORT_MAX_UPLOAD_MB: '0' }, /IMPORT_MAX_UPLOAD_MB must be a whole number from 1 to 10240 \(got "0"\)/],
    [{ OCDS_OCID_PREFIX: 'OCDS-B5FD17' }, /OCDS_OCID_PREFIX must be lowercase letters and digits in parts joined by "-"/],
    [{ OCDS_OCID_PREFIX: 'samverka' }, /OCDS_OCID_PREFIX must be lowercase letters and digits in parts joined by "-"/],
    [{ OCDS_OCID_PREFIX: 'ocds-b5fd17-' }, /OCDS_OCID_PREFIX must be lowercase/],
  ])('refuses %j, naming the variable and the rule', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists every problem at once and never echoes secrets', () => {
    try {
      loadConfig({ PORT: '-1', REDIS_URL: 'http://user:secret@x', OPS_TOKEN: 'secret' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems, message } = error as ConfigError;
      expect(problems.map((p) => p.split(' ')[0])).toEqual(['PORT', 'REDIS_URL', 'OPS_TOKEN']);
      expect(message).not.toContain('secret');
    }
  });
});
