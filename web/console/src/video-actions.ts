import {
  type CallController,
  type CallOptions,
  type CallState,
  openLocalMedia,
} from '../../video/src/call-types';
import { type ActionContext, actionsChanged, onAgentPush, registerAction } from './actions';
import { h } from './dom';

type VideoEvent = { type: string } & Record<string, unknown>;
type VideoModule = { start(options: CallOptions): CallController };

const OUTCOMES = [
  ['verified', 'Verified'],
  ['refused_on_delivery', 'Refused on delivery'],
  ['return', 'Return'],
  ['replacement', 'Replacement'],
  ['refund', 'Refund'],
] as const;

const STATE_TEXT: Record<CallState, string> = {
  connecting: 'Connecting the call…',
  live: 'On a video call with the shopper.',
  audio_only: "The shopper's connection is weak: audio only.",
  reconnecting: 'Reconnecting the call…',
  ended: 'The call has ended.',
  failed: 'The call could not be connected.',
};

const loaded = new Map<string, Promise<VideoModule>>();
/** The call code sits beside console.js and is fetched only when a call starts (Chime's is ~300 KB gzipped). */
function loadVideoModule(mode: 'webrtc' | 'chime'): Promise<VideoModule> {
  const file = mode === 'chime' ? 'afterdesk-video-chime.js' : 'afterdesk-video.js';
  let loading = loaded.get(file);
  if (!loading) {
    loading = new Promise<VideoModule>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(file, location.href).href;
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

/** Calls waiting for an agent, by case; the call this console is on, if any. */
const incoming = new Map<string, string>();
interface ActiveCall {
  callId: string;
  caseId: string;
  controller?: CallController;
  state?: CallState;
  tappedAt: number;
  /** Camera and microphone, opened at the tap beside the signalling rather than after it. */
  media?: Promise<MediaStream>;
}
let call: ActiveCall | undefined;
let send: (body: Record<string, unknown>) => boolean = () => false;
let announce: (text: string) => void = () => undefined;

const status = h('p', { className: 'meta', role: 'status', id: 'call-status' });
const remote = h('video', { id: 'call-remote', autoplay: true, playsInline: true }) as HTMLVideoElement;
const local = h('video', {
  id: 'call-local',
  autoplay: true,
  playsInline: true,
  muted: true,
}) as HTMLVideoElement;
const outcome = h('select', { id: 'call-outcome' });
for (const [value, label] of OUTCOMES) outcome.append(h('option', { value }, label));
const area = h(
  'div',
  { className: 'call', hidden: true, 'aria-label': 'Video call' },
  status,
  h('div', { className: 'videos' }, remote, local),
  h('label', {}, 'Outcome ', outcome),
);
local.muted = true;
remote.setAttribute('aria-label', "The shopper's video");
local.setAttribute('aria-label', 'Your video');

const onThisCase = (context: ActionContext) => call?.caseId === context.view.sessionId;
const bind = (context: ActionContext) => {
  send = context.send;
  announce = context.announce;
  if (area.parentElement !== context.panel) context.panel.append(area);
};

function show(text: string): void {
  area.hidden = false;
  status.textContent = text;
}

function mark(
  current: ActiveCall,
  name: string,
  ms = Math.round(performance.now() - current.tappedAt),
): void {
  if (call !== current) return;
  const marks = JSON.parse(area.dataset.marks ?? '{}') as Record<string, number>;
  marks[name] = ms;
  area.dataset.marks = JSON.stringify(marks);
}

/** Media opened at a tap whose call never started (refused, failed) is closed again. */
function releaseEarlyMedia(current: ActiveCall): void {
  if (current.controller || !current.media) return;
  void current.media.then((stream) => {
    for (const track of stream.getTracks()) track.stop();
  });
}

function setState(state: CallState): void {
  if (!call) return;
  call.state = state;
  area.dataset.callState = state;
  show(STATE_TEXT[state]);
  if (state === 'ended' || state === 'failed') {
    releaseEarlyMedia(call);
    call = undefined;
    local.srcObject = null;
    remote.srcObject = null;
  }
  actionsChanged();
}

/** The agent's side of a call: everything arrives as pushes on the console's socket. */
onAgentPush((event: VideoEvent, tools) => {
  send = tools.send;
  announce = tools.announce;
  switch (event.type) {
    case 'videoIncoming': {
      incoming.set(String(event.caseId), String(event.callId));
      // While it rings: the call code is ready before the agent taps Accept.
      void loadVideoModule(event.mode === 'chime' ? 'chime' : 'webrtc').catch(() => undefined);
      announce('Incoming video call: open the conversation to accept it.');
      actionsChanged();
      return;
    }
    case 'videoJoin': {
      const callId = String(event.callId);
      const caseId = String(event.caseId);
      incoming.delete(caseId);
      if (call?.controller && call.callId === callId) {
        // Join information again after a drop: same media, a fresh ticket.
        send({ action: 'joinVideo', callId, ticket: String(event.ticket) });
        return;
      }
      const current: ActiveCall = {
        callId,
        caseId,
        tappedAt: call?.tappedAt ?? performance.now(),
        media: call?.media ?? openLocalMedia(),
      };
      current.media?.catch(() => undefined);
      call = current;
      mark(current, 'join');
      area.dataset.callId = callId;
      show(STATE_TEXT.connecting);
      const join = event.join as CallOptions['join'];
      loadVideoModule(join.mode)
        .then((module) => {
          if (call !== current) return;
          current.controller = module.start({
            role: 'agent',
            callId,
            ticket: String(event.ticket),
            join,
            tappedAt: current.tappedAt,
            ...(current.media ? { localMedia: current.media } : {}),
            onMark: (name, ms) => mark(current, name, ms),
            send: (frame) => void send(frame),
            localVideo: local,
            remoteVideo: remote,
            onState: (state) => setState(state),
            onFirstFrame: (ms) => {
              area.dataset.firstFrameMs = String(ms);
            },
          });
          actionsChanged();
        })
        .catch(() => setState('failed'));
      return;
    }
    case 'videoSnapshotUpload':
      void uploadSnapshot(event);
      return;
    case 'videoSnapshot':
      area.dataset.snapshots = String(Number(area.dataset.snapshots ?? 0) + 1);
      announce('Snapshot saved on the case as a photo.');
      return;
    case 'videoOutcome':
      area.dataset.outcome = String(event.outcome);
      announce(`Outcome recorded: ${String(event.decision ?? event.outcome)}`);
      return;
    case 'videoUnavailable':
      announce(String(event.text));
      return;
    case 'videoEnded':
      call?.controller?.handle(event);
      if (call && call.callId === event.callId) setState('ended');
      for (const [caseId, callId] of incoming) if (callId === event.callId) incoming.delete(caseId);
      actionsChanged();
      return;
    case 'videoError':
      announce(String(event.message));
      if (call && !call.controller) setState('failed');
      return;
    default:
      if (event.type.startsWith('video')) call?.controller?.handle(event);
  }
});

async function uploadSnapshot(event: VideoEvent): Promise<void> {
  const controller = call?.controller;
  if (!controller) return;
  try {
    const blob = await controller.snapshot();
    const form = new FormData();
    for (const [name, value] of Object.entries(event.fields as Record<string, string>))
      form.append(name, value);
    form.append('file', blob, 'snapshot.jpg');
    const response = await fetch(String(event.url), { method: 'POST', body: form });
    if (!response.ok) throw new Error(`upload ${response.status}`);
    send({ action: 'videoSnapshot', callId: event.callId, requestId: event.requestId, key: event.key });
  } catch {
    announce('The snapshot could not be saved. Try again.');
  }
}

const requestId = () => `v${Math.random().toString(36).slice(2, 12)}`;

registerAction({
  id: 'accept-video',
  label: 'Accept video call',
  available: (context) => !call && incoming.has(context.view.sessionId),
  run: (context) => {
    bind(context);
    const callId = incoming.get(context.view.sessionId);
    if (!callId) return;
    call = { callId, caseId: context.view.sessionId, tappedAt: performance.now(), media: openLocalMedia() };
    call.media?.catch(() => undefined);
    delete area.dataset.marks;
    show(STATE_TEXT.connecting);
    if (!send({ action: 'acceptVideo', callId })) setState('failed');
  },
});

registerAction({
  id: 'start-video',
  label: 'Start video call',
  // From a conversation nobody else owns; one call at a time per console.
  available: (context) =>
    !call &&
    !incoming.has(context.view.sessionId) &&
    (context.entry?.status !== 'assigned' || context.entry.ownerAgentId === context.me.agentId),
  run: (context) => {
    bind(context);
    call = {
      callId: '',
      caseId: context.view.sessionId,
      tappedAt: performance.now(),
      media: openLocalMedia(),
    };
    call.media?.catch(() => undefined);
    delete area.dataset.marks;
    show(STATE_TEXT.connecting);
    if (!send({ action: 'startVideo', requestId: requestId(), caseId: context.view.sessionId }))
      setState('failed');
  },
});

registerAction({
  id: 'video-snapshot',
  label: 'Take snapshot',
  available: (context) => onThisCase(context) && Boolean(call?.controller),
  run: async (context) => {
    bind(context);
    const current = call;
    if (!current?.controller) return;
    const blob = await current.controller.snapshot().catch(() => undefined);
    if (!blob) return context.announce('No picture to take yet.');
    send({
      action: 'videoSnapshot',
      callId: current.callId,
      requestId: requestId(),
      contentType: 'image/jpeg',
      bytes: blob.size,
    });
  },
});

registerAction({
  id: 'video-outcome',
  label: 'Record outcome',
  available: (context) => onThisCase(context) && Boolean(call?.controller),
  run: (context) => {
    bind(context);
    if (call) send({ action: 'videoOutcome', callId: call.callId, outcome: outcome.value });
  },
});

registerAction({
  id: 'end-video',
  label: 'End call',
  available: onThisCase,
  run: (context) => {
    bind(context);
    if (!call) return;
    if (call.controller) call.controller.end();
    else if (call.callId) send({ action: 'endVideo', callId: call.callId });
    setState('ended');
  },
});
