import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EngineModule, type AppConfig, type OpenCommandContext } from '@samverka/engine';
import { DATABASE_OPEN_HOOKS, FEATURE_MODULES } from '@samverka/features';

/** The features without HTTP or GraphQL, for commands; jobs they start are left to the API or the workers. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, extra: Type[] = []): DynamicModule {
    return {
      module: CliModule,
      imports: [EngineModule.forRoot(config, { processName: 'api', consume: false, onDatabaseOpen: DATABASE_OPEN_HOOKS }), ...FEATURE_MODULES, ...extra],
    };
  }
}

/** How a feature's command opens the features (`extra`: modules only that command needs). */
export function openCommandContext(extra: Type[] = []): OpenCommandContext {
  return (config, options) => NestFactory.createApplicationContext(CliModule.forRoot(config, extra), { abortOnError: false, ...options });
}
