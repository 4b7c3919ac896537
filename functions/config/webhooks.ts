import * as z from 'zod';
import { DynamoDbProcessedEvents } from '../adapters/aws/dynamodb-processed-events';
import { DynamoDbWebhookOrderStore } from '../adapters/aws/dynamodb-webhook-order-store';
import { SecretsManagerWebhookSecrets } from '../adapters/aws/secrets-manager-webhook-secrets';
import { FileWebhookSecrets } from '../adapters/local/file-webhook-secrets';
import type { WebhookDeps } from '../core/webhooks/receive';
import { documentClient } from './dynamodb';
import { loadConfig } from './load';
import { env } from './runtime-env';

const WebhookEnvSchema = z
  .object({
    WEBHOOK_SECRET_ARN: z.string().min(1).optional(),
    WEBHOOK_SECRET_FILE: z.string().min(1).optional(),
    /** Shopify retries a failed delivery 8 times over 4 hours with the same trigger time: cover that. */
    SHOPIFY_REPLAY_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .max(172_800)
      .default(6 * 3600),
    /** The carrier webhook is re-signed on every attempt, so its window is short. */
    CARRIER_REPLAY_WINDOW_SECONDS: z.coerce.number().int().positive().max(3600).default(300),
    /** Delivery markers must outlive both windows, or a replay inside a window would be applied again. */
    WEBHOOK_MARKER_DAYS: z.coerce.number().int().min(3).max(30).default(3),
  })
  .refine((value) => value.WEBHOOK_SECRET_ARN || value.WEBHOOK_SECRET_FILE, {
    message: 'WEBHOOK_SECRET_ARN or WEBHOOK_SECRET_FILE is required',
    path: ['WEBHOOK_SECRET_ARN'],
  });

const webhookEnv = loadConfig(WebhookEnvSchema);

export const webhookDeps: WebhookDeps = {
  secrets: webhookEnv.WEBHOOK_SECRET_ARN
    ? new SecretsManagerWebhookSecrets(webhookEnv.WEBHOOK_SECRET_ARN)
    : new FileWebhookSecrets(webhookEnv.WEBHOOK_SECRET_FILE ?? ''),
  orders: new DynamoDbWebhookOrderStore(documentClient, env.STORE_TABLE),
  // Markers beside the analytics ones (`WEBHOOK#<sender>:<id>`, sk EVENT), expiring through the TTL.
  deliveries: new DynamoDbProcessedEvents(documentClient, env.CONVERSATIONS_TABLE, {
    claimSeconds: 60,
    markerDays: webhookEnv.WEBHOOK_MARKER_DAYS,
    prefix: 'WEBHOOK#',
  }),
  now: () => Date.now(),
  replayWindow: {
    shopifySeconds: webhookEnv.SHOPIFY_REPLAY_WINDOW_SECONDS,
    carrierSeconds: webhookEnv.CARRIER_REPLAY_WINDOW_SECONDS,
  },
};
