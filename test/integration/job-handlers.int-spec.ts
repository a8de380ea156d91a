import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@samverka/config';
import { JobHandler, JobHandlerRegistrationError, QueueModule, type JobProcessor } from '@samverka/queue';

@JobHandler('system.probe')
class FirstProbeHandler implements JobProcessor<'system.probe'> {
  async handle(): Promise<void> {}
}

@JobHandler('system.probe')
class SecondProbeHandler implements JobProcessor<'system.probe'> {
  async handle(): Promise<void> {}
}

@JobHandler('needs.closeExpired')
class SweepHandler implements JobProcessor<'needs.closeExpired'> {
  async handle(): Promise<void> {}
}

@Module({ providers: [FirstProbeHandler, SecondProbeHandler, SweepHandler] })
class TwoHandlersModule {}

@Module({ providers: [FirstProbeHandler, SweepHandler] })
class OneHandlerModule {}

@Module({ providers: [SweepHandler] })
class NoProbeHandlerModule {}

async function start(imports: unknown[]) {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(loadConfig({})), QueueModule.forRoot({ consume: true }), ...(imports as never[])],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    await app.init();
  } finally {
    await app.close();
  }
}

describe('job handler discovery at start-up', () => {
  it('starts when every job name has exactly one handler', async () => {
    await expect(start([OneHandlerModule])).resolves.toBeUndefined();
  });

  it('fails when a job name has no handler', async () => {
    await expect(start([NoProbeHandlerModule])).rejects.toThrow(JobHandlerRegistrationError);
    await expect(start([NoProbeHandlerModule])).rejects.toThrow('job "system.probe" has no handler');
  });

  it('fails when a job name has two handlers', async () => {
    await expect(start([TwoHandlersModule])).rejects.toThrow('has 2 handlers: FirstProbeHandler, SecondProbeHandler');
  });
});
