import { ConfigError, loadConfig } from './app-config.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app@db:5432/samverka',
  REDIS_URL: 'redis://cache:6379',
  JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
};

describe('mail and notification settings', () => {
  it('logs e-mail outside production, sends none in production without SMTP, and sends through SMTP when set', () => {
    expect(loadConfig({}).mail).toEqual({ transport: 'log' });
    expect(loadConfig({ NODE_ENV: 'test' }).mail).toEqual({ transport: 'log' });
    expect(loadConfig(PRODUCTION).mail).toEqual({ transport: 'off' });
    const smtp = { SMTP_URL: 'smtps://user:pass@smtp.example.se:465', MAIL_FROM: 'Samverka <noreply@samverka.se>' };
    expect(loadConfig({ ...PRODUCTION, ...smtp }).mail).toEqual({ transport: 'smtp', url: smtp.SMTP_URL, from: smtp.MAIL_FROM });
    expect(loadConfig({ SMTP_URL: 'smtp://localhost:1025', MAIL_FROM: 'noreply@samverka.se' }).mail).toEqual({
      transport: 'smtp',
      url: 'smtp://localhost:1025',
      from: 'noreply@samverka.se',
    });
  });

  it('has a strong-match threshold of 70 unless set', () => {
    expect(loadConfig({}).matching.notifyScore).toBe(70);
    expect(loadConfig({ MATCHING_NOTIFY_SCORE: '85' }).matching.notifyScore).toBe(85);
  });

  it.each([
    [{ SMTP_URL: 'smtp://localhost:1025' }, 'MAIL_FROM is required when SMTP_URL is set'],
    [{ SMTP_URL: 'http://mail.example.se', MAIL_FROM: 'noreply@samverka.se' }, 'SMTP_URL must be a URL starting with smtp:// or smtps://'],
    [{ SMTP_URL: 'smtp://localhost:1025', MAIL_FROM: 'Samverka' }, 'MAIL_FROM must be an e-mail address'],
    [{ SMTP_URL: 'smtp://localhost:1025', MAIL_FROM: 'Samverka <noreply>' }, 'MAIL_FROM must be an e-mail address'],
    [{ MATCHING_NOTIFY_SCORE: '101' }, 'MATCHING_NOTIFY_SCORE must be a whole number from 0 to 100'],
  ])('refuses %j, naming the variable and the rule', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes the SMTP URL, which may hold a password', () => {
    expect(() => loadConfig({ SMTP_URL: 'ftp://user:hunter2@mail.example.se' })).toThrow(ConfigError);
    try {
      loadConfig({ SMTP_URL: 'ftp://user:hunter2@mail.example.se' });
    } catch (error) {
      expect((error as ConfigError).message).not.toContain('hunter2');
    }
  });
});
