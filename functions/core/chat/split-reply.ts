import { MAX_FRAME_BYTES } from '../protocol';

/** Room for the event's other fields (ids, timestamps, language, intent) around the text. */
const ENVELOPE_BYTES = 2 * 1024;
export const MAX_REPLY_PART_BYTES = MAX_FRAME_BYTES - ENVELOPE_BYTES;

const jsonBytes = (text: string) => Buffer.byteLength(JSON.stringify(text), 'utf8');

/**
 * Splits a reply into parts whose JSON text fits one WebSocket frame (API Gateway's 32 KB), at a
 * paragraph break if it can, else a line, a sentence, a space, and only as a last resort between two
 * characters (never inside a surrogate pair). The parts joined give back the reply exactly.
 */
export function splitReply(text: string, maxBytes: number = MAX_REPLY_PART_BYTES): string[] {
  const parts: string[] = [];
  let rest = text;
  while (jsonBytes(rest) > maxBytes) {
    const limit = longestFittingPrefix(rest, maxBytes);
    const cut = bestBreak(rest.slice(0, limit)) || limit;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest || parts.length === 0) parts.push(rest);
  return parts;
}

/** The length, in UTF-16 units, of the longest prefix that fits; a binary search over the encoding. */
function longestFittingPrefix(text: string, maxBytes: number): number {
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (jsonBytes(text.slice(0, middle)) <= maxBytes) low = middle;
    else high = middle - 1;
  }
  const code = text.charCodeAt(low - 1);
  // A high surrogate at the end would split an emoji or a rare CJK character in two.
  return code >= 0xd800 && code <= 0xdbff && low > 1 ? low - 1 : low;
}

const BREAKS = [/\n\n(?=[^\n]*$)/, /\n(?=[^\n]*$)/, /[.!?。！？]\s*(?=[^.!?。！？]*$)/, /\s(?=\S*$)/];

/** Where to cut inside `head`: just after its last paragraph, line, sentence or word break in the back half. */
function bestBreak(head: string): number {
  for (const pattern of BREAKS) {
    const match = pattern.exec(head);
    if (match && match.index > head.length / 2) return match.index + match[0].length;
  }
  return 0;
}
