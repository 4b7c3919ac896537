import { SecretsManagerSigningSecret } from '../adapters/aws/secrets-manager-signing-secret';
import { FileSigningSecret } from '../adapters/local/file-signing-secret';
import type { SigningSecretSource } from '../ports/secrets';
import { env } from './runtime-env';

function build(): SigningSecretSource {
  if (env.SIGNING_SECRET_ARN) return new SecretsManagerSigningSecret(env.SIGNING_SECRET_ARN);
  if (env.SIGNING_SECRET_FILE) return new FileSigningSecret(env.SIGNING_SECRET_FILE);
  throw new Error('Invalid configuration: SIGNING_SECRET_ARN or SIGNING_SECRET_FILE');
}

export const signingSecret = build();
