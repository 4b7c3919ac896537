import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { logger, metrics } from '../config/observability';
import { photoUploads } from '../config/photo-uploads';
import { grantPhotoUpload } from '../core/chat/grant-photo-upload';
import { errorEvent } from '../core/protocol';
import { withObservability } from './shared/middleware';
import { shopperIdentity } from './shared/shopper-identity';
import { bodyText, routeResponse, type WebSocketRouteEvent } from './shared/websocket-event';

export const handler = withObservability(
  async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => {
    const identity = await shopperIdentity(event);
    if (!identity) return routeResponse(errorEvent('forbidden', 'This connection is not signed in.'));
    try {
      const reply = await grantPhotoUpload(
        { photos: photoUploads },
        { customerId: identity.customerId, body: bodyText(event) },
      );
      metrics.addMetric(reply.type === 'upload' ? 'UploadGranted' : 'UploadRefused', 'Count', 1);
      return routeResponse(reply);
    } catch (error) {
      logger.error('requestUpload failed', { error: error instanceof Error ? error.name : 'unknown' });
      return routeResponse(errorEvent('internal_error', 'No upload could be prepared. Please try again.'));
    }
  },
);
