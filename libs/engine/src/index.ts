export { type AppConfig, type DatabaseConfig, configFromEnvironment, loadConfig } from './config/app-config.js';
export { APP_CONFIG, ConfigModule } from './config/config.module.js';
export { type PostgresRefusal, type RefusalMap, postgresRefusal, translate, translating } from './database/database-errors.js';
export { type DatabaseOpenHook, repositoryProviders } from './database/database.module.js';
export { Database, type Transaction } from './database/database.js';
export { type KeysetPosition, cpvPrefixPatterns, escapeLike, orderWithKeyset, prefixTsQuery, searchWords } from './database/search-helpers.js';
export { updateIfVersion } from './database/versioned-update.js';
export { EngineModule } from './engine.module.js';
export { DomainErrorFilter } from './errors/domain-error.filter.js';
export { checkOpsToken } from './http/ops-token.js';
export { type OpenCommandContext, UsageError, runCommand } from './lifecycle/command.js';
export { StartupError, closeOnSignals, exitOnStartupFailure } from './lifecycle/process-lifecycle.js';
export { BullMqQueueDriver } from './queue/bullmq.driver.js';
export { CLOCK, type Clock, systemClock } from './queue/clock.js';
export { JobHandlerRegistrationError } from './queue/handler-map.js';
export { InProcessQueueDriver } from './queue/in-process.driver.js';
export { JobHandler, type JobProcessor } from './queue/job-handler.decorator.js';
export { InvalidJobPayloadError, JOBS, JOB_NAMES, type JobName, type JobPayload, lostAfterMs } from './queue/jobs.js';
export { OUTBOX_MAX_SWEEPS, OutboxSweepService } from './queue/outbox/outbox-sweep.js';
export { OutboxRepository } from './queue/outbox/outbox.repository.js';
export { Outbox } from './queue/outbox/outbox.js';
export { type JobContext, type JobHandlerMap, QUEUE_DRIVER, type QueueDriver } from './queue/queue-driver.js';
export { QueueModule } from './queue/queue.module.js';
export { AccessService } from './graphql/access.service.js';
export { ACTOR_RESOLVER } from './graphql/actor-source.js';
export { AUTHORIZE_METADATA, Authorize, type AuthorizeSpec, PUBLIC_METADATA, Public, type ScopeReference } from './graphql/authorize.decorator.js';
export { enumFromList } from './graphql/enum-from-list.js';
export { ApiGraphqlModule } from './graphql/graphql.module.js';
export { LoaderFactory, byId, byKey, groupBy, loadAll } from './graphql/loaders.js';
export { VersionField } from './graphql/mutation-fields.js';
export { MAX_NODES, Node, NodeRegistry, NodeResolver, type NodeType } from './graphql/node.js';
export {
  type Connection,
  ConnectionType,
  PageArgs,
  type PageRequest,
  keysetConnection,
  listComplexity,
  pageRequest,
  pagedComplexity,
  parseKeysetKey,
  toConnection,
} from './graphql/pagination.js';
export { renderSchema } from './graphql/render-schema.js';
export { DateScalar, DateTimeScalar, KronorScalar } from './graphql/scalars.js';
export { ClientIp, CurrentActor, Loaded, answerAs, type LoadedRecords, type RequestContext, RequestLanguage, recordsLoadedFor } from './graphql/request-context.js';
export { type FieldProblemBody, translateError } from './graphql/graphql-errors.js';
export { assignRequestId } from './logging/request-id.js';
export { DEFAULT_LANGUAGE, hasTranslation, languageOf, t, textOf } from './i18n/translator.js';
