import type { ChatModel, ContentBlock, ConverseRequest, ConverseResponse } from '../../ports/chat-model';
import { analyse } from '../embedded-model/analyse';
import { DEFAULT_HYBRID_INTENTS } from './hybrid-intents';
export const HYBRID_MIN_INTENT_CONFIDENCE = 0.8;
export const HYBRID_MIN_LANGUAGE_CONFIDENCE = 0.6;

export type Route = 'embedded' | 'fallback';

export interface HybridRoutingOptions {
  /** Intents the embedded model may answer alone; the stack's `hybridIntents` setting. */
  intents?: Iterable<string>;
  /** Told of every model call: which model answered and how long the call took, for latency metrics. */
  onRoute?: (route: Route, call: { elapsedMs: number }) => void;
}

/**
 * Cloud routing: a message the embedded model reads confidently as a clear-cut intent is answered by it,
 * in microseconds and at no token cost; everything else goes to the LLM. A turn stays with the model that
 * started it, so tool results always return to the model that asked for them.
 */
export class HybridChatModel implements ChatModel {
  readonly name = 'hybrid';
  private readonly embeddedToolUses = new Set<string>();
  private readonly intents: ReadonlySet<string>;

  constructor(
    private readonly embedded: ChatModel,
    private readonly fallback: ChatModel,
    private readonly options: HybridRoutingOptions = {},
  ) {
    this.intents = new Set(options.intents ?? DEFAULT_HYBRID_INTENTS);
  }

  async converse(request: ConverseRequest, onDelta?: (text: string) => void): Promise<ConverseResponse> {
    const route = this.route(request);
    const model = route === 'embedded' ? this.embedded : this.fallback;
    const started = performance.now();
    const response = await model.converse(request, onDelta);
    this.options.onRoute?.(route, { elapsedMs: performance.now() - started });
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
    return isClearCut(text, this.intents, request.languageHint) ? 'embedded' : 'fallback';
  }
}

/** Does the embedded model read this message confidently as one of the intents it may answer alone? */
export function isClearCut(text: string, intents: ReadonlySet<string>, languageHint?: string): boolean {
  if (!text || intents.size === 0) return false;
  const reading = analyse(text, { languageHint });
  return (
    intents.has(reading.intent) &&
    reading.intentConfidence >= HYBRID_MIN_INTENT_CONFIDENCE &&
    reading.langConfidence >= HYBRID_MIN_LANGUAGE_CONFIDENCE
  );
}
