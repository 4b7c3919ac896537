import {
  type AudioVideoObserver,
  ConsoleLogger,
  DefaultDeviceController,
  DefaultMeetingSession,
  LogLevel,
  MeetingSessionConfiguration,
  type MeetingSessionStatus,
  type VideoTileState,
} from 'amazon-chime-sdk-js';
import { type CallController, type CallOptions, snapshotOf, VIDEO_CONSTRAINTS } from './call-types';

/**
 * The cloud path: amazon-chime-sdk-js joins the Chime SDK meeting with the join information the server
 * sent to this party only. Chime's own signalling replaces the socket's; the socket still carries
 * joinVideo, first-frame and step-down reports and End call.
 */
export function startChimeCall(options: CallOptions): CallController {
  const join = options.join as unknown as { meeting: unknown; attendee: unknown };
  const logger = new ConsoleLogger('afterdesk-video', LogLevel.ERROR);
  const devices = new DefaultDeviceController(logger);
  const session = new DefaultMeetingSession(
    new MeetingSessionConfiguration(join.meeting, join.attendee),
    logger,
    devices,
  );
  const av = session.audioVideo;
  let firstFrame = false;
  let ended = false;
  let audioOnly = false;

  const stop = (state: 'ended' | 'failed', detail?: string) => {
    if (ended) return;
    ended = true;
    av.stop();
    options.onState(state, detail);
  };

  const observer: AudioVideoObserver = {
    audioVideoDidStart: () => {
      options.send({ action: 'joinVideo', callId: options.callId, ticket: options.ticket });
      options.onState('live');
    },
    audioVideoDidStop: (status: MeetingSessionStatus) =>
      stop(status.isFailure() ? 'failed' : 'ended', String(status.statusCode())),
    connectionDidSuggestStopVideo: () => {
      if (audioOnly) return;
      audioOnly = true;
      av.stopLocalVideoTile();
      options.send({ action: 'videoReport', callId: options.callId, stepDown: true });
      options.onState('audio_only', 'weak_network');
    },
    videoTileDidUpdate: (tile: VideoTileState) => {
      if (!tile.tileId) return;
      if (tile.localTile) av.bindVideoElement(tile.tileId, options.localVideo);
      else {
        av.bindVideoElement(tile.tileId, options.remoteVideo);
        if (!firstFrame) {
          firstFrame = true;
          const ms = Math.round(performance.now() - options.tappedAt);
          options.onFirstFrame?.(ms);
          options.send({ action: 'videoReport', callId: options.callId, firstFrameMs: ms });
        }
      }
    },
  };
  av.addObserver(observer);
  options.onState('connecting');
  void (async () => {
    try {
      // Media opened at the tap has answered the permission prompt; Chime opens its own device streams.
      const early = await options.localMedia?.catch(() => undefined);
      const [mic] = await av.listAudioInputDevices();
      const [camera] = await av.listVideoInputDevices();
      if (mic) await av.startAudioInput(mic.deviceId);
      if (camera) await av.startVideoInput({ deviceId: camera.deviceId, ...VIDEO_CONSTRAINTS });
      for (const track of early?.getTracks() ?? []) track.stop();
      av.chooseVideoInputQuality(640, 360, 15);
      av.setVideoMaxBandwidthKbps(350);
      av.start();
      av.startLocalVideoTile();
    } catch {
      stop('failed', 'start');
    }
  })();

  return {
    handle(event) {
      if (event.type === 'videoEnded') stop('ended');
    },
    setMuted: (muted) => (muted ? av.realtimeMuteLocalAudio() : av.realtimeUnmuteLocalAudio()),
    setCameraOff: (off) => (off ? av.stopLocalVideoTile() : av.startLocalVideoTile()),
    async switchCamera() {
      const cameras = await av.listVideoInputDevices();
      if (cameras.length > 1) await av.startVideoInput(cameras[1]?.deviceId ?? cameras[0]?.deviceId ?? '');
    },
    snapshot: () => snapshotOf(options.remoteVideo),
    end() {
      options.send({ action: 'endVideo', callId: options.callId });
      stop('ended');
    },
  };
}
