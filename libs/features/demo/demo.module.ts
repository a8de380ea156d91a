import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@samverka/engine';
import { demoPassword } from './demo-password.js';
import { DemoSeeder } from './demo-seeder.js';
import { loadSkaneScenario } from './skane-scenario.js';

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
    const scenario = loadSkaneScenario();
    let password: string | undefined;
    if (await this.seeder.isEmpty()) {
      password = demoPassword(this.config, true)!;
      await this.seeder.seed(scenario, password);
    }
    if (!(await this.seeder.isSeeded(scenario))) return;
    password ??= demoPassword(this.config, false);
    const logins = this.seeder.logins(scenario);
    const width = Math.max(...logins.map((l) => l.email.length));
    const shared = password ? `password "${password}"` : 'the password shown when the demo was seeded';
    this.logger.log(`demo logins (${shared}):\n${logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role}`).join('\n')}`);
  }
}

@Module({
  providers: [DemoSeeder, DemoOnStart],
  exports: [DemoSeeder],
})
export class DemoModule {}
