import type { ConversationRepository } from '../../ports/repositories';
import type { SigningSecretSource } from '../../ports/secrets';
import { TokenRejectedError, verifyShopperToken } from '../auth/shopper-token';
import { newSessionId, SessionIdSchema } from './session-id';

export type ConnectionDecision =
  | { outcome: 'allow'; customerId: string; sessionId: string; resumed: boolean }
  | { outcome: 'unauthorized'; reason: string }
  | { outcome: 'forbidden'; reason: string };

/**
 * Runs at $connect only (API Gateway calls REQUEST authorizers once per connection), so everything a
 * later route needs is decided here and carried in the authorizer context.
 */
export async function authorizeConnection(
  deps: { secret: SigningSecretSource; conversations: Pick<ConversationRepository, 'getSession'> },
  input: { token?: string; session?: string },
): Promise<ConnectionDecision> {
  let customerId: string;
  try {
    ({ customerId } = await verifyShopperToken(await deps.secret.getSigningSecret(), input.token));
  } catch (error) {
    if (error instanceof TokenRejectedError) return { outcome: 'unauthorized', reason: error.reason };
    throw error;
  }
  if (input.session === undefined || input.session === '') {
    return { outcome: 'allow', customerId, sessionId: newSessionId(), resumed: false };
  }
  if (!SessionIdSchema.safeParse(input.session).success) {
    return { outcome: 'forbidden', reason: 'malformed_session' };
  }
  const existing = await deps.conversations.getSession(input.session);
  if (existing && existing.customerId !== customerId)
    return { outcome: 'forbidden', reason: 'foreign_session' };
  return { outcome: 'allow', customerId, sessionId: input.session, resumed: existing !== undefined };
}
