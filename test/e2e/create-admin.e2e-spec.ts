import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadConfig, Database } from '@samverka/engine';
import { PASSWORD } from '../support/accounts.js';
import { tempDir } from '../support/services.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/apps/api/src/cli/create-admin.js');

describe('npm run create-admin (the built command)', () => {
  const folder = tempDir('create-admin');
  afterAll(() => folder.remove());

  const run = (args: string[], input = '') =>
    spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', DATA_DIR: folder.dir }, timeout: 60_000 });

  const roleOf = async (email: string) => {
    const database = await Database.open(loadConfig({ DATA_DIR: folder.dir }).database, { migrate: false });
    try {
      return (await database.dataSource.query(`SELECT platform_role FROM app_user WHERE email = $1`, [email]))[0]?.platform_role;
    } finally {
      await database.close();
    }
  };

  it('creates the first administrator with the password from standard input', async () => {
    const result = run(['--email', 'Forste.Admin@Samverka.se', '--name', 'Första admin'], `${PASSWORD}\n`);
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Created administrator forste.admin@samverka.se \(/m);
    expect(await roleOf('forste.admin@samverka.se')).toBe('ADMIN');
  });

  it('promotes an existing account without asking for a password', () => {
    const result = run(['--email', 'forste.admin@samverka.se']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Promoted administrator forste.admin@samverka.se/m);
  });

  it('refuses a weak password and explains the usage', () => {
    const weak = run(['--email', 'ny.admin@samverka.se'], 'short\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('Not done: the password: Write at least 12 characters.');
    const badEmail = run(['--email', 'not-an-address']);
    expect(badEmail.status).toBe(1);
    expect(badEmail.stderr).toContain('Not done: --email: Write an e-mail address, such as name@kommun.se.');
    const usage = run([]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run create-admin -- --email/);
  });
});
