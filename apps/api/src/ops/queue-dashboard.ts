import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@samverka/config';
import { BullMqQueueDriver, QUEUE_DRIVER, type QueueDriver } from '@samverka/queue';
import type { NextFunction, Request, Response } from 'express';
import { checkOpsToken } from './ops-token.js';

export const QUEUE_DASHBOARD_PATH = '/ops/queues';

/**
 * Bull Board on /ops/queues, in production mode only and behind OPS_TOKEN (HTTP Basic, any user name,
 * the token as password). Returns whether it was mounted.
 */
export function mountQueueDashboard(app: INestApplication, config: AppConfig): boolean {
  const driver = app.get<QueueDriver>(QUEUE_DRIVER);
  if (!(driver instanceof BullMqQueueDriver) || !config.ops.token) return false;
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: driver.bullQueues.map((q) => new BullMQAdapter(q)), serverAdapter });
  const token = config.ops.token;
  const guard = (req: Request, res: Response, next: NextFunction) => {
    if (checkOpsToken(req.headers.authorization, token) === 'ok') return next();
    res.setHeader('WWW-Authenticate', 'Basic realm="Samverka operations", charset="UTF-8"');
    res.status(401).send('The queue dashboard needs the operations token.');
  };
  app.use(QUEUE_DASHBOARD_PATH, guard, serverAdapter.getRouter());
  return true;
}
