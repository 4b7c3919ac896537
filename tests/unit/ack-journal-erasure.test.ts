import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  eraseSessionsFromAckJournal,
  FileAckJournal,
  readAckJournal,
} from '../../functions/adapters/local/file-ack-journal';
import type { StoredMessage } from '../../functions/ports/repositories';

let dir: string;
let file: string;

const message = (sessionId: string, seq: number, text: string): StoredMessage => ({
  sessionId,
  seq,
  role: 'shopper',
  text,
  createdAt: '2026-12-06T06:00:00Z',
  clientMessageId: `${sessionId}-${seq}`,
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ack-journal-'));
  file = join(dir, 'acked-messages.ndjson');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('erasing sessions from the ack journal', () => {
  it('removes the erased sessions’ transcripts and keeps everyone else’s entries', async () => {
    const journal = new FileAckJournal(file);
    await journal.record({ message: message('s-ana', 1, 'my address is Hauptstr. 5'), replySeq: 2 });
    await journal.record({ message: message('s-ben', 1, 'where is my order?'), replySeq: 2 });
    await journal.record({ message: message('s-ana', 3, 'thanks'), replySeq: 4 });

    expect(await eraseSessionsFromAckJournal(file, ['s-ana'])).toBe(2);

    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('Hauptstr');
    expect(text).not.toContain('s-ana');
    expect((await readAckJournal(file)).map((entry) => entry.message.sessionId)).toEqual(['s-ben']);
  });

  it('keeps journaling into the rewritten file: an ack after the erasure is not lost with the old file', async () => {
    const journal = new FileAckJournal(file);
    await journal.record({ message: message('s-ana', 1, 'erase me'), replySeq: 2 });
    await eraseSessionsFromAckJournal(file, ['s-ana']);
    await journal.record({ message: message('s-ben', 1, 'acked after the erasure'), replySeq: 2 });
    await journal.record({ message: message('s-ben', 3, 'and another'), replySeq: 4 });

    const texts = (await readAckJournal(file)).map((entry) => entry.message.text);
    expect(texts).toContain('acked after the erasure');
    expect(texts).toContain('and another');
    expect(texts).not.toContain('erase me');
  });

  it('finds nothing to erase in a missing journal', async () => {
    expect(await eraseSessionsFromAckJournal(join(dir, 'absent.ndjson'), ['s-ana'])).toBe(0);
  });
});
