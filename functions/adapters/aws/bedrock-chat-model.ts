import {
  BedrockRuntimeClient,
  type BedrockRuntimeClientConfig,
  ConverseStreamCommand,
  type ConverseStreamCommandInput,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { type PromptCaching, promptCachingOf } from '../../config/bedrock-models';
import type { ChatModel, ConverseRequest, ConverseResponse, TokenUsage } from '../../ports/chat-model';
import { ChatModelError, toChatModelError } from './bedrock/chat-model-error';
import { normaliseMessages, toBedrockMessages, toBedrockSystem, toBedrockTools } from './bedrock/messages';
import { ConverseStreamAssembler, type WarnLogger } from './bedrock/stream-assembler';

export {
  ChatModelError,
  type ChatModelErrorCode,
  isChatModelError,
} from './bedrock/chat-model-error';
export { normaliseMessages } from './bedrock/messages';
export type { WarnLogger } from './bedrock/stream-assembler';

export interface BedrockGuardrail {
  id: string;
  version: string;
  /**
   * 'async' (the default) streams chunks as soon as they exist while the guardrail scans in the
   * background; 'sync' buffers chunks until scanned, which costs latency but is needed for PII masking.
   */
  streamProcessingMode?: 'async' | 'sync';
}

export interface BedrockChatModelOptions {
  /** Built once at module scope by the caller; see createBedrockRuntimeClient. */
  client: BedrockRuntimeClient;
  /** A model id or inference profile id/ARN, e.g. 'eu.anthropic.claude-3-7-sonnet-20250219-v1:0'. */
  modelId: string;
  guardrail?: BedrockGuardrail;
  /** Defaults to DEFAULT_MAX_TOKENS: chat replies are short and some models default lower. */
  maxTokens?: number;
  temperature?: number;
  /** Receives warnings without message content; Powertools' Logger fits. Defaults to console. */
  logger?: WarnLogger;
  /**
   * Told the tokens of every completed call (what Bedrock bills): `afterdesk cost` reads them back.
   * inputTokens are the uncached ones; prompt-cache reads and writes are counted apart (0 when none).
   */
  onUsage?: (usage: BedrockUsage) => void;
}

export interface BedrockUsage extends Required<TokenUsage> {
  modelId: string;
}

export const DEFAULT_MAX_TOKENS = 1024;

/**
 * The cloud ChatModel: Bedrock ConverseStream with tool use. Text deltas reach onDelta as they arrive;
 * every failure (from send() or from the stream) surfaces as a ChatModelError.
 */
export class BedrockChatModel implements ChatModel {
  readonly name = 'bedrock';
  private readonly client: BedrockRuntimeClient;
  private readonly modelId: string;
  private readonly guardrail: BedrockGuardrail | undefined;
  private readonly maxTokens: number;
  private readonly temperature: number | undefined;
  private readonly logger: WarnLogger;
  private readonly onUsage: BedrockChatModelOptions['onUsage'];
  /** Cache points are sent only to models with prompt caching: others would reject the request. */
  private readonly promptCaching: PromptCaching | undefined;

  constructor(options: BedrockChatModelOptions) {
    if (options.modelId.trim().length === 0) throw new Error('BedrockChatModel needs a modelId');
    if (options.maxTokens !== undefined && !(Number.isInteger(options.maxTokens) && options.maxTokens > 0)) {
      throw new Error('BedrockChatModel maxTokens must be a positive integer');
    }
    this.client = options.client;
    this.modelId = options.modelId;
    this.guardrail = options.guardrail;
    this.maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
    this.temperature = options.temperature;
    this.logger = options.logger ?? console;
    this.onUsage = options.onUsage;
    this.promptCaching = promptCachingOf(options.modelId);
  }

  async converse(request: ConverseRequest, onDelta?: (text: string) => void): Promise<ConverseResponse> {
    const input = this.buildInput(request);
    // The caller's own failures (say, the shopper's socket is gone) pass through unwrapped.
    let callerFailure: { error: unknown } | undefined;
    const forward =
      onDelta &&
      ((text: string) => {
        try {
          onDelta(text);
        } catch (error) {
          callerFailure = { error };
          throw error;
        }
      });
    const assembler = new ConverseStreamAssembler(this.logger, forward);
    let stream: AsyncIterable<ConverseStreamOutput> | undefined;
    try {
      const response = await this.client.send(new ConverseStreamCommand(input));
      stream = response.stream;
    } catch (error) {
      throw toChatModelError(error, false);
    }
    if (!stream) throw new ChatModelError('incomplete_stream');
    try {
      for await (const event of stream) {
        assembler.accept(event);
      }
    } catch (error) {
      if (callerFailure && callerFailure.error === error) throw error;
      throw toChatModelError(error, assembler.emittedText);
    }
    const response = assembler.finish();
    if (response.usage) {
      this.onUsage?.({
        modelId: this.modelId,
        inputTokens: response.usage.inputTokens,
        outputTokens: response.usage.outputTokens,
        cacheReadInputTokens: response.usage.cacheReadInputTokens ?? 0,
        cacheWriteInputTokens: response.usage.cacheWriteInputTokens ?? 0,
      });
    }
    return response;
  }

  /** Exposed for tests and debugging: the exact ConverseStream input for a request. */
  buildInput(request: ConverseRequest): ConverseStreamCommandInput {
    const messages = normaliseMessages(request.messages);
    if (messages.length === 0) throw new ChatModelError('invalid_request');
    const system = toBedrockSystem(request.system, request.languageHint, this.promptCaching !== undefined);
    return {
      modelId: this.modelId,
      messages: toBedrockMessages(messages),
      ...(system.length > 0 ? { system } : {}),
      inferenceConfig: {
        maxTokens: this.maxTokens,
        ...(this.temperature !== undefined ? { temperature: this.temperature } : {}),
      },
      ...(request.tools.length > 0
        ? {
            toolConfig: {
              tools: toBedrockTools(request.tools, this.promptCaching?.tools === true),
              ...(request.toolChoice ? { toolChoice: { tool: { name: request.toolChoice } } } : {}),
            },
          }
        : {}),
      ...(this.guardrail
        ? {
            guardrailConfig: {
              guardrailIdentifier: this.guardrail.id,
              guardrailVersion: this.guardrail.version,
              streamProcessingMode: this.guardrail.streamProcessingMode ?? 'async',
            },
          }
        : {}),
    };
  }
}

export interface BedrockRuntimeClientFactoryOptions {
  region?: string;
  /** Override the service endpoint, e.g. a loopback fake in tests: 'http://127.0.0.1:4010'. */
  endpoint?: string;
}

/**
 * Builds the client once, at module scope. The SDK's default Node handler for this service speaks HTTP/2,
 * which a loopback HTTP/1 endpoint cannot answer for ConverseStream, so a plain-http loopback endpoint
 * gets NodeHttpHandler. Plain http to any other host is refused: it would carry transcripts and signed
 * requests in the clear.
 */
export function createBedrockRuntimeClient(
  options: BedrockRuntimeClientFactoryOptions = {},
): BedrockRuntimeClient {
  const config: BedrockRuntimeClientConfig = {};
  if (options.region) config.region = options.region;
  if (options.endpoint) {
    const url = new URL(options.endpoint);
    if (url.protocol === 'http:') {
      if (!isLoopbackHost(url.hostname)) {
        throw new Error(`Refusing plain-http Bedrock endpoint on a non-loopback host: ${url.hostname}`);
      }
      config.requestHandler = new NodeHttpHandler();
    } else if (url.protocol !== 'https:') {
      throw new Error(`Unsupported Bedrock endpoint protocol: ${url.protocol}`);
    }
    config.endpoint = options.endpoint;
  }
  return new BedrockRuntimeClient(config);
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127(?:\.\d{1,3}){3}$/.test(host)
  );
}
