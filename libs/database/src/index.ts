export { Database, type OpenDatabaseOptions, type Transaction } from './database.js';
export { DatabaseModule } from './database.module.js';
export { EmbeddedPostgres, DatabaseInUseError, type EmbeddedEndpoint } from './embedded-postgres.js';
export { entities, QueueProbeEntity } from './entities/index.js';
export { migrations } from './migrations/index.js';
export { QueueProbeRepository } from './repositories/queue-probe.repository.js';
