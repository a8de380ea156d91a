import { QueueProbeEntity } from './queue-probe.entity.js';

export { QueueProbeEntity };

/** Every entity TypeORM maps. */
export const entities = [QueueProbeEntity];
