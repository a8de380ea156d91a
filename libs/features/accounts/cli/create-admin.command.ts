import { parseArgs } from 'node:util';
import { configFromEnvironment, textOf, type OpenCommandContext } from '@samverka/engine';
import { UserService } from '../user.service.js';
import { DomainError } from '@samverka/domain';

const USAGE = `usage: npm run create-admin -- --email <e-mail> [--name "<display name>"]
The password is read from standard input (one line), e.g.  read -s PW && echo "$PW" | npm run create-admin -- --email a@b.se
An existing account is made administrator and keeps its password.`;

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (at least 12 characters), then Enter: ');
  let input = '';
  for await (const chunk of process.stdin) {
    input += chunk;
    if (input.includes('\n')) break;
  }
  return input.split('\n')[0].replace(/\r$/, '');
}

/** `npm run create-admin`: creates an administrator, or makes an existing account one. */
export async function createAdminCommand(args: string[], open: OpenCommandContext): Promise<void> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || !values.email) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const config = configFromEnvironment();
  const app = await open(config, { logger: ['error', 'warn'] });
  try {
    const users = app.get(UserService);
    const password = (await users.findByEmailForCli(values.email)) ? '' : await readPassword();
    const { user, created } = await users.ensureAdmin({ email: values.email, displayName: values.name ?? values.email.split('@')[0], password });
    console.log(`${created ? 'Created' : 'Promoted'} administrator ${user.email} (${user.id})`);
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(`Not done: ${refusalText(error)}`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  } finally {
    await app.close();
  }
}

/**
 * A refusal as the command says it: in English, like the rest of the operators' command line, each field
 * with its problem (`--email`, `--name`, the password).
 */
function refusalText(error: DomainError): string {
  if (error.fields.length === 0) return textOf(error.detail, 'en');
  return error.fields.map((field) => `${OPTION_OF[field.path.join('.')] ?? field.path.join('.')}: ${textOf(field.message, 'en')}`).join('; ');
}

const OPTION_OF: Partial<Record<string, string>> = { email: '--email', displayName: '--name', password: 'the password' };
