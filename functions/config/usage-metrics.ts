import type { BedrockUsage } from '../adapters/aws/bedrock-chat-model';
import { metrics } from './observability';

/**
 * What the stack is billed for, published as Powertools metrics that `afterdesk cost` reads back
 * (functions/adapters/aws/stack-usage.ts names them).
 */
export function recordBedrockUsage(usage: BedrockUsage): void {
  // Single metrics with the model as a dimension, so the handler's own metrics keep their plain `service`
  // dimension; a single metric is flushed (and its dimensions cleared) on every addMetric.
  for (const [name, value, always] of [
    ['BedrockInputTokens', usage.inputTokens, true],
    ['BedrockOutputTokens', usage.outputTokens, true],
    // Only models with prompt caching report these; zeros would be log lines for nothing.
    ['BedrockCacheReadInputTokens', usage.cacheReadInputTokens, false],
    ['BedrockCacheWriteInputTokens', usage.cacheWriteInputTokens, false],
  ] as const) {
    if (!always && value === 0) continue;
    const perModel = metrics.singleMetric();
    perModel.addDimension('model', usage.modelId);
    perModel.addMetric(name, 'Count', value);
  }
}

/** Comprehend units billed by one call (functions/adapters/aws/comprehend-units.ts counts them). */
export function recordComprehendUnits(units: number): void {
  metrics.addMetric('ComprehendUnits', 'Count', units);
}

/** Chime attendee-minutes of a call that ended (functions/core/cost/video-minutes.ts). */
export function recordVideoAttendeeMinutes(minutes: number): void {
  metrics.addMetric('VideoAttendeeMinutes', 'Count', minutes);
}
