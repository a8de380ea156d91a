import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { ConfigError } from '../config/app-config.js';
import { DatabaseInUseError } from '../database/embedded-postgres.js';
import { StartupError } from './startup-error.js';

/** Errors whose message says all a person needs: printed without a stack trace. */
const PLAIN_ERRORS = [ConfigError, DatabaseInUseError];

export { StartupError };

/**
 * On SIGTERM or SIGINT: close the application (stop taking jobs, let the running ones finish within the
 * shutdown timeout, close pools) and exit 0. A second signal exits at once with 1.
 */
export function closeOnSignals(app: INestApplicationContext, logger: LoggerService): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn(`${signal} again: exiting without waiting`, 'Samverka');
      process.exit(1);
    }
    closing = true;
    logger.log(`${signal}: shutting down`, 'Samverka');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`, 'Samverka');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** Ends a process whose start failed, with a message a person can act on. */
export function exitOnStartupFailure(what: string): (error: unknown) => never {
  return (error) => {
    const plain = error instanceof StartupError || PLAIN_ERRORS.some((type) => error instanceof type);
    console.error(plain ? `${what} could not start: ${(error as Error).message}` : error);
    process.exit(1);
  };
}
