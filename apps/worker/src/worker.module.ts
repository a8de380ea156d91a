import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@samverka/config';
import { PlatformModule } from '@samverka/platform';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(config, { processName: 'worker', consume: true })],
    };
  }
}
