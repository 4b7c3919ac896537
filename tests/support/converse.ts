import { runAssistantTurn, type TurnResult } from '../../functions/core/assistant/run-turn';
import { EmbeddedChatModel } from '../../functions/core/embedded-model/embedded-chat-model';
import type { ChatMessage } from '../../functions/ports/chat-model';
import { demoOrders } from '../../local/seed/demo-store';
import { inMemoryAfterSales } from './in-memory-after-sales';

const model = new EmbeddedChatModel();

/**
 * A shopper's multi-turn conversation with the embedded model, its tools acting on an in-memory store (the
 * demo orders unless one is given). Each test file passes its own session suffix: ids the tools derive from
 * the session (cases, returns) stay what that file's assertions expect.
 */
export function converser(sessionSuffix: string) {
  return async function converse(
    customerId: string,
    texts: string[],
    store = inMemoryAfterSales(demoOrders()),
  ) {
    const history: ChatMessage[] = [];
    const turns: TurnResult[] = [];
    for (const text of texts) {
      history.push({ role: 'user', content: [{ type: 'text', text }] });
      const turn = await runAssistantTurn(
        { model, tools: store.tools },
        { history, context: { customerId, sessionId: `s-${customerId}-${sessionSuffix}` } },
      );
      history.push({ role: 'assistant', content: [{ type: 'text', text: turn.text }] });
      turns.push(turn);
    }
    return { turns, store, last: turns.at(-1) as TurnResult };
  };
}
