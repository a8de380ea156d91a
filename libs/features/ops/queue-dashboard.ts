import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import { type AppConfig, BullMqQueueDriver, QUEUE_DRIVER, type QueueDriver, checkOpsToken, languageOf, t } from '@samverka/engine';
import type { NextFunction, Request, Response } from 'express';
import { isAdmin } from '@samverka/domain';
import { ActorResolver } from '@samverka/accounts';

export const QUEUE_DASHBOARD_PATH = '/ops/queues';

/**
 * Bull Board on /ops/queues, in production mode only, for operators (OPS_TOKEN as HTTP Basic password,
 * any user name, or as a bearer token) and administrators (their access token as a bearer token).
 * Returns whether it was mounted.
 */
export function mountQueueDashboard(app: INestApplication, config: AppConfig): boolean {
  const driver = app.get<QueueDriver>(QUEUE_DRIVER);
  if (!(driver instanceof BullMqQueueDriver)) return false;
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: driver.bullQueues.map((q) => new BullMQAdapter(q)), serverAdapter });
  const token = config.ops.token;
  const actors = app.get(ActorResolver);
  const guard = (req: Request, res: Response, next: NextFunction) => {
    if (checkOpsToken(req.headers.authorization, token) === 'ok') return next();
    const refuse = () => {
      res.setHeader('WWW-Authenticate', 'Basic realm="Samverka operations", charset="UTF-8"');
      res
        .status(401)
        .type('text/plain; charset=utf-8')
        .send(t('ops.dashboardRefused', undefined, languageOf(req.headers['accept-language'])));
    };
    if (!/^bearer /i.test(req.headers.authorization ?? '')) return refuse();
    actors.resolve(req.headers.authorization).then((actor) => (isAdmin(actor) ? next() : refuse()), refuse);
  };
  app.use(QUEUE_DASHBOARD_PATH, guard, serverAdapter.getRouter());
  return true;
}
