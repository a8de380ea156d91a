import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@samverka/engine';
import { DomainError } from '@samverka/domain';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** How many messages one client (a signed-in person, or else an address) may send within the window. */
export const FEEDBACK_PER_CLIENT = 5;
export const FEEDBACK_WINDOW_S = 15 * 60;

/**
 * Limits feedback per client, a signed-in person or else an address: the form is open to anyone, so a script must not fill the table
 * or the administrators' inboxes. In production the counts live in Redis, shared by every API process;
 * in the embedded mode, in memory.
 */
@Injectable()
export class FeedbackThrottle implements OnApplicationShutdown {
  private readonly perClient: RateLimiterAbstract;
  private readonly redis?: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const options = { points: FEEDBACK_PER_CLIENT, duration: FEEDBACK_WINDOW_S };
    if (config.queue.driver === 'bullmq') {
      this.redis = new Redis(config.queue.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
      this.perClient = new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `${config.queue.prefix}:feedback`, ...options });
    } else {
      this.perClient = new RateLimiterMemory({ keyPrefix: 'feedback', ...options });
    }
  }

  /** Counts a message of this client, refusing it when the client is over its limit. */
  async consume(client: string): Promise<void> {
    try {
      await this.perClient.consume(client);
    } catch (reason) {
      if (!(reason instanceof RateLimiterRes)) throw reason;
      const seconds = Math.max(1, Math.ceil(reason.msBeforeNext / 1000));
      throw DomainError.tooManyRequests(seconds, 'feedback.tooManyMessages', { count: seconds });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}
