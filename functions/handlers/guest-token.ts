import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { guestLimits, orders, rateLimiter } from '../config/dynamodb';
import { logger, metrics } from '../config/observability';
import { signingSecret } from '../config/signing-secret';
import { guestAccessResponse, proveGuestOrder } from '../core/auth/guest-access';
import { withObservability } from './shared/middleware';

/** A proof is two short fields; anything longer is not one. */
const MAX_BODY_BYTES = 2048;

/**
 * POST /guest/token on the HTTP API: order number + email in, a token for that one order out. The
 * email, the order number and the token are never logged; the outcome is.
 */
export const handler = withObservability(
  async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const result = await proveGuestOrder(
      { orders, limiter: rateLimiter, secret: signingSecret, limits: guestLimits },
      { body: readJson(event), client: event.requestContext.http.sourceIp },
    );
    logger.info('guest proof', { outcome: result.outcome });
    metrics.addMetric(`GuestProof_${result.outcome}`, 'Count', 1);
    const response = guestAccessResponse(result);
    return {
      statusCode: response.status,
      headers: { ...response.headers, 'content-type': 'application/json' },
      body: JSON.stringify(response.body),
    };
  },
);

function readJson(event: APIGatewayProxyEventV2): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
