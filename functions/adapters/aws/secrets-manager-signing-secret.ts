import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { SigningSecretSource } from '../../ports/secrets';

/** Cached by Powertools for five minutes, so a rotated secret is picked up without a redeploy. */
export class SecretsManagerSigningSecret implements SigningSecretSource {
  constructor(private readonly secretArn: string) {}

  async getSigningSecret(): Promise<Uint8Array> {
    const value = await getSecret(this.secretArn, { maxAge: 300 });
    if (typeof value !== 'string' || value.length < 32) {
      throw new Error('signing secret is missing or shorter than 32 characters');
    }
    return new TextEncoder().encode(value);
  }
}
