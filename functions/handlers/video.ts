import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { logger, metrics } from '../config/observability';
import { videoDeps } from '../config/video';
import { videoError } from '../core/video/protocol';
import { handleShopperVideoFrame } from '../core/video/shopper-calls';
import { withObservability } from './shared/middleware';
import { shopperIdentity } from './shared/shopper-identity';
import { bodyText, type WebSocketRouteEvent } from './shared/websocket-event';

const reply = (event: object): APIGatewayProxyResultV2 => ({ statusCode: 200, body: JSON.stringify(event) });

/**
 * The shopper's video routes (startVideo, acceptVideo, joinVideo, videoSignal, videoReport, endVideo).
 * Who the shopper is comes from the connection, never the frame; frames are never logged (SDP, tickets).
 */
export const handler = withObservability(
  async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => {
    const identity = await shopperIdentity(event);
    if (!identity) return reply(videoError('video_forbidden', 'This connection is not signed in.'));
    try {
      const result = await handleShopperVideoFrame(
        videoDeps,
        { party: 'shopper', ...identity, connectionId: event.requestContext.connectionId },
        bodyText(event),
      );
      metrics.addMetric(result.type === 'videoError' ? 'VideoFrameRefused' : 'VideoFrameHandled', 'Count', 1);
      if (result.type === 'videoError') logger.info('video frame refused', { code: result.code });
      return reply(result);
    } catch (error) {
      logger.error('video route failed', { error: error instanceof Error ? error.name : 'unknown' });
      return reply(videoError('video_unavailable', 'The call could not be handled. Please try again.'));
    }
  },
);
