import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@samverka/engine';
import { DomainError } from '@samverka/domain';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Limits failed logins per account and per client address within a window. In production the counts
 * live in Redis, shared by every API process; in the embedded mode, in memory.
 */
@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;
  private readonly redis?: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { maxFailuresPerAccount, maxFailuresPerIp, windowS } = config.auth.login;
    const options = (name: string, points: number) => ({ keyPrefix: `login-${name}`, points, duration: windowS, blockDuration: windowS });
    if (config.queue.driver === 'bullmq') {
      this.redis = new Redis(config.queue.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
      const prefix = config.queue.prefix;
      this.perAccount = new RateLimiterRedis({ storeClient: this.redis, ...options(`${prefix}:account`, maxFailuresPerAccount) });
      this.perIp = new RateLimiterRedis({ storeClient: this.redis, ...options(`${prefix}:ip`, maxFailuresPerIp) });
    } else {
      this.perAccount = new RateLimiterMemory(options('account', maxFailuresPerAccount));
      this.perIp = new RateLimiterMemory(options('ip', maxFailuresPerIp));
    }
  }

  /**
   * Counts an attempt for the account and the address before any password is checked, refusing when
   * either is over its limit; so a burst of parallel guesses is counted as it arrives.
   */
  async consume(accountKey: string, ip: string): Promise<void> {
    const results = await Promise.allSettled([this.perAccount.consume(accountKey), this.perIp.consume(ip)]);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const { reason } of refused) if (!(reason instanceof RateLimiterRes)) throw reason;
    if (refused.length > 0) throw tooMany(Math.max(...refused.map((r) => (r.reason as RateLimiterRes).msBeforeNext)));
  }

  /** A successful attempt: forget the account's failures and give the address its point back. */
  async succeeded(accountKey: string, ip: string): Promise<void> {
    await Promise.all([this.perAccount.delete(accountKey), this.perIp.reward(ip, 1)]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

function tooMany(msBeforeNext: number): DomainError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return DomainError.tooManyRequests(seconds, 'accounts.tooManyAttempts', { count: seconds });
}
