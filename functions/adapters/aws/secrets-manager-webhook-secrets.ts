import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { WebhookSecretsSchema, type WebhookSecretValues } from '../../core/webhooks/secrets';
import type { WebhookSecrets } from '../../ports/webhooks';

/**
 * One JSON secret `{ "shopify": "...", "carrier": "..." }`, cached by Powertools for five minutes so a
 * secret the seller puts (after creating the Shopify subscription) is picked up without a redeploy.
 */
export class SecretsManagerWebhookSecrets implements WebhookSecrets {
  constructor(private readonly secretArn: string) {}

  private async values(): Promise<WebhookSecretValues> {
    const parsed = WebhookSecretsSchema.safeParse(
      await getSecret(this.secretArn, { maxAge: 300, transform: 'json' }),
    );
    // Names the field and the rule only: the value is a secret.
    if (!parsed.success)
      throw new Error(
        `webhook secret is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    return parsed.data;
  }

  async shopify(): Promise<string> {
    return (await this.values()).shopify;
  }

  async carrier(): Promise<string> {
    return (await this.values()).carrier;
  }
}
