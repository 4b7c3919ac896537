import type { ChatMessage, ContentBlock } from '../../ports/chat-model';

export type ToolResultBlock = Extract<ContentBlock, { type: 'toolResult' }>;

export interface ToolResultTurn {
  /** The tool the result answers, read from the assistant's matching toolUse block. */
  name: string | undefined;
  status: ToolResultBlock['status'];
  content: Record<string, unknown>;
}

export interface ConversationView {
  /** The newest shopper text, the one to answer. */
  latestUserText: string | undefined;
  /** Older shopper texts, newest first. */
  earlierUserTexts: string[];
  /** Older texts of both sides, newest first: what was said about which order. */
  earlierTurns: Array<{ role: 'user' | 'assistant'; text: string }>;
  /** Tool results in the last message, when the tool-use loop is handing them back. */
  toolResults: ToolResultTurn[];
}

export function readConversation(messages: readonly ChatMessage[]): ConversationView {
  const toolNames = new Map<string, string>();
  for (const message of messages) {
    for (const block of message.content)
      if (block.type === 'toolUse') toolNames.set(block.toolUseId, block.name);
  }
  const last = messages.at(-1);
  const toolResults: ToolResultTurn[] =
    last?.role === 'user'
      ? last.content
          .filter((block): block is ToolResultBlock => block.type === 'toolResult')
          .map((block) => ({
            name: toolNames.get(block.toolUseId),
            status: block.status,
            content: block.content,
          }))
      : [];
  const turns: Array<{ role: 'user' | 'assistant'; text: string }> = [];
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index];
    if (!message) continue;
    const text = message.content
      .flatMap((block) => (block.type === 'text' ? [block.text] : []))
      .join('\n')
      .trim();
    if (text) turns.push({ role: message.role, text });
  }
  const latestIndex = turns.findIndex((turn) => turn.role === 'user');
  const userTexts = turns.filter((turn) => turn.role === 'user').map((turn) => turn.text);
  return {
    latestUserText: userTexts[0],
    earlierUserTexts: userTexts.slice(1),
    earlierTurns: latestIndex < 0 ? [] : turns.slice(latestIndex + 1),
    toolResults,
  };
}
