import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { JwtBaseError } from 'aws-jwt-verify/error';
import {
  type AgentIdentity,
  AgentTokenRejectedError,
  agentIdentityFromClaims,
} from '../../core/console/agent-identity';
import type { AgentTokenVerifier } from '../../ports/console';
import { agentTokenRejection } from './jwt-verify-errors';

/**
 * Cognito ID tokens of the stack's user pool and console app client. The verifier caches the pool's
 * JWKS across invocations (built once per cold start), so a warm authorizer does no network call.
 */
export class CognitoAgentTokenVerifier implements AgentTokenVerifier {
  private readonly verifier;

  constructor(userPoolId: string, clientId: string) {
    this.verifier = CognitoJwtVerifier.create({
      userPoolId,
      clientId,
      tokenUse: 'id',
      groups: ['agent', 'supervisor'],
    });
  }

  async verify(token: string | undefined): Promise<AgentIdentity> {
    if (!token) throw new AgentTokenRejectedError('missing');
    let payload: Record<string, unknown>;
    try {
      payload = (await this.verifier.verify(token)) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof JwtBaseError) throw agentTokenRejection(error);
      throw error;
    }
    return agentIdentityFromClaims(payload);
  }
}
