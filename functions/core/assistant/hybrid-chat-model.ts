import type { ChatModel, ContentBlock, ConverseRequest, ConverseResponse } from '../../ports/chat-model';
import { analyse } from '../embedded-model/analyse';

/** Intents the embedded model carries end to end as well as an LLM, given a confident reading. */
const CLEAR_CUT_INTENTS = new Set(['track_order']);
export const HYBRID_MIN_INTENT_CONFIDENCE = 0.8;
export const HYBRID_MIN_LANGUAGE_CONFIDENCE = 0.6;

export type Route = 'embedded' | 'fallback';

/**
 * Cloud routing: a message the embedded model reads confidently as a clear-cut intent is answered by it,
 * in microseconds and at no token cost; everything else goes to the LLM. A turn stays with the model that
 * started it, so tool results always return to the model that asked for them.
 */
export class HybridChatModel implements ChatModel {
  readonly name = 'hybrid';
  private readonly embeddedToolUses = new Set<string>();

  constructor(
    private readonly embedded: ChatModel,
    private readonly fallback: ChatModel,
    private readonly onRoute?: (route: Route) => void,
  ) {}

  async converse(request: ConverseRequest, onDelta?: (text: string) => void): Promise<ConverseResponse> {
    const route = this.route(request);
    this.onRoute?.(route);
    const model = route === 'embedded' ? this.embedded : this.fallback;
    const response = await model.converse(request, onDelta);
    if (route === 'embedded') {
      for (const block of response.content)
        if (block.type === 'toolUse') this.embeddedToolUses.add(block.toolUseId);
    }
    return response;
  }

  private route(request: ConverseRequest): Route {
    const last = request.messages.at(-1);
    const results = (last?.content ?? []).filter(
      (block): block is Extract<ContentBlock, { type: 'toolResult' }> => block.type === 'toolResult',
    );
    if (results.length > 0) {
      const ours = results.every((block) => this.embeddedToolUses.delete(block.toolUseId));
      return ours ? 'embedded' : 'fallback';
    }
    const text = (last?.role === 'user' ? last.content : [])
      .map((block) => (block.type === 'text' ? block.text : ''))
      .join(' ')
      .trim();
    if (!text) return 'fallback';
    const reading = analyse(text, { languageHint: request.languageHint });
    const clearCut =
      CLEAR_CUT_INTENTS.has(reading.intent) &&
      reading.intentConfidence >= HYBRID_MIN_INTENT_CONFIDENCE &&
      reading.langConfidence >= HYBRID_MIN_LANGUAGE_CONFIDENCE;
    return clearCut ? 'embedded' : 'fallback';
  }
}
