import type { IntentId } from '../nlu/intent-ids';

/**
 * Intents the embedded model answers alone under hybrid routing unless the stack says otherwise. Tracking
 * is a lookup whose whole answer is tool data, so an LLM adds cost and latency but nothing else. Its own
 * module so that the CDK app and the configuration read it without loading the model.
 */
export const DEFAULT_HYBRID_INTENTS: readonly IntentId[] = ['track_order'];
