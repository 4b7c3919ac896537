import type { Translator } from '../../ports/console';
import type { StoredMessage } from '../../ports/repositories';
import { describeEvidence, type PhotoEvidence } from '../photos/evidence';
import type { ConsoleMessage } from './agent-protocol';
import type { PhotoViewer } from './deps';

/** The photo pipeline may store what it read from each photo on the message; shown when present. */
interface AttachmentWithReading {
  key: string;
  reading?: unknown;
  description?: unknown;
  summary?: unknown;
}

function readingOf(attachment: AttachmentWithReading, message: StoredMessage): string | undefined {
  const stored = message as StoredMessage & { photoReadings?: Record<string, unknown> };
  const candidates = [
    attachment.reading,
    attachment.description,
    attachment.summary,
    stored.photoReadings?.[attachment.key],
  ];
  const text = candidates.find((value): value is string => typeof value === 'string' && value.length > 0);
  return text?.slice(0, 500);
}

const baseLanguage = (tag: string | undefined) => tag?.toLowerCase().split(/[-_]/)[0];

/**
 * A stored message as an agent sees it: shopper text in the agent's language when a translator exists
 * (else marked untranslated, so nobody mistakes the original for a translation), photos as short-lived URLs.
 */
export async function toConsoleMessage(
  deps: { translator: Translator; photos: PhotoViewer },
  message: StoredMessage,
  agentLanguage: string | undefined,
  /** Shopper messages are stored before their language is read: the session's language stands in. */
  sessionLanguage?: string,
): Promise<ConsoleMessage> {
  const language = message.language ?? (message.role === 'shopper' ? sessionLanguage : undefined);
  const view: ConsoleMessage = {
    seq: message.seq,
    role: message.role,
    text: message.text,
    createdAt: message.createdAt,
    ...(language ? { language } : {}),
    ...(message.intent ? { intent: message.intent } : {}),
    ...(message.agentName ? { agentName: message.agentName } : {}),
    ...(message.original ? { original: message.original } : {}),
    ...(message.event ? { event: message.event } : {}),
  };
  // The assistant's reply to a photo carries what was read from each one: shown beside that photo.
  const readings = Array.isArray(message.photoReadings) ? (message.photoReadings as PhotoEvidence[]) : [];
  if (!message.attachments?.length && readings.length > 0) {
    view.photos = await Promise.all(
      readings.map(async (evidence) => {
        const url = await deps.photos.viewUrl(evidence.key).catch(() => undefined);
        return {
          key: evidence.key,
          ...(url ? { url } : {}),
          reading: describeEvidence(evidence).slice(0, 500),
        };
      }),
    );
  }
  if (message.attachments?.length) {
    view.photos = await Promise.all(
      (message.attachments as AttachmentWithReading[]).map(async (attachment) => {
        const reading = readingOf(attachment, message);
        const url = await deps.photos.viewUrl(attachment.key).catch(() => undefined);
        return { key: attachment.key, ...(url ? { url } : {}), ...(reading ? { reading } : {}) };
      }),
    );
  }
  if (message.role === 'shopper' && agentLanguage) {
    const same = baseLanguage(language) === baseLanguage(agentLanguage);
    if (!same) {
      const result = deps.translator.available
        ? await deps.translator
            .translate(message.text, agentLanguage, language)
            .catch(() => ({ translated: false as const, text: message.text }))
        : ({ translated: false, text: message.text } as const);
      view.translation = result.translated
        ? { text: result.text, from: result.sourceLanguage }
        : { untranslated: true };
    }
  }
  return view;
}
