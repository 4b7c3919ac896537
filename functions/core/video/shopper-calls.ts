import { fail, handleSharedFrame, isSharedFrame, type VideoCaller, type VideoDeps } from './calls';
import { readVideoFrame, type VideoEvent } from './protocol';

type ShopperCaller = Extract<VideoCaller, { party: 'shopper' }>;

/**
 * Every frame from a shopper's chat socket. Snapshots and outcomes are the agent's (agent-calls.ts): refused
 * here, and their code (after-sales decisions, outcome texts) stays out of the shopper's route bundle.
 */
export async function handleShopperVideoFrame(
  deps: VideoDeps,
  caller: ShopperCaller,
  body: string | null | undefined,
): Promise<VideoEvent> {
  const read = readVideoFrame(body);
  if (!read.ok) return read.error;
  const frame = read.frame;
  if (!isSharedFrame(frame)) return fail('video_forbidden', frame.callId);
  return handleSharedFrame(deps, caller, frame);
}
