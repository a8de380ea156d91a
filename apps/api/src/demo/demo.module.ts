import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@samverka/config';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { MarketplaceModule } from '../marketplace/marketplace.module.js';
import { DemoSeeder } from './demo-seeder.js';
import { skaneScenario } from './skane-scenario.js';

/** On the first start of an empty embedded installation: seed the demo and print its logins. */
@Injectable()
class DemoOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly seeder: DemoSeeder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    if (await this.seeder.isEmpty()) await this.seeder.seed(skaneScenario);
    if (!(await this.seeder.isSeeded(skaneScenario))) return;
    const logins = this.seeder.logins(skaneScenario);
    const width = Math.max(...logins.map((l) => l.email.length));
    this.logger.log(
      `demo logins (password "${skaneScenario.password}"):\n${logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role}`).join('\n')}`,
    );
  }
}

@Module({
  imports: [AccountsModule, AuthModule, MarketplaceModule],
  providers: [DemoSeeder, DemoOnStart],
  exports: [DemoSeeder],
})
export class DemoModule {}
