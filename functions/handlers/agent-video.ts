import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { logger, metrics } from '../config/observability';
import { videoDeps } from '../config/video';
import { handleAgentVideoFrame } from '../core/video/agent-calls';
import { videoError } from '../core/video/protocol';
import { agentOf } from './shared/agent-identity';
import { withObservability } from './shared/middleware';
import { bodyText, type WebSocketRouteEvent } from './shared/websocket-event';

const reply = (event: object): APIGatewayProxyResultV2 => ({ statusCode: 200, body: JSON.stringify(event) });

/**
 * The agent's video routes on the console's agent API (acceptVideo, startVideo, joinVideo, videoSignal,
 * videoReport, videoSnapshot, videoOutcome, endVideo). The agent is the one the console's $connect
 * authorizer verified (its context, read as every console route reads it); a connection without one is
 * refused. Frames are never logged (SDP, join tickets).
 */
export const handler = withObservability(
  async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => {
    const agent = agentOf(event);
    if (!agent) return reply(videoError('video_forbidden', 'This connection is not an agent.'));
    try {
      const result = await handleAgentVideoFrame(
        videoDeps,
        { party: 'agent', agentId: agent.agentId, connectionId: event.requestContext.connectionId },
        bodyText(event),
      );
      metrics.addMetric(result.type === 'videoError' ? 'VideoFrameRefused' : 'VideoFrameHandled', 'Count', 1);
      if (result.type === 'videoError') logger.info('video frame refused', { code: result.code });
      return reply(result);
    } catch (error) {
      logger.error('agent video route failed', { error: error instanceof Error ? error.name : 'unknown' });
      return reply(videoError('video_unavailable', 'The call could not be handled. Please try again.'));
    }
  },
);
