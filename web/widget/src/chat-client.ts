import { reconnectDelayMs } from './backoff';
import { GuestProofNeeded } from './guest-access';
import { newMessageId, Outbox, type OutboxEntry } from './outbox';
import { compressPhoto } from './photo';
import {
  type Attachment,
  type ChatMessage,
  MAX_REPLAY,
  type PhotoContentType,
  parseServerEvent,
  type ServerEvent,
  type UploadGrant,
} from './protocol';
import { ResumeCursor } from './resume-cursor';
import { fetchShopperToken, tokenSubject } from './shopper-token';

/**
 * `unavailable`: the token endpoint or the socket failed on consecutive attempts; retries go on in the
 * background and the shopper may retry at once. `guest`: nobody is signed in and no order is proved yet.
 */
export type ConnectionState =
  | 'idle'
  | 'connecting'
  | 'online'
  | 'reconnecting'
  | 'offline'
  | 'unavailable'
  | 'guest';

export interface ChatListener {
  state(state: ConnectionState): void;
  /** A stored message, at most once per cursor. */
  message(message: ChatMessage): void;
  delta(replyTo: string, text: string): void;
  /** The assistant is working on an answer to this message. */
  typing(replyTo: string): void;
  delivered(clientMessageId: string, cursor?: number): void;
  failed(clientMessageId: string): void;
  notice(code: string): void;
  /** Another shopper signed in on this browser: the transcript on screen is not theirs. */
  reset(): void;
  /** Video call events (videoJoin, videoState, videoSignal, videoEnded, videoOutcome…). */
  video?(event: { type: string } & Record<string, unknown>): void;
  /** The people's side: waiting (with place and wait), a person joined, handed back or resolved. */
  handoff?(event: Extract<ServerEvent, { type: 'handoff' }>): void;
  agentTyping?(agentName: string | undefined): void;
}

export interface ChatClientOptions {
  websocketUrl: string;
  /** Scopes the stored session and outbox; the token is fetched from it unless getToken is given. */
  tokenUrl: string;
  /** Where tokens come from instead of tokenUrl (guests); may throw GuestProofNeeded. */
  getToken?: () => Promise<string>;
  locale: string;
  listener: ChatListener;
  storage?: Storage;
}

// API Gateway drops connections idle for 10 minutes; a ping after 4.5 quiet minutes keeps ours alive.
const HEARTBEAT_MS = 270_000;
// A ping unanswered this long means a half-open socket (common on mobile): better to reconnect now.
const PONG_TIMEOUT_MS = 20_000;
const INTERNAL_ERROR_RETRY_MS = 5_000;
// API Gateway closes every connection after 2 hours. Moving to a fresh one before that, at a quiet moment,
// keeps the shopper from ever seeing "reconnecting…".
const ROLLOVER_MS = 110 * 60_000;
const ROLLOVER_RETRY_MS = 5_000;
const UPLOAD_GRANT_TIMEOUT_MS = 20_000;
// The close code API Gateway uses for its idle timeout and connection lifetime: expected, not a failure.
const GOING_AWAY = 1001;
// A server that keeps closing at once is unwell: after one silent reconnect, back off as usual.
const QUIET_AGAIN_MS = 10_000;
// One failed attempt is a blip; two in a row is an outage the shopper should be told about.
const UNAVAILABLE_AFTER_FAILURES = 2;

/**
 * API Gateway's own frame when a stage or route throttle refuses a message: `{"message": "Too Many
 * Requests", "connectionId", "requestId"}`, with no `type` and no `clientMessageId`, so it cannot say which
 * message it refused.
 */
function isGatewayThrottle(data: unknown): boolean {
  if (typeof data !== 'string') return false;
  try {
    const value = JSON.parse(data) as { type?: unknown; message?: unknown };
    return (
      value?.type === undefined &&
      typeof value?.message === 'string' &&
      /too many requests/i.test(value.message)
    );
  } catch {
    return false;
  }
}

/** Protocol v1 over one WebSocket that survives weak networks: reconnects, resumes, and never loses a typed message. */
export class ChatClient {
  private socket: WebSocket | undefined;
  private generation = 0;
  private running = false;
  private connectedOnce = false;
  private attempt = 0;
  /** Consecutive throttle frames from API Gateway without an ack between them (the resend's backoff). */
  private throttled = 0;
  /** Consecutive attempts that never reached an open socket. */
  private failures = 0;
  private readonly cursor = new ResumeCursor();
  private caughtUp = false;
  private readonly seen = new Set<number>();
  private readonly inFlight = new Set<string>();
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setTimeout> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private rolloverTimer: ReturnType<typeof setTimeout> | undefined;
  /** A planned move to a fresh connection: the shopper is not told about it. */
  private quiet = false;
  private lastQuietAt = 0;
  private readonly uploads = new Map<
    string,
    { resolve(grant: UploadGrant): void; reject(error: Error): void }
  >();
  private readonly storage: Storage;
  private readonly scope: string;
  readonly outbox: Outbox;

  constructor(private readonly options: ChatClientOptions) {
    this.storage = options.storage ?? localStorage;
    this.scope = `afterdesk:v1:${options.tokenUrl}`;
    this.outbox = new Outbox(this.storage, `${this.scope}:outbox`);
  }

  hasConversation(): boolean {
    return this.read('session') !== null || this.outbox.entries().length > 0;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    void this.connect();
  }

  stop(): void {
    this.running = false;
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.retryTimer);
    this.dropSocket();
  }

  /** The shopper asked to try now (Retry): skip the backoff wait and connect, or resend what waits. */
  retry(): void {
    if (!this.running) {
      this.start();
      return;
    }
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.flush();
      return;
    }
    clearTimeout(this.reconnectTimer);
    this.attempt = 0;
    this.dropSocket();
    void this.connect();
  }

  get unavailable(): boolean {
    return this.failures >= UNAVAILABLE_AFTER_FAILURES;
  }

  send(text: string): OutboxEntry {
    const entry = this.outbox.add(text);
    this.flush();
    return entry;
  }

  /**
   * Compresses the photo, uploads it through a grant from the server, then sends the message with its
   * reference through the outbox. The socket never carries the bytes (API Gateway's 32 KB frame limit).
   */
  async sendPhoto(
    file: Blob,
    caption: string,
    clientMessageId: string = newMessageId(),
  ): Promise<OutboxEntry> {
    const photo = await compressPhoto(file);
    const grant = await this.requestUpload(photo.contentType, photo.blob.size);
    const form = new FormData();
    for (const [name, value] of Object.entries(grant.fields)) form.append(name, value);
    form.append('file', photo.blob, `photo.${photo.contentType === 'image/webp' ? 'webp' : 'jpg'}`);
    const response = await fetch(grant.url, { method: 'POST', body: form });
    if (!response.ok) throw new Error(`the upload was refused (${response.status})`);
    const attachments: Attachment[] = [{ key: grant.key }];
    const entry = this.outbox.add(caption, attachments, clientMessageId);
    this.flush();
    return entry;
  }

  private requestUpload(contentType: PhotoContentType, bytes: number): Promise<UploadGrant> {
    return new Promise((resolve, reject) => {
      if (this.socket?.readyState !== WebSocket.OPEN) {
        reject(new Error('offline'));
        return;
      }
      const requestId = newMessageId();
      const timer = setTimeout(() => settle(), UPLOAD_GRANT_TIMEOUT_MS);
      const settle = (grant?: UploadGrant, error?: Error) => {
        clearTimeout(timer);
        this.uploads.delete(requestId);
        if (grant) resolve(grant);
        else reject(error ?? new Error('no upload grant arrived'));
      };
      this.uploads.set(requestId, {
        resolve: (grant) => settle(grant),
        reject: (error) => settle(undefined, error),
      });
      this.frame({ action: 'requestUpload', requestId, contentType, bytes });
    });
  }

  private readonly onOnline = () => {
    if (!this.running || this.socket) return;
    clearTimeout(this.reconnectTimer);
    this.attempt = 0;
    void this.connect();
  };

  private readonly onOffline = () => {
    // The socket is dead once the radio is; waiting for TCP to notice can take minutes on a phone.
    this.dropSocket();
    this.setState('offline');
  };

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    if (!this.running) return;
    if (!navigator.onLine) {
      this.setState('offline');
      return;
    }
    if (!this.quiet && !this.unavailable) this.setState(this.connectedOnce ? 'reconnecting' : 'connecting');
    let token: string;
    try {
      token = await (this.options.getToken?.() ?? fetchShopperToken(this.options.tokenUrl));
    } catch (error) {
      if (generation !== this.generation) return;
      // Not a failure: the page shows the guest form and calls retry() once an order is proved.
      if (error instanceof GuestProofNeeded) this.setState('guest');
      else this.connectionFailed();
      return;
    }
    if (!this.running || generation !== this.generation) return;
    this.adoptShopper(tokenSubject(token));
    const url = new URL(this.options.websocketUrl);
    url.searchParams.set('token', token);
    const session = this.read('session');
    if (session) url.searchParams.set('session', session);
    const socket = new WebSocket(url);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.failures = 0;
      this.attempt = 0;
      this.connectedOnce = true;
      this.quiet = false;
      this.caughtUp = false;
      this.inFlight.clear();
      this.setState('online');
      this.frame({ action: 'resume', cursor: this.cursor.value });
      clearTimeout(this.rolloverTimer);
      this.rolloverTimer = setTimeout(() => this.rollover(), ROLLOVER_MS);
    };
    socket.onmessage = (message) => {
      if (socket !== this.socket) return;
      this.armHeartbeat();
      const event = parseServerEvent(message.data);
      if (event) this.handle(event);
      else if (isGatewayThrottle(message.data)) this.gatewayThrottled();
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.dropSocket();
      if (!opened) {
        this.connectionFailed();
        return;
      }
      if (event.code === GOING_AWAY && Date.now() - this.lastQuietAt > QUIET_AGAIN_MS) {
        // Idle timeout or the 2-hour limit: reconnect at once, without alarming the shopper.
        this.lastQuietAt = Date.now();
        this.quiet = true;
        this.attempt = 0;
        void this.connect();
        return;
      }
      this.scheduleReconnect();
    };
  }

  private rollover(): void {
    if (!this.running || !this.socket) return;
    if (this.inFlight.size || this.uploads.size || !this.caughtUp) {
      this.rolloverTimer = setTimeout(() => this.rollover(), ROLLOVER_RETRY_MS);
      return;
    }
    this.quiet = true;
    this.dropSocket();
    void this.connect();
  }

  private handle(event: ServerEvent): void {
    const { listener } = this.options;
    switch (event.type) {
      case 'ack':
        this.keepSession(event.sessionId);
        this.throttled = 0;
        this.inFlight.delete(event.clientMessageId);
        this.outbox.remove(event.clientMessageId);
        // An ack never moves the resume cursor forward: the reply before it may still be on its way.
        this.cursor.acknowledged(event.clientMessageId, event.cursor);
        this.seen.add(event.cursor);
        listener.delivered(event.clientMessageId, event.cursor);
        return;
      case 'message':
        this.keepSession(event.sessionId);
        if (this.seen.has(event.cursor)) return;
        this.seen.add(event.cursor);
        this.cursor.received(event);
        // A replay of our own message whose ack was lost: it is stored, so it must not be sent again.
        if (event.clientMessageId && this.outbox.remove(event.clientMessageId))
          this.inFlight.delete(event.clientMessageId);
        listener.message(event);
        return;
      case 'delta':
        listener.delta(event.replyTo, event.text);
        return;
      case 'typing':
        listener.typing(event.replyTo);
        return;
      case 'handoff':
        listener.handoff?.(event);
        return;
      case 'agentTyping':
        listener.agentTyping?.(event.agentName);
        return;
      case 'upload':
        this.uploads.get(event.requestId)?.resolve(event);
        return;
      case 'resumed':
        this.keepSession(event.sessionId);
        if (event.replayed >= MAX_REPLAY) {
          this.frame({ action: 'resume', cursor: event.cursor });
          return;
        }
        this.caughtUp = true;
        this.flush();
        return;
      case 'error':
        this.refused(event);
        return;
      default: {
        const other = event as { type: string } & Record<string, unknown>;
        if (other.type.startsWith('video')) listener.video?.(other);
      }
    }
  }

  /** A video frame on the chat socket; dropped while offline (the call rejoins after a reconnect). */
  sendVideo(frame: Record<string, unknown>): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.frame(frame);
    return true;
  }

  private refused(event: Extract<ServerEvent, { type: 'error' }>): void {
    const { listener } = this.options;
    const id = event.clientMessageId;
    if (!id) {
      // Upload requests carry no clientMessageId: a refusal while one waits is its answer.
      if (this.uploads.size) {
        for (const upload of [...this.uploads.values()]) upload.reject(new Error(event.code));
        return;
      }
      listener.notice(event.code);
      return;
    }
    this.inFlight.delete(id);
    switch (event.code) {
      case 'duplicate_message':
        this.outbox.remove(id);
        listener.delivered(id);
        return;
      case 'rate_limited': {
        const seconds = Number(/\d+/.exec(event.message)?.[0] ?? 10);
        listener.notice(event.code);
        this.retryLater(seconds * 1000);
        return;
      }
      case 'internal_error':
        this.retryLater(INTERNAL_ERROR_RETRY_MS);
        return;
      default:
        this.outbox.remove(id);
        listener.failed(id);
    }
  }

  /**
   * API Gateway refused a message without naming it: every message still waiting for its ack stays in the
   * outbox and is sent again after a growing, jittered pause. One that had in fact got through is answered
   * `duplicate_message` on the resend and counts as delivered.
   */
  private gatewayThrottled(): void {
    this.inFlight.clear();
    // Told once per episode: a shopper needs no new notice for every resend that is refused again.
    if (this.throttled === 0) this.options.listener.notice('rate_limited');
    this.retryLater(reconnectDelayMs(this.throttled++));
  }

  private flush(): void {
    if (!this.caughtUp || this.socket?.readyState !== WebSocket.OPEN) return;
    for (const entry of this.outbox.entries()) {
      if (this.inFlight.has(entry.clientMessageId)) continue;
      this.inFlight.add(entry.clientMessageId);
      const { clientMessageId, text, attachments } = entry;
      this.frame({ action: 'sendMessage', clientMessageId, text, attachments, locale: this.options.locale });
    }
  }

  private retryLater(ms: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.flush(), ms);
  }

  private adoptShopper(subject: string | undefined): void {
    const owner = this.read('owner');
    if (subject && owner && owner !== subject) {
      this.remove('session');
      this.remove('outbox');
      this.cursor.reset();
      this.seen.clear();
      this.options.listener.reset();
    }
    if (subject) this.write('owner', subject);
  }

  private keepSession(sessionId: string): void {
    if (sessionId && this.read('session') !== sessionId) this.write('session', sessionId);
  }

  private frame(body: Record<string, unknown>): void {
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    this.socket.send(JSON.stringify(body));
    this.armHeartbeat();
  }

  private armHeartbeat(): void {
    clearTimeout(this.heartbeatTimer);
    clearTimeout(this.pongTimer);
    this.heartbeatTimer = setTimeout(() => {
      this.frame({ action: 'ping' });
      clearTimeout(this.pongTimer);
      this.pongTimer = setTimeout(() => {
        this.dropSocket();
        this.scheduleReconnect();
      }, PONG_TIMEOUT_MS);
    }, HEARTBEAT_MS);
  }

  private dropSocket(): void {
    clearTimeout(this.heartbeatTimer);
    clearTimeout(this.pongTimer);
    clearTimeout(this.rolloverTimer);
    for (const upload of [...this.uploads.values()]) upload.reject(new Error('disconnected'));
    this.caughtUp = false;
    this.inFlight.clear();
    const socket = this.socket;
    this.socket = undefined;
    this.generation++;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    socket.close();
  }

  private connectionFailed(): void {
    this.failures++;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.running) return;
    clearTimeout(this.reconnectTimer);
    if (!navigator.onLine) {
      this.setState('offline');
      return;
    }
    this.setState(this.unavailable ? 'unavailable' : this.connectedOnce ? 'reconnecting' : 'connecting');
    this.reconnectTimer = setTimeout(() => void this.connect(), reconnectDelayMs(this.attempt++));
  }

  private setState(state: ConnectionState): void {
    this.options.listener.state(state);
  }

  private read(name: string): string | null {
    try {
      return this.storage.getItem(`${this.scope}:${name}`);
    } catch {
      return null;
    }
  }

  private write(name: string, value: string): void {
    try {
      this.storage.setItem(`${this.scope}:${name}`, value);
    } catch {
      // Without storage the conversation still works; only a reload starts a new one.
    }
  }

  private remove(name: string): void {
    try {
      this.storage.removeItem(`${this.scope}:${name}`);
    } catch {
      // Nothing stored, nothing to forget.
    }
  }
}
