import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@samverka/config';
import { PlatformModule } from '@samverka/platform';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CommonModule } from '../common/common.module.js';

/** The services of the API without HTTP, for commands. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [PlatformModule.forRoot(config, { processName: 'api', consume: false }), CommonModule, AccountsModule],
    };
  }
}
