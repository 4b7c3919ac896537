import type {
  ContentBlock as BedrockContentBlock,
  Message as BedrockMessage,
  SystemContentBlock,
  Tool,
  ToolUseBlock,
} from '@aws-sdk/client-bedrock-runtime';
import type { ChatMessage, ContentBlock, ToolSpec } from '../../../ports/chat-model';

/** Bedrock's JSON document type (smithy's DocumentType), taken from the SDK so no extra import is needed. */
type BedrockDocument = NonNullable<ToolUseBlock['input']>;

/**
 * Makes a history acceptable to Bedrock, which rejects a conversation that starts with an assistant turn,
 * two consecutive turns of the same role, blank text blocks, and tool results whose tool use it has not
 * seen. So: blank text is dropped, leading assistant turns are dropped (with the tool results that
 * answered them), consecutive same-role turns are merged, and in a merged user turn tool results come
 * before text (Anthropic models require it). The input is not mutated.
 */
export function normaliseMessages(messages: readonly ChatMessage[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  const seenToolUseIds = new Set<string>();
  for (const message of messages) {
    if (message.role === 'assistant' && out.length === 0) continue;
    const content = message.content.filter((block) => {
      if (block.type === 'text') return block.text.trim().length > 0;
      if (block.type === 'toolResult') return message.role === 'user' && seenToolUseIds.has(block.toolUseId);
      if (block.type === 'image') return message.role === 'user';
      return message.role === 'assistant';
    });
    if (content.length === 0) continue;
    if (message.role === 'assistant') {
      for (const block of content) if (block.type === 'toolUse') seenToolUseIds.add(block.toolUseId);
    }
    const last = out.at(-1);
    if (last && last.role === message.role) last.content.push(...content);
    else out.push({ role: message.role, content: [...content] });
  }
  for (const message of out) {
    if (message.role === 'user') message.content = toolResultsFirst(message.content);
  }
  return out;
}

function toolResultsFirst(content: ContentBlock[]): ContentBlock[] {
  return [
    ...content.filter((block) => block.type === 'toolResult'),
    ...content.filter((block) => block.type !== 'toolResult'),
  ];
}

export function toBedrockMessages(messages: readonly ChatMessage[]): BedrockMessage[] {
  return messages.map((message) => ({
    role: message.role,
    content: message.content.map(toBedrockBlock),
  }));
}

function toBedrockBlock(block: ContentBlock): BedrockContentBlock {
  switch (block.type) {
    case 'text':
      return { text: block.text };
    case 'image':
      return { image: { format: block.format, source: { bytes: block.bytes } } };
    case 'toolUse':
      return {
        toolUse: { toolUseId: block.toolUseId, name: block.name, input: asDocument(block.input) },
      };
    case 'toolResult':
      return {
        toolResult: {
          toolUseId: block.toolUseId,
          status: block.status,
          content: [{ json: asDocument(block.content) }],
        },
      };
  }
}

/** BCP-47-shaped tags only: the hint comes from the shopper's client and must not smuggle in prompt text. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;

/**
 * A Converse cache checkpoint: Bedrock caches the prompt up to it (tools, then system, then messages) for
 * 5 minutes after its last use. Sent only to models with prompt caching (functions/config/bedrock-models).
 */
const CACHE_POINT = { type: 'default' } as const;

/** The system prompt, then (when caching) a cache point, then the per-request language hint after it. */
export function toBedrockSystem(system: string, languageHint?: string, cache = false): SystemContentBlock[] {
  const blocks: SystemContentBlock[] = [];
  if (system.trim().length > 0) {
    blocks.push({ text: system });
    // The hint differs per shopper, so it goes after the checkpoint and the shared prefix stays cacheable.
    if (cache) blocks.push({ cachePoint: CACHE_POINT });
  }
  if (languageHint && LANGUAGE_TAG.test(languageHint)) {
    blocks.push({
      text: `The shopper's device reports the language "${languageHint}". Treat it as a hint only: reply in the language the shopper writes in.`,
    });
  }
  return blocks;
}

export function toBedrockTools(tools: readonly ToolSpec[], cache = false): Tool[] {
  const specs: Tool[] = tools.map((tool) => ({
    toolSpec: {
      name: tool.name,
      description: tool.description,
      inputSchema: { json: asDocument(tool.inputSchema) },
    },
  }));
  return cache && specs.length > 0 ? [...specs, { cachePoint: CACHE_POINT }] : specs;
}

/** Our records are JSON objects by contract; the SDK serialises them as JSON documents. */
function asDocument(value: Record<string, unknown>): BedrockDocument {
  return value as BedrockDocument;
}
