import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { logger, metrics } from '../config/observability';
import { videoDeps } from '../config/video';
import { handleVideoFrame } from '../core/video/calls';
import { videoError } from '../core/video/protocol';
import { withObservability } from './shared/middleware';
import { bodyText, type WebSocketRouteEvent } from './shared/websocket-event';

const reply = (event: object): APIGatewayProxyResultV2 => ({ statusCode: 200, body: JSON.stringify(event) });

type AgentRouteEvent = WebSocketRouteEvent & {
  requestContext: WebSocketRouteEvent['requestContext'] & {
    authorizer?: { agentId?: string; role?: string } | null;
  };
};

/**
 * The agent's video routes on the console API (acceptVideo, startVideo, joinVideo, videoSignal,
 * videoReport, videoSnapshot, videoOutcome, endVideo). The console's $connect authorizer verified the
 * agent's token and put the agent id in the context; a connection without one is refused.
 */
export const handler = withObservability(async (event: AgentRouteEvent): Promise<APIGatewayProxyResultV2> => {
  const agentId = event.requestContext.authorizer?.agentId;
  if (!agentId) return reply(videoError('video_forbidden', 'This connection is not an agent.'));
  try {
    const result = await handleVideoFrame(
      videoDeps,
      { party: 'agent', agentId, connectionId: event.requestContext.connectionId },
      bodyText(event),
    );
    metrics.addMetric(result.type === 'videoError' ? 'VideoFrameRefused' : 'VideoFrameHandled', 'Count', 1);
    if (result.type === 'videoError') logger.info('video frame refused', { code: result.code });
    return reply(result);
  } catch (error) {
    logger.error('agent video route failed', { error: error instanceof Error ? error.name : 'unknown' });
    return reply(videoError('video_unavailable', 'The call could not be handled. Please try again.'));
  }
});
