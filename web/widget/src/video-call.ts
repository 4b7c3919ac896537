import type { VideoCallCard } from '../../../functions/core/video/proposal';
import {
  type CallController,
  type CallOptions,
  type CallState,
  openLocalMedia,
} from '../../video/src/call-types';
import type { Language } from './strings';
import { type VideoStrings, videoStringsFor } from './video-strings';

type VideoEvent = { type: string } & Record<string, unknown>;
type VideoModule = { start(options: CallOptions): CallController };

/** Where the widget script came from: the video chunks sit next to it. */
const WIDGET_SRC = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : '';

const loaded = new Map<string, Promise<VideoModule>>();
/** The call code is a separate chunk, fetched only when a call starts (Chime's is ~300 KB gzipped). */
function loadVideoModule(mode: 'webrtc' | 'chime'): Promise<VideoModule> {
  const file = mode === 'chime' ? 'afterdesk-video-chime.js' : 'afterdesk-video.js';
  let loading = loaded.get(file);
  if (!loading) {
    loading = new Promise<VideoModule>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(file, WIDGET_SRC || location.href).href;
      script.onload = () => {
        const module = (globalThis as { AfterdeskVideo?: VideoModule }).AfterdeskVideo;
        if (module) resolve(module);
        else reject(new Error('video module missing'));
      };
      script.onerror = () => reject(new Error('video module failed to load'));
      document.head.append(script);
    });
    loading.catch(() => loaded.delete(file));
    loaded.set(file, loading);
  }
  return loading;
}

/** The widget's call area: start, consent, the two videos, mute / camera / switch / end. */
export class VideoCallPanel {
  private controller: CallController | undefined;
  private callId: string | undefined;
  private tappedAt = 0;
  private prefetched = false;
  private readonly startButton: HTMLButtonElement;
  private readonly area: HTMLElement;
  private readonly status: HTMLElement;
  private readonly local: HTMLVideoElement;
  private readonly remote: HTMLVideoElement;
  private readonly controls: HTMLElement;
  private readonly photo: HTMLButtonElement;
  private readonly text: VideoStrings;

  constructor(
    root: ShadowRoot,
    private readonly send: (frame: Record<string, unknown>) => boolean,
    private readonly choosePhoto: () => void,
    language: Language = 'en',
  ) {
    this.text = videoStringsFor(language);
    this.startButton = root.querySelector('.video-start') as HTMLButtonElement;
    this.area = root.querySelector('.call') as HTMLElement;
    this.status = this.area.querySelector('.call-status') as HTMLElement;
    this.local = this.area.querySelector('.local') as HTMLVideoElement;
    this.remote = this.area.querySelector('.remote') as HTMLVideoElement;
    this.controls = this.area.querySelector('.call-controls') as HTMLElement;
    this.photo = this.area.querySelector('.call-photo') as HTMLButtonElement;
    this.startButton.textContent = this.text.start;
    this.photo.textContent = this.text.photoInstead;
    this.photo.addEventListener('click', () => this.choosePhoto());
    this.startButton.addEventListener('click', () => this.start(false));
    const [mute, camera, flip, end] = Array.from(this.controls.querySelectorAll('button'));
    let muted = false;
    let off = false;
    if (mute && camera && flip && end) {
      mute.textContent = this.text.mute;
      camera.textContent = this.text.cameraOff;
      flip.textContent = this.text.switchCamera;
      end.textContent = this.text.end;
      mute.addEventListener('click', () => {
        muted = !muted;
        this.controller?.setMuted(muted);
        mute.textContent = muted ? this.text.unmute : this.text.mute;
        mute.setAttribute('aria-pressed', String(muted));
      });
      camera.addEventListener('click', () => {
        off = !off;
        this.controller?.setCameraOff(off);
        camera.textContent = off ? this.text.cameraOn : this.text.cameraOff;
      });
      flip.addEventListener('click', () => void this.controller?.switchCamera().catch(() => undefined));
      end.addEventListener('click', () => this.end());
    }
  }

  private show(text: string, photo = false): void {
    this.area.hidden = false;
    this.status.textContent = text;
    this.photo.hidden = !photo;
  }

  /**
   * Fetches the call chunk while the shopper reads the chat (the widget just opened), so a tap later waits for
   * no download. `data-video-mode="chime"` on the element names the AWS chunk; the local one is 2 KB.
   */
  prefetch(mode: string | undefined): void {
    if (this.prefetched) return;
    this.prefetched = true;
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback;
    const load = () => void loadVideoModule(mode === 'chime' ? 'chime' : 'webrtc').catch(() => undefined);
    if (idle) idle(load);
    else setTimeout(load, 200);
  }

  private mark(name: string, ms = Math.round(performance.now() - this.tappedAt)): void {
    const marks = JSON.parse(this.area.dataset.marks ?? '{}') as Record<string, number>;
    marks[name] = ms;
    this.area.dataset.marks = JSON.stringify(marks);
  }

  /** The assistant's offer, worded in the shopper's language: accepting it starts the same call as the button. */
  offerCard(card: VideoCallCard): HTMLElement {
    const box = document.createElement('div');
    box.className = 'video-offer';
    box.lang = card.language;
    box.dir = card.language === 'ar' ? 'rtl' : 'auto';
    const text = document.createElement('p');
    text.textContent = card.text;
    const accept = document.createElement('button');
    accept.type = 'button';
    accept.textContent = card.accept;
    accept.addEventListener('click', () => {
      accept.disabled = true;
      this.start(true);
    });
    box.append(text, accept);
    return box;
  }

  private start(viaAssistant: boolean): void {
    if (this.callId && this.controller) return;
    this.tappedAt = performance.now();
    delete this.area.dataset.marks;
    // The consent line comes before the browser's permission prompt, which follows the invitation.
    this.show(this.text.consent);
    const pending = this.callId;
    const frame = pending
      ? { action: 'acceptVideo', callId: pending }
      : {
          action: 'startVideo',
          requestId: `v${Math.random().toString(36).slice(2, 12)}`,
          ...(viaAssistant ? { via: 'assistant' } : {}),
        };
    if (!this.send(frame)) this.show(this.text.failed, true);
  }

  private end(): void {
    this.controller?.end();
    if (!this.controller && this.callId) this.send({ action: 'endVideo', callId: this.callId });
  }

  /** After the chat socket comes back: the call resumes without a new invitation. */
  resume(): void {
    if (this.callId && this.controller) this.send({ action: 'acceptVideo', callId: this.callId });
  }

  handle(event: VideoEvent): void {
    switch (event.type) {
      case 'videoIncoming':
        this.callId = String(event.callId);
        this.startButton.textContent = this.text.join;
        this.show(this.text.incoming);
        return;
      case 'videoUnavailable':
        this.show(String(event.text), true);
        return;
      case 'videoJoin': {
        const callId = String(event.callId);
        if (this.controller && this.callId === callId) {
          // A rejoin after a drop: same media, a fresh ticket.
          this.send({ action: 'joinVideo', callId, ticket: String(event.ticket) });
          return;
        }
        this.callId = callId;
        this.area.dataset.callId = callId;
        this.mark('join');
        const join = event.join as CallOptions['join'];
        this.controls.hidden = false;
        this.startButton.hidden = true;
        // A call is ringing: camera and microphone open while the call code loads, not after it.
        const localMedia = openLocalMedia();
        localMedia.catch(() => undefined);
        loadVideoModule(join.mode)
          .then((module) => {
            this.controller = module.start({
              localMedia,
              onMark: (name, ms) => this.mark(name, ms),
              role: 'shopper',
              callId,
              ticket: String(event.ticket),
              join,
              tappedAt: this.tappedAt,
              send: (frame) => void this.send(frame),
              localVideo: this.local,
              remoteVideo: this.remote,
              onState: (state) => this.state(state),
              onFirstFrame: (ms) => {
                this.area.dataset.firstFrameMs = String(ms);
              },
            });
          })
          .catch(() => {
            void localMedia.then((stream) => {
              for (const track of stream.getTracks()) track.stop();
            });
            this.state('failed');
          });
        return;
      }
      case 'videoState':
        if (event.status === 'joined' && !event.peerJoined) this.show(this.text.waiting);
        this.controller?.handle(event);
        return;
      case 'videoEnded':
        this.controller?.handle(event);
        this.state('ended');
        return;
      case 'videoError':
        if (!this.controller) this.show(String(event.message), true);
        return;
      default:
        this.controller?.handle(event);
    }
  }

  private state(state: CallState): void {
    this.area.dataset.callState = state;
    const text: Record<CallState, string> = {
      connecting: this.text.waiting,
      live: this.text.live,
      audio_only: this.text.audioOnly,
      reconnecting: this.text.reconnecting,
      ended: this.text.ended,
      failed: this.text.failed,
    };
    this.show(text[state], state === 'audio_only' || state === 'failed');
    if (state === 'ended' || state === 'failed') {
      this.controller = undefined;
      this.callId = undefined;
      this.controls.hidden = true;
      this.startButton.hidden = false;
      this.startButton.textContent = this.text.start;
      this.local.srcObject = null;
      this.remote.srcObject = null;
    }
  }
}
