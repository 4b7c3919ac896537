/** What the widget (or the console) gives a call module, and what it gets back. Shared by both chunks. */
export type CallRole = 'shopper' | 'agent';
export type CallState = 'connecting' | 'live' | 'audio_only' | 'reconnecting' | 'ended' | 'failed';

export interface CallOptions {
  role: CallRole;
  callId: string;
  ticket: string;
  join: Record<string, unknown> & { mode: 'webrtc' | 'chime' };
  /** When the person tapped Start (or Accept): first-frame times are measured from it. */
  tappedAt: number;
  send(frame: Record<string, unknown>): void;
  localVideo: HTMLVideoElement;
  remoteVideo: HTMLVideoElement;
  onState(state: CallState, detail?: string): void;
  /** Milliseconds from the tap to the first remote frame decoded here. */
  onFirstFrame?(ms: number): void;
  /** Camera and microphone already being opened (from the tap, beside the signalling); else the call opens them. */
  localMedia?: Promise<MediaStream>;
  /** Milestones of the connection, in ms from the tap (join, media, peer, offer, answer, connected): where the time goes. */
  onMark?(name: string, ms: number): void;
  iceServers?: RTCIceServer[];
}

export interface CallController {
  /** Video events from the socket (videoState, videoSignal, videoEnded). */
  handle(event: { type: string } & Record<string, unknown>): void;
  setMuted(muted: boolean): void;
  setCameraOff(off: boolean): void;
  switchCamera(): Promise<void>;
  /** A JPEG of the remote video (the agent's evidence snapshot). */
  snapshot(): Promise<Blob>;
  end(): void;
}

/** Weak phones and networks: 640×360 at 15 fps, and a bitrate cap that leaves room for audio. */
export const VIDEO_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 360 },
  frameRate: { ideal: 15, max: 15 },
  facingMode: 'user',
};
export const MAX_VIDEO_BITRATE = 350_000;

/** Opens camera and microphone with the call's constraints (the browser's permission prompt on first use). */
export function openLocalMedia(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ audio: true, video: VIDEO_CONSTRAINTS });
}

export function snapshotOf(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth || 640;
  canvas.height = video.videoHeight || 360;
  canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no snapshot'))), 'image/jpeg', 0.85),
  );
}

/** Calls back on the first decoded frame of a video element (requestVideoFrameCallback where available). */
export function onFirstFrame(video: HTMLVideoElement, callback: () => void): void {
  const withCallback = video as HTMLVideoElement & { requestVideoFrameCallback?(cb: () => void): number };
  if (withCallback.requestVideoFrameCallback) withCallback.requestVideoFrameCallback(() => callback());
  else video.addEventListener('loadeddata', () => callback(), { once: true });
}
