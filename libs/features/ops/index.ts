export { OpsModule } from './ops.module.js';
export { QUEUE_DASHBOARD_PATH, mountQueueDashboard } from './queue-dashboard.js';
export { QueueProbeRepository } from './queue-probe.repository.js';
export { OpsGraphqlModule } from './graphql/ops-graphql.module.js';
