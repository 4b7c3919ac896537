import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidGroupError,
  CognitoJwtInvalidTokenUseError,
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  KidNotFoundInJwksError,
} from 'aws-jwt-verify/error';
import { AgentTokenRejectedError, type AgentTokenRejection } from '../../core/console/agent-identity';

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
