import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { MAX_WEBHOOK_BODY_BYTES, WEBHOOK_ROUTES } from '../../lib/webhook-routes';
import { logger, metrics } from '../config/observability';
import { webhookDeps } from '../config/webhooks';
import { receiveCarrierWebhook, receiveShopifyWebhook, type WebhookResult } from '../core/webhooks/receive';
import { withObservability } from './shared/middleware';

const respond = (status: number, body: Record<string, string>): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

/** `WebhookApplied`, `WebhookBadSignature`, ...: one metric per outcome, with the sender as dimension. */
const metricName = (outcome: string) =>
  `Webhook${outcome.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}`;

/** POST /webhooks/shopify and POST /webhooks/carrier (lib/webhook-routes.ts): verify, dedupe, apply. */
export const handler = withObservability(
  async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const route = WEBHOOK_ROUTES.find((known) => known.path === event.rawPath);
    if (!route) return respond(404, { outcome: 'not_found', message: 'No such webhook.' });
    const rawBody = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
    // API Gateway HTTP APIs lower-case header names.
    const header = (name: string): string | undefined => event.headers?.[name];
    const count = (name: string) => {
      // A metric of its own, flushed at once, so the sender dimension never leaks onto other metrics.
      const metric = metrics.singleMetric();
      metric.addDimension('sender', route.sender);
      metric.addMetric(name, MetricUnit.Count, 1);
    };
    if (rawBody.length > MAX_WEBHOOK_BODY_BYTES) {
      count(metricName('malformed'));
      return respond(413, { outcome: 'malformed', message: 'The body is too large.' });
    }
    let result: WebhookResult;
    try {
      result =
        route.sender === 'shopify'
          ? await receiveShopifyWebhook(webhookDeps, {
              topic: header('x-shopify-topic'),
              webhookId: header('x-shopify-webhook-id'),
              hmac: header('x-shopify-hmac-sha256'),
              triggeredAt: header('x-shopify-triggered-at'),
              rawBody,
            })
          : await receiveCarrierWebhook(webhookDeps, {
              timestamp: header('afterdesk-timestamp'),
              signature: header('afterdesk-signature'),
              rawBody,
            });
    } catch (error) {
      count('WebhookFailed');
      logger.error('webhook failed', {
        sender: route.sender,
        error: error instanceof Error ? error.name : 'unknown',
      });
      return respond(500, { outcome: 'failed', message: 'The delivery could not be applied; retry later.' });
    }
    count(metricName(result.outcome));
    if (result.status >= 300)
      logger.warn('webhook refused', { sender: route.sender, outcome: result.outcome });
    return respond(result.status, { outcome: result.outcome, message: result.message });
  },
);
