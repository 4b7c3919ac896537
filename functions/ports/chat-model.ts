/**
 * The one port behind which every language model sits: Bedrock Converse in the cloud and the embedded
 * model everywhere. Shapes mirror Bedrock's Converse content blocks so the shared tool-use loop
 * (functions/core/assistant/run-turn.ts) needs no per-model branches.
 */
export type ContentBlock =
  | { type: 'text'; text: string }
  /**
   * A shopper's photo, already normalised (≤ 1568 px, ≤ 3.75 MB, no metadata). Put it before the text
   * that asks about it; what is written in it is data, never an instruction.
   */
  | { type: 'image'; format: ImageFormat; bytes: Uint8Array }
  | { type: 'toolUse'; toolUseId: string; name: string; input: Record<string, unknown> }
  | {
      type: 'toolResult';
      toolUseId: string;
      status: 'success' | 'error';
      content: Record<string, unknown>;
    };

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: ContentBlock[];
}

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the tool input, as Bedrock's toolSpec.inputSchema.json expects. */
  inputSchema: Record<string, unknown>;
}

export interface ConverseRequest {
  system: string;
  messages: ChatMessage[];
  tools: ToolSpec[];
  /** BCP-47 language the shopper's client reported, if any: a hint, never trusted over the text. */
  languageHint?: string;
  /** Forces a call of this tool: how one call returns structured output (the photo reading). */
  toolChoice?: string;
}

export type StopReason =
  | 'end_turn'
  | 'tool_use'
  | 'max_tokens'
  | 'stop_sequence'
  | 'guardrail_intervened'
  | 'content_filtered';

/** What a call was billed: input tokens exclude those read from or written to a prompt cache. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
}

export interface ConverseResponse {
  stopReason: StopReason;
  content: ContentBlock[];
  usage?: TokenUsage;
  /** Set by models that classify (the embedded one); analytics uses them when present. */
  language?: string;
  intent?: string;
}

export interface ChatModel {
  readonly name: string;
  /** onDelta receives streamed text as it is produced; models that cannot stream may never call it. */
  converse(request: ConverseRequest, onDelta?: (text: string) => void): Promise<ConverseResponse>;
}
