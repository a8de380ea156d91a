import { Inject, Injectable, Logger, Module, Optional, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, Reflector } from '@nestjs/core';
import { APP_CONFIG } from '../config/config.module.js';
import { type AppConfig } from '../config/app-config.js';
import { BullMqQueueDriver } from './bullmq.driver.js';
import { buildHandlerMap, type FoundProcessor } from './handler-map.js';
import { InProcessQueueDriver } from './in-process.driver.js';
import { JOB_HANDLER_METADATA, type JobProcessor } from './job-handler.decorator.js';
import { SCHEDULED_JOBS } from './jobs.js';
import { Outbox } from './outbox/outbox.js';
import { QUEUE_DRIVER, type QueueDriver } from './queue-driver.js';

export interface QueueModuleOptions {
  /** Take jobs in this process: the worker always; the API only with the in-process driver. */
  consume: boolean;
}

const QUEUE_MODULE_OPTIONS = Symbol('QUEUE_MODULE_OPTIONS');

export function createQueueDriver(config: AppConfig['queue']): QueueDriver {
  return config.driver === 'bullmq' ? new BullMqQueueDriver(config) : new InProcessQueueDriver(config);
}

@Injectable()
class JobConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Queue');

  constructor(
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    @Inject(QUEUE_MODULE_OPTIONS) private readonly options: QueueModuleOptions,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Optional() private readonly outbox?: Outbox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const found: FoundProcessor[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const jobName = this.reflector.get<string | undefined>(JOB_HANDLER_METADATA, wrapper.metatype);
      if (jobName) found.push({ jobName, className: wrapper.metatype.name, instance: wrapper.instance as JobProcessor });
    }
    // Checked in every process, so a missing handler fails the API's start as well as the worker's.
    const handlers = buildHandlerMap(found);
    if (this.options.consume) {
      // Each job done clears its outbox row (where the outbox is: everywhere but bare queue tests).
      await this.driver.consume(this.outbox ? this.outbox.completing(handlers) : handlers);
      for (const { name, everyMs } of SCHEDULED_JOBS) await this.driver.schedule(name, {} as never, everyMs);
      this.logger.log(`taking jobs (${this.driver.kind})`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}

/** The queue driver of this process (BullMQ when REDIS_URL is set, else in-process) and its consumer. */
@Module({})
export class QueueModule {
  static forRoot(options: QueueModuleOptions): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: QUEUE_MODULE_OPTIONS, useValue: options },
        { provide: QUEUE_DRIVER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createQueueDriver(config.queue) },
        JobConsumer,
      ],
      exports: [QUEUE_DRIVER],
    };
  }
}
