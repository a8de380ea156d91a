import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule, loadConfig, JOB_NAMES, type JobName, JobHandler, type JobProcessor, JobHandlerRegistrationError, QueueModule } from '@samverka/engine';

@JobHandler('system.probe')
class FirstProbeHandler implements JobProcessor<'system.probe'> {
  async handle(): Promise<void> {}
}

@JobHandler('system.probe')
class SecondProbeHandler implements JobProcessor<'system.probe'> {
  async handle(): Promise<void> {}
}

/** A handler that does nothing, for a job these tests are not about. */
function quietHandler(name: JobName) {
  @JobHandler(name)
  class QuietHandler implements JobProcessor {
    async handle(): Promise<void> {}
  }
  Object.defineProperty(QuietHandler, 'name', { value: `Quiet_${name.replace('.', '_')}` });
  return QuietHandler;
}

/** One handler for every job but the probe. */
const OTHER_HANDLERS = JOB_NAMES.filter((name) => name !== 'system.probe').map(quietHandler);

@Module({ providers: [FirstProbeHandler, SecondProbeHandler, ...OTHER_HANDLERS] })
class TwoHandlersModule {}

@Module({ providers: [FirstProbeHandler, ...OTHER_HANDLERS] })
class OneHandlerModule {}

@Module({ providers: [...OTHER_HANDLERS] })
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
