import {
  type CallController,
  type CallOptions,
  MAX_VIDEO_BITRATE,
  onFirstFrame,
  openLocalMedia,
  snapshotOf,
  VIDEO_CONSTRAINTS,
} from './call-types';

/** Consecutive 2-second samples limited by bandwidth before video gives way to audio. */
const DEGRADED_SAMPLES = 3;
const STATS_EVERY_MS = 2_000;
/** Below this the outgoing estimate cannot carry 640×360 at a watchable rate. */
const MIN_VIDEO_BPS = 90_000;
/**
 * How long an offer or answer waits for ICE gathering: host candidates gather in milliseconds and then ride
 * in the SDP (one relayed frame instead of one per candidate, and checks start on arrival); slower ones
 * (STUN/TURN) trickle after it.
 */
const GATHER_WAIT_MS = 40;

function gathered(peer: RTCPeerConnection): Promise<void> {
  if (peer.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      peer.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => {
      if (peer.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, GATHER_WAIT_MS);
    peer.addEventListener('icegatheringstatechange', check);
  });
}

/**
 * The embedded default: browser-to-browser WebRTC, signalled over the chat (or console) socket. The
 * shopper offers once both sides have joined; a rejoin after a drop negotiates a fresh connection.
 */
export function startLocalCall(options: CallOptions): CallController {
  let local: MediaStream | undefined;
  let pc: RTCPeerConnection | undefined;
  let facing: 'user' | 'environment' = 'user';
  let audioOnly = false;
  let degraded = 0;
  let firstFrameSeen = false;
  let statsTimer: ReturnType<typeof setInterval> | undefined;
  let ended = false;
  const pendingIce: RTCIceCandidateInit[] = [];
  const sdpSent = new WeakSet<RTCPeerConnection>();

  const mark = (name: string) => options.onMark?.(name, Math.round(performance.now() - options.tappedAt));
  mark('module');
  const media = (options.localMedia ?? openLocalMedia()).then((stream) => {
    mark('media');
    local = stream;
    options.localVideo.srcObject = stream;
    options.localVideo.muted = true;
    options.send({ action: 'joinVideo', callId: options.callId, ticket: options.ticket });
    return stream;
  });
  media.catch(() => options.onState('failed', 'permission'));

  function signal(body: Record<string, unknown>): void {
    options.send({ action: 'videoSignal', callId: options.callId, signal: body });
  }

  async function connect(offerer: boolean): Promise<void> {
    const stream = await media;
    pc?.close();
    const peer = new RTCPeerConnection({ iceServers: options.iceServers ?? [] });
    pc = peer;
    for (const track of stream.getTracks()) peer.addTrack(track, stream);
    // Candidates gathered before the SDP leaves are in it; only later ones trickle.
    sdpSent.delete(peer);
    peer.onicecandidate = (event) => {
      if (event.candidate && sdpSent.has(peer))
        signal({
          kind: 'ice',
          candidate: event.candidate.candidate,
          sdpMid: event.candidate.sdpMid,
          sdpMLineIndex: event.candidate.sdpMLineIndex,
        });
    };
    peer.ontrack = (event) => {
      const [remote] = event.streams;
      if (remote && options.remoteVideo.srcObject !== remote) options.remoteVideo.srcObject = remote;
      if (event.track.kind === 'video' && !firstFrameSeen)
        onFirstFrame(options.remoteVideo, () => {
          if (firstFrameSeen) return;
          firstFrameSeen = true;
          const ms = Math.round(performance.now() - options.tappedAt);
          options.onFirstFrame?.(ms);
          options.send({ action: 'videoReport', callId: options.callId, firstFrameMs: ms });
        });
    };
    peer.onconnectionstatechange = () => {
      if (peer !== pc) return;
      if (peer.connectionState === 'connected') {
        mark('connected');
        options.onState(audioOnly ? 'audio_only' : 'live');
        void capBitrate(peer);
      } else if (peer.connectionState === 'disconnected' || peer.connectionState === 'failed')
        options.onState('reconnecting');
    };
    if (offerer) {
      await peer.setLocalDescription(await peer.createOffer());
      await gathered(peer);
      sdpSent.add(peer);
      signal({ kind: 'offer', sdp: peer.localDescription?.sdp ?? '' });
      mark('offer_sent');
    }
    clearInterval(statsTimer);
    statsTimer = setInterval(() => void watch(peer), STATS_EVERY_MS);
  }

  async function capBitrate(peer: RTCPeerConnection): Promise<void> {
    for (const sender of peer.getSenders()) {
      if (sender.track?.kind !== 'video') continue;
      const parameters = sender.getParameters();
      parameters.encodings = parameters.encodings?.length ? parameters.encodings : [{}];
      for (const encoding of parameters.encodings) {
        encoding.maxBitrate = MAX_VIDEO_BITRATE;
        encoding.maxFramerate = 15;
      }
      await sender.setParameters(parameters).catch(() => undefined);
    }
  }

  /** The WebRTC stats say the network cannot carry video: step down to audio, once. */
  async function watch(peer: RTCPeerConnection): Promise<void> {
    if (audioOnly || peer !== pc || peer.connectionState !== 'connected') return;
    let limited = false;
    (await peer.getStats()).forEach((report) => {
      const r = report as Record<string, unknown>;
      if (r.type === 'outbound-rtp' && r.kind === 'video' && r.qualityLimitationReason === 'bandwidth')
        limited = true;
      if (
        r.type === 'candidate-pair' &&
        r.nominated &&
        typeof r.availableOutgoingBitrate === 'number' &&
        r.availableOutgoingBitrate < MIN_VIDEO_BPS
      )
        limited = true;
    });
    degraded = limited ? degraded + 1 : 0;
    if (degraded >= DEGRADED_SAMPLES) stepDown();
  }

  function stepDown(): void {
    if (audioOnly) return;
    audioOnly = true;
    for (const sender of pc?.getSenders() ?? [])
      if (sender.track?.kind === 'video') void sender.replaceTrack(null);
    for (const track of local?.getVideoTracks() ?? []) track.enabled = false;
    options.send({ action: 'videoReport', callId: options.callId, stepDown: true });
    options.onState('audio_only', 'weak_network');
  }

  async function onSignal(body: Record<string, unknown>): Promise<void> {
    if (body.kind === 'offer') {
      mark('offer_received');
      await connect(false);
      const peer = pc as RTCPeerConnection;
      await peer.setRemoteDescription({ type: 'offer', sdp: String(body.sdp) });
      for (const candidate of pendingIce.splice(0))
        await peer.addIceCandidate(candidate).catch(() => undefined);
      await peer.setLocalDescription(await peer.createAnswer());
      await gathered(peer);
      sdpSent.add(peer);
      signal({ kind: 'answer', sdp: peer.localDescription?.sdp ?? '' });
      mark('answer_sent');
    } else if (body.kind === 'answer') {
      mark('answer_received');
      await pc?.setRemoteDescription({ type: 'answer', sdp: String(body.sdp) });
      for (const candidate of pendingIce.splice(0))
        await pc?.addIceCandidate(candidate).catch(() => undefined);
    } else if (body.kind === 'ice') {
      const candidate = {
        candidate: String(body.candidate ?? ''),
        sdpMid: (body.sdpMid as string | null) ?? null,
        sdpMLineIndex: (body.sdpMLineIndex as number | null) ?? null,
      };
      if (pc?.remoteDescription) await pc.addIceCandidate(candidate).catch(() => undefined);
      else pendingIce.push(candidate);
    }
  }

  function stop(state: 'ended' | 'failed'): void {
    if (ended) return;
    ended = true;
    clearInterval(statsTimer);
    pc?.close();
    for (const track of local?.getTracks() ?? []) track.stop();
    options.onState(state);
  }

  options.onState('connecting');
  return {
    handle(event) {
      if (ended) return;
      if (event.type === 'videoState' && event.status === 'joined' && event.peerJoined) {
        mark('peer');
        // The answerer builds its connection when the offer arrives; a connection from before a drop is
        // closed now, so no candidate meant for the new one lands on it.
        if (event.offerer === options.role)
          void connect(true).catch(() => options.onState('failed', 'connect'));
        else {
          pc?.close();
          pc = undefined;
        }
      } else if (event.type === 'videoSignal')
        void onSignal(event.signal as Record<string, unknown>).catch(() =>
          options.onState('failed', 'signal'),
        );
      else if (event.type === 'videoEnded') stop('ended');
    },
    setMuted(muted) {
      for (const track of local?.getAudioTracks() ?? []) track.enabled = !muted;
    },
    setCameraOff(off) {
      for (const track of local?.getVideoTracks() ?? []) track.enabled = !off && !audioOnly;
    },
    async switchCamera() {
      facing = facing === 'user' ? 'environment' : 'user';
      const next = await navigator.mediaDevices.getUserMedia({
        video: { ...VIDEO_CONSTRAINTS, facingMode: facing },
      });
      const [track] = next.getVideoTracks();
      if (!track || !local) return;
      for (const old of local.getVideoTracks()) {
        local.removeTrack(old);
        old.stop();
      }
      local.addTrack(track);
      for (const sender of pc?.getSenders() ?? [])
        if (sender.track?.kind === 'video' || sender.track === null) await sender.replaceTrack(track);
    },
    snapshot: () => snapshotOf(options.remoteVideo),
    end() {
      options.send({ action: 'endVideo', callId: options.callId });
      stop('ended');
    },
  };
}
