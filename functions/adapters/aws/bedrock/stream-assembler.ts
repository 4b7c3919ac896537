import type { StopReason as BedrockStopReason, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { ContentBlock, ConverseResponse, StopReason } from '../../../ports/chat-model';
import { ChatModelError, codeForExceptionName } from './chat-model-error';

export interface WarnLogger {
  warn(message: string, attributes: Record<string, unknown>): void;
}

type PendingBlock =
  | { kind: 'text'; text: string }
  | {
      kind: 'toolUse';
      toolUseId: string;
      name: string;
      json: string;
      /** Bedrock-run tools (server_tool_use) are not ours to execute or answer. */
      serverSide: boolean;
      input?: Record<string, unknown>;
    };

const STREAM_EXCEPTIONS = [
  'internalServerException',
  'modelStreamErrorException',
  'validationException',
  'throttlingException',
  'serviceUnavailableException',
] as const;

/**
 * Folds ConverseStream events into one ConverseResponse, forwarding text deltas as they arrive. Blocks are
 * keyed on contentBlockIndex: text arrives as deltas with no start event; a tool use opens with
 * contentBlockStart.start.toolUse {toolUseId, name} and its input arrives as JSON string fragments that
 * are parsed at contentBlockStop. Reasoning and citation deltas are never forwarded.
 */
export class ConverseStreamAssembler {
  private readonly blocks = new Map<number, PendingBlock>();
  private stopReason: BedrockStopReason | string | undefined;
  private usage: ConverseResponse['usage'];
  /** True once any text has been handed to onDelta. */
  emittedText = false;

  constructor(
    private readonly logger: WarnLogger,
    private readonly onDelta?: (text: string) => void,
  ) {}

  accept(event: ConverseStreamOutput): void {
    for (const key of STREAM_EXCEPTIONS) {
      const exception = event[key];
      if (exception !== undefined) {
        const code = codeForExceptionName(key) ?? 'unknown';
        throw new ChatModelError(code, { cause: exception, emittedText: this.emittedText });
      }
    }
    if (event.contentBlockStart) {
      const index = event.contentBlockStart.contentBlockIndex ?? 0;
      const toolUse = event.contentBlockStart.start?.toolUse;
      if (toolUse) {
        this.blocks.set(index, {
          kind: 'toolUse',
          toolUseId: toolUse.toolUseId ?? '',
          name: toolUse.name ?? '',
          json: '',
          serverSide: toolUse.type === 'server_tool_use',
        });
      }
      return;
    }
    if (event.contentBlockDelta) {
      const index = event.contentBlockDelta.contentBlockIndex ?? 0;
      const delta = event.contentBlockDelta.delta;
      if (delta?.text !== undefined) this.appendText(index, delta.text);
      else if (delta?.toolUse) this.appendToolInput(index, delta.toolUse.input ?? '');
      return;
    }
    if (event.contentBlockStop) {
      const block = this.blocks.get(event.contentBlockStop.contentBlockIndex ?? 0);
      if (block?.kind === 'toolUse') this.finishToolUse(block);
      return;
    }
    if (event.messageStop) {
      this.stopReason = event.messageStop.stopReason;
      return;
    }
    if (event.metadata?.usage) {
      const { inputTokens, outputTokens, cacheReadInputTokens, cacheWriteInputTokens } = event.metadata.usage;
      if (typeof inputTokens === 'number' && typeof outputTokens === 'number') {
        this.usage = {
          inputTokens,
          outputTokens,
          ...(cacheReadInputTokens ? { cacheReadInputTokens } : {}),
          ...(cacheWriteInputTokens ? { cacheWriteInputTokens } : {}),
        };
      }
    }
    // messageStart and unknown members carry nothing we need.
  }

  finish(): ConverseResponse {
    if (this.stopReason === undefined) {
      // The stream ended before messageStop: the connection dropped or the service cut it short.
      throw new ChatModelError('incomplete_stream', { emittedText: this.emittedText });
    }
    const stopReason = this.mapStopReason(this.stopReason);
    const content: ContentBlock[] = [];
    for (const index of [...this.blocks.keys()].sort((a, b) => a - b)) {
      const block = this.blocks.get(index);
      if (!block) continue;
      if (block.kind === 'text') {
        if (block.text.length > 0) content.push({ type: 'text', text: block.text });
        continue;
      }
      if (block.serverSide) continue;
      const input = block.input ?? this.finishToolUse(block);
      content.push({ type: 'toolUse', toolUseId: block.toolUseId, name: block.name, input });
    }
    return { stopReason, content, ...(this.usage ? { usage: this.usage } : {}) };
  }

  private appendText(index: number, text: string): void {
    const block = this.blocks.get(index);
    if (block?.kind === 'toolUse') return;
    if (block) block.text += text;
    else this.blocks.set(index, { kind: 'text', text });
    if (text.length > 0) {
      this.emittedText = true;
      this.onDelta?.(text);
    }
  }

  private appendToolInput(index: number, fragment: string): void {
    const block = this.blocks.get(index);
    if (block?.kind === 'toolUse') block.json += fragment;
    else this.logger.warn('Bedrock sent tool input without a tool use start; ignored', { index });
  }

  /**
   * Parses the accumulated input once. A tool with no parameters may stream no input at all, which is
   * `{}`. Input that is not a JSON object also becomes `{}`: the tools validate their input, so the model
   * gets an invalid_input result and can correct itself, and the shopper never sees the broken JSON. The
   * warning carries sizes and names only, because tool input can hold personal data.
   */
  private finishToolUse(block: Extract<PendingBlock, { kind: 'toolUse' }>): Record<string, unknown> {
    if (block.input) return block.input;
    let input: Record<string, unknown> = {};
    if (block.json.trim().length > 0) {
      try {
        const parsed: unknown = JSON.parse(block.json);
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
          input = parsed as Record<string, unknown>;
        } else {
          this.logger.warn('Bedrock tool input is not a JSON object; using {}', {
            tool: block.name,
            toolUseId: block.toolUseId,
            inputLength: block.json.length,
          });
        }
      } catch {
        this.logger.warn('Bedrock tool input is not valid JSON; using {}', {
          tool: block.name,
          toolUseId: block.toolUseId,
          inputLength: block.json.length,
        });
      }
    }
    block.input = input;
    return input;
  }

  private mapStopReason(reason: string): StopReason {
    switch (reason) {
      case 'end_turn':
      case 'tool_use':
      case 'max_tokens':
      case 'stop_sequence':
      case 'guardrail_intervened':
      case 'content_filtered':
        return reason;
      case 'malformed_tool_use':
      case 'malformed_model_output':
        throw new ChatModelError('malformed_output', { emittedText: this.emittedText });
      case 'model_context_window_exceeded':
        throw new ChatModelError('context_window_exceeded', { emittedText: this.emittedText });
      default:
        this.logger.warn('Bedrock returned an unknown stop reason; treating it as end_turn', { reason });
        return 'end_turn';
    }
  }
}
