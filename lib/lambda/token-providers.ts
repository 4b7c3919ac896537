/**
 * Swapped in for `@aws-sdk/token-providers` in Lambda bundles only (LAMBDA_BUNDLE_OPTIONS.alias). The Bedrock
 * runtime client offers bearer-token auth beside SigV4: a Bedrock API key in AWS_BEARER_TOKEN_BEDROCK, else an
 * SSO token from the shared config files. Lambda has no SSO cache, so that second source only carried the
 * nested SSO-OIDC client (20 KB of every bundle with the Bedrock client). The environment key still works.
 */
import { getBearerTokenEnvKey } from '@aws-sdk/core/httpAuthSchemes';
import { TokenProviderError } from '@smithy/core/config';

export const fromEnvSigningName =
  ({ signingName }: { signingName?: string } = {}) =>
  async (): Promise<{ token: string }> => {
    const key = signingName ? getBearerTokenEnvKey(signingName) : undefined;
    const token = key ? process.env[key] : undefined;
    if (token === undefined) throw new TokenProviderError(`Token not present in '${key}'`, false);
    return { token };
  };

export const nodeProvider = () => async (): Promise<never> => {
  throw new TokenProviderError('No SSO token in Lambda: functions sign with their role', false);
};
