import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { JwtAgentTokenVerifier } from './jwt-agent-token-verifier';

/**
 * Cognito ID tokens of the stack's user pool and console app client. The verifier caches the pool's
 * JWKS across invocations (built once per cold start), so a warm authorizer does no network call.
 */
export class CognitoAgentTokenVerifier extends JwtAgentTokenVerifier {
  constructor(userPoolId: string, clientId: string) {
    super(
      CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'id', groups: ['agent', 'supervisor'] }),
    );
  }
}
