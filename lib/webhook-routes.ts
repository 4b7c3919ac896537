/**
 * The webhook routes, declared once for the CDK HTTP API (lib/webhooks.ts) and the local web server
 * (local/web/webhook-routes.ts). Plain data: no CDK imports, so `npm start` loads it without aws-cdk-lib.
 * Both routes are served by one function, `functions/handlers/webhooks.ts`.
 */
export const WEBHOOK_HANDLER = 'webhooks';

export const WEBHOOK_ROUTES = [
  { method: 'POST', path: '/webhooks/shopify', sender: 'shopify' },
  { method: 'POST', path: '/webhooks/carrier', sender: 'carrier' },
] as const;

export type WebhookSender = (typeof WEBHOOK_ROUTES)[number]['sender'];

/** Larger bodies are refused before they are read: a Shopify order with 200 lines is well under this. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
