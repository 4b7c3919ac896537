import * as z from 'zod';

/** The webhook secret document, the same in Secrets Manager and in the local file. */
export const WebhookSecretsSchema = z.object({
  shopify: z.string().min(16, 'the Shopify webhook secret is shorter than 16 characters'),
  carrier: z.string().min(32, 'the carrier webhook secret is shorter than 32 characters'),
});
export type WebhookSecretValues = z.infer<typeof WebhookSecretsSchema>;
