export { PlatformModule, type PlatformOptions } from './platform.module.js';
export { LoggingModule } from './logging.module.js';
export { QueueProbeService, MAX_PROBE_HOLD_MS } from './queue-probe/queue-probe.service.js';
export { QueueProbeProcessor } from './queue-probe/queue-probe.processor.js';
export { closeOnSignals, exitOnStartupFailure, StartupError } from './process-lifecycle.js';
export { MatchingService, type NeedMatchOutcome } from './matching/matching.service.js';
export { MatchingNotifier } from './matching/matching-notifier.js';
export { ScoringModelProvider } from './matching/scoring-model.provider.js';
export { loadScoringReference, sharedScoringModel } from './matching/scoring-reference.js';
