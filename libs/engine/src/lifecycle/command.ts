import type { INestApplicationContext, LoggerService, LogLevel } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { exitOnStartupFailure } from './process-lifecycle.js';

/** A wrong command line: its message (the usage, or what is wrong) is printed and the command exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Opens the features without HTTP or GraphQL for a command, with the given config: the API's app passes
 * its composition of the feature modules, so a feature's command does not know the app.
 */
export type OpenCommandContext = (config: AppConfig, options?: { logger?: LoggerService | LogLevel[] }) => Promise<INestApplicationContext>;

/** Runs a command's main: a UsageError exits 2 with its message, a failed start exits 1 with a plain line. */
export function runCommand(what: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    exitOnStartupFailure(what)(error);
  });
}
