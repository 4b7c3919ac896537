import type { ConnectionRepository, ConversationRepository } from '../../ports/repositories';

export async function connectShopper(
  deps: { conversations: Pick<ConversationRepository, 'bindSession'>; connections: ConnectionRepository },
  input: { connectionId: string; customerId: string; sessionId: string },
): Promise<'connected' | 'forbidden'> {
  const bound = await deps.conversations.bindSession(input.sessionId, input.customerId, input.connectionId);
  if (bound === 'forbidden') return 'forbidden';
  await deps.connections.put({
    connectionId: input.connectionId,
    customerId: input.customerId,
    sessionId: input.sessionId,
    connectedAt: new Date().toISOString(),
  });
  return 'connected';
}
