export { PlatformModule, type PlatformOptions } from './platform.module.js';
export { LoggingModule } from './logging.module.js';
export { QueueProbeService, MAX_PROBE_HOLD_MS } from './queue-probe/queue-probe.service.js';
export { QueueProbeProcessor } from './queue-probe/queue-probe.processor.js';
export { closeOnSignals, exitOnStartupFailure, StartupError } from './process-lifecycle.js';
