import * as z from 'zod';

/** The webhook secret document, the same in Secrets Manager and in the local file. */
export const WebhookSecretsSchema = z.object({
  shopify: z
    .string()
    .min(16, 'the Shopify webhook secret is shorter than 16 characters')
    .refine((value) => !value.startsWith('not-set:'), 'the Shopify webhook secret has not been put yet'),
  carrier: z.string().min(32, 'the carrier webhook secret is shorter than 32 characters'),
});
export type WebhookSecretValues = z.infer<typeof WebhookSecretsSchema>;

/** What the stack writes for the Shopify key until the seller puts theirs: never accepted as a key. */
export const SHOPIFY_SECRET_PLACEHOLDER = 'not-set:put-the-shopify-webhook-secret-here';
