import { errorEvent, type ServerEvent } from '../protocol';
import { readFrame } from './read-frame';

const KNOWN_ACTIONS = ['sendMessage', 'resume', 'requestUpload', 'ping'];

/** $default: whatever API Gateway could not route. Heartbeats land here too, at no extra route cost. */
export function routeDefault(body: string | undefined | null, now: Date = new Date()): ServerEvent {
  const frame = readFrame(body);
  if (!frame.ok) return frame.error;
  const action = frame.value.action;
  if (action === 'ping') return { type: 'pong', at: now.toISOString() };
  if (typeof action !== 'string' || action === '') {
    return errorEvent('invalid_message', 'Every message needs an "action" field, e.g. "sendMessage".');
  }
  return errorEvent(
    'unknown_action',
    `Unknown action "${action.slice(0, 40)}". Known actions: ${KNOWN_ACTIONS.join(', ')}.`,
  );
}
