import { type ChimeMeetingStateChange, decodeChimeEvent } from '../adapters/aws/chime-meeting-events';
import { logger, metrics } from '../config/observability';
import { videoDeps } from '../config/video';
import { applyMeetingEvent } from '../core/video/calls';
import { withObservability } from './shared/middleware';

/** EventBridge (source aws.chime) → the video session state machine: joins and meeting ends. */
export const handler = withObservability(async (event: ChimeMeetingStateChange): Promise<void> => {
  const decoded = decodeChimeEvent(event);
  if (!decoded) {
    metrics.addMetric('ChimeEventIgnored', 'Count', 1);
    return;
  }
  const outcome = await applyMeetingEvent(videoDeps, decoded);
  metrics.addMetric(outcome === 'applied' ? 'ChimeEventApplied' : 'ChimeEventIgnored', 'Count', 1);
  logger.info('chime meeting event', { kind: decoded.kind, outcome });
});
