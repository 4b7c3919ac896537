import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidGroupError,
  CognitoJwtInvalidTokenUseError,
  JwtBaseError,
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  KidNotFoundInJwksError,
} from 'aws-jwt-verify/error';
import {
  type AgentIdentity,
  AgentTokenRejectedError,
  type AgentTokenRejection,
  agentIdentityFromClaims,
} from '../../core/console/agent-identity';
import type { AgentTokenVerifier } from '../../ports/console';

/** What aws-jwt-verify's verifiers (Cognito's and the plain RSA one) share. */
export interface JwtVerifier {
  verify(token: string): Promise<unknown>;
}

/**
 * An agent's ID token checked by an aws-jwt-verify verifier: Cognito's in AWS, the RSA one against the
 * local key locally (functions/adapters/local/local-agent-tokens.ts). Its errors become the console's
 * rejection reasons; anything else (the JWKS cannot be fetched) is an outage and passes through.
 */
export class JwtAgentTokenVerifier implements AgentTokenVerifier {
  constructor(private readonly jwt: JwtVerifier) {}

  async verify(token: string | undefined): Promise<AgentIdentity> {
    if (!token) throw new AgentTokenRejectedError('missing');
    let payload: Record<string, unknown>;
    try {
      payload = (await this.jwt.verify(token)) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof JwtBaseError) throw agentTokenRejection(error);
      throw error;
    }
    return agentIdentityFromClaims(payload);
  }
}

/** aws-jwt-verify's errors as the console's rejection reasons; anything else is an outage, rethrown. */
export function agentTokenRejection(error: unknown): AgentTokenRejectedError {
  if (error instanceof AgentTokenRejectedError) return error;
  let reason: AgentTokenRejection = 'malformed';
  if (error instanceof JwtExpiredError || error instanceof JwtNotBeforeError) reason = 'expired';
  else if (
    error instanceof JwtInvalidSignatureError ||
    error instanceof JwtInvalidSignatureAlgorithmError ||
    error instanceof KidNotFoundInJwksError
  )
    reason = 'bad_signature';
  else if (error instanceof JwtInvalidIssuerError) reason = 'wrong_issuer';
  else if (error instanceof JwtInvalidAudienceError || error instanceof CognitoJwtInvalidClientIdError)
    reason = 'wrong_audience';
  else if (error instanceof CognitoJwtInvalidTokenUseError) reason = 'not_an_id_token';
  else if (error instanceof CognitoJwtInvalidGroupError) reason = 'not_an_agent';
  return new AgentTokenRejectedError(reason);
}
