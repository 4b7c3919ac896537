import { VIDEO_ERROR_CODES, type VideoErrorCode } from '../../../functions/core/video/session';
import {
  type CallController,
  type CallOptions,
  type CallState,
  openLocalMedia,
} from '../../video/src/call-types';
import { type ActionContext, actionsChanged, onAgentPush, registerAction } from './actions';
import { h } from './dom';
import { onLanguageChange, t } from './language';
import type { PlainKey } from './strings';

type VideoEvent = { type: string } & Record<string, unknown>;
type VideoModule = { start(options: CallOptions): CallController };

const OUTCOMES = ['verified', 'refused_on_delivery', 'return', 'replacement', 'refund'] as const;
const outcomeKey = (outcome: string): PlainKey | undefined =>
  (OUTCOMES as readonly string[]).includes(outcome)
    ? (`outcome_${outcome}` as `outcome_${(typeof OUTCOMES)[number]}`)
    : undefined;

/** The server's English message stays in logs; the agent reads the code's meaning in their language. */
const videoErrorText = (code: string): string =>
  (VIDEO_ERROR_CODES as readonly string[]).includes(code)
    ? t(`videoError_${code as VideoErrorCode}`)
    : t('callFailed');

const STATE_TEXT: Record<CallState, PlainKey> = {
  connecting: 'callConnecting',
  live: 'callLive',
  audio_only: 'callAudioOnly',
  reconnecting: 'callReconnecting',
  ended: 'callEnded',
  failed: 'callFailed',
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
const outcomeLabel = h('span', {});
let shownState: CallState | undefined;
const area = h(
  'div',
  { className: 'call', hidden: true },
  status,
  h('div', { className: 'videos' }, remote, local),
  h('label', {}, outcomeLabel, ' ', outcome),
);
local.muted = true;

/** The call area lives across redraws (a call goes on), so only its words change with the language. */
function label(): void {
  const chosen = outcome.value;
  outcome.replaceChildren(
    ...OUTCOMES.map((value) =>
      h('option', { value, selected: value === chosen }, t(outcomeKey(value) ?? 'outcome_verified')),
    ),
  );
  outcomeLabel.textContent = t('callOutcome');
  area.setAttribute('aria-label', t('videoCall'));
  remote.setAttribute('aria-label', t('shopperVideo'));
  local.setAttribute('aria-label', t('yourVideo'));
  if (shownState) status.textContent = t(STATE_TEXT[shownState]);
}
label();
onLanguageChange(label);

const onThisCase = (context: ActionContext) => call?.caseId === context.view.sessionId;
const bind = (context: ActionContext) => {
  send = context.send;
  announce = context.announce;
  if (area.parentElement !== context.panel) context.panel.append(area);
};

function show(state: CallState): void {
  shownState = state;
  area.hidden = false;
  status.textContent = t(STATE_TEXT[state]);
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
  show(state);
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
      announce(t('incomingCall'));
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
      show('connecting');
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
      announce(t('snapshotSaved'));
      return;
    case 'videoOutcome': {
      area.dataset.outcome = String(event.outcome);
      const key = outcomeKey(String(event.outcome));
      announce(t('outcomeRecorded', { outcome: key ? t(key) : String(event.decision ?? event.outcome) }));
      return;
    }
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
      announce(videoErrorText(String(event.code)));
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
    announce(t('snapshotFailed'));
  }
}

const requestId = () => `v${Math.random().toString(36).slice(2, 12)}`;

registerAction({
  id: 'accept-video',
  label: 'acceptVideo',
  available: (context) => !call && incoming.has(context.view.sessionId),
  run: (context) => {
    bind(context);
    const callId = incoming.get(context.view.sessionId);
    if (!callId) return;
    call = { callId, caseId: context.view.sessionId, tappedAt: performance.now(), media: openLocalMedia() };
    call.media?.catch(() => undefined);
    delete area.dataset.marks;
    show('connecting');
    if (!send({ action: 'acceptVideo', callId })) setState('failed');
  },
});

registerAction({
  id: 'start-video',
  label: 'startVideo',
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
    show('connecting');
    if (!send({ action: 'startVideo', requestId: requestId(), caseId: context.view.sessionId }))
      setState('failed');
  },
});

registerAction({
  id: 'video-snapshot',
  label: 'takeSnapshot',
  available: (context) => onThisCase(context) && Boolean(call?.controller),
  run: async (context) => {
    bind(context);
    const current = call;
    if (!current?.controller) return;
    const blob = await current.controller.snapshot().catch(() => undefined);
    if (!blob) return context.announce(t('noPicture'));
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
  label: 'recordOutcome',
  available: (context) => onThisCase(context) && Boolean(call?.controller),
  run: (context) => {
    bind(context);
    if (call) send({ action: 'videoOutcome', callId: call.callId, outcome: outcome.value });
  },
});

registerAction({
  id: 'end-video',
  label: 'endCall',
  available: onThisCase,
  run: (context) => {
    bind(context);
    if (!call) return;
    if (call.controller) call.controller.end();
    else if (call.callId) send({ action: 'endVideo', callId: call.callId });
    setState('ended');
  },
});
