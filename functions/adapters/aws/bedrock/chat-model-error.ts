/**
 * The one error a ChatModel adapter throws. Callers turn it into a polite reply (and may retry once when
 * `retryable`); its message is a fixed sentence built from the code, never the provider's text, and the
 * provider error is kept as `cause` for logs only.
 */
export type ChatModelErrorCode =
  | 'throttled'
  | 'service_unavailable'
  | 'internal_error'
  | 'model_stream_error'
  | 'model_timeout'
  | 'model_not_ready'
  | 'model_error'
  | 'malformed_output'
  | 'context_window_exceeded'
  | 'incomplete_stream'
  | 'network'
  | 'validation'
  | 'access_denied'
  | 'not_found'
  | 'quota_exceeded'
  | 'invalid_request'
  | 'unknown';

const RETRYABLE: ReadonlySet<ChatModelErrorCode> = new Set<ChatModelErrorCode>([
  'throttled',
  'service_unavailable',
  'internal_error',
  'model_stream_error',
  'model_timeout',
  'model_not_ready',
  'malformed_output',
  'incomplete_stream',
  'network',
]);

export class ChatModelError extends Error {
  override readonly name = 'ChatModelError';
  readonly code: ChatModelErrorCode;
  readonly retryable: boolean;
  /**
   * True when some text had already been passed to onDelta before the failure: a retry would show the
   * shopper that text twice, so callers should say sorry rather than silently start again.
   */
  readonly emittedText: boolean;

  constructor(code: ChatModelErrorCode, options: { cause?: unknown; emittedText?: boolean } = {}) {
    super(`Chat model request failed: ${code}`, { cause: options.cause });
    this.code = code;
    this.retryable = RETRYABLE.has(code);
    this.emittedText = options.emittedText ?? false;
  }
}

export function isChatModelError(error: unknown): error is ChatModelError {
  return error instanceof ChatModelError;
}

/**
 * Bedrock exception names, both as SDK error classes (`ThrottlingException`, thrown by send() or by the
 * event-stream unmarshaller while iterating) and as ConverseStream union members (`throttlingException`).
 */
const CODE_BY_EXCEPTION: Readonly<Record<string, ChatModelErrorCode>> = {
  throttlingexception: 'throttled',
  serviceunavailableexception: 'service_unavailable',
  internalserverexception: 'internal_error',
  modelstreamerrorexception: 'model_stream_error',
  modeltimeoutexception: 'model_timeout',
  modelnotreadyexception: 'model_not_ready',
  modelerrorexception: 'model_error',
  validationexception: 'validation',
  accessdeniedexception: 'access_denied',
  resourcenotfoundexception: 'not_found',
  servicequotaexceededexception: 'quota_exceeded',
};

const NETWORK_ERROR_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

export function codeForExceptionName(name: string): ChatModelErrorCode | undefined {
  return CODE_BY_EXCEPTION[name.toLowerCase()];
}

/** Wraps whatever the SDK threw; a ChatModelError passes through unchanged. */
export function toChatModelError(error: unknown, emittedText: boolean): ChatModelError {
  if (error instanceof ChatModelError) return error;
  if (error instanceof Error) {
    const known = codeForExceptionName(error.name);
    if (known) return new ChatModelError(known, { cause: error, emittedText });
    const nodeCode = (error as { code?: unknown }).code;
    if (
      error.name === 'TimeoutError' ||
      (typeof nodeCode === 'string' && NETWORK_ERROR_CODES.has(nodeCode))
    ) {
      return new ChatModelError('network', { cause: error, emittedText });
    }
  }
  return new ChatModelError('unknown', { cause: error, emittedText });
}
