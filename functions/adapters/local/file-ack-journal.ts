import { type FileHandle, open, readFile, rename, writeFile } from 'node:fs/promises';
import type { AckJournal } from '../../ports/ack-journal';
import type { StoredMessage } from '../../ports/repositories';

export interface JournalEntry {
  message: StoredMessage;
  replySeq: number;
  at: number;
}

/**
 * Appends one JSON line per acknowledged message and fsyncs it before the ack goes out: a kill -9 right after
 * the ack cannot take it back. Lines hold transcripts, so the file lives in the stack's data folder only.
 */
export class FileAckJournal implements AckJournal {
  private handle: Promise<FileHandle> | undefined;
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  record(entry: { message: StoredMessage; replySeq: number }): Promise<void> {
    const line = `${JSON.stringify({ ...entry, at: Date.now() } satisfies JournalEntry)}\n`;
    // One write at a time, in order; each waits for its own fsync.
    const written = this.tail.then(async () => {
      this.handle ??= open(this.file, 'a', 0o600);
      const handle = await this.handle;
      await handle.appendFile(line, 'utf8');
      await handle.sync();
    });
    this.tail = written.catch(() => undefined);
    return written;
  }
}

/** Every entry of a journal file (a torn last line from a kill mid-write is skipped: it was never acked). */
export async function readAckJournal(file: string): Promise<JournalEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch {
      // A line cut by a kill: its fsync never returned, so its message was never acknowledged.
    }
  }
  return entries;
}

/** Keeps only entries newer than `keepMs` (write then rename, so a kill mid-way leaves the old file whole). */
export async function compactAckJournal(
  file: string,
  entries: JournalEntry[],
  keepMs: number,
): Promise<void> {
  const cutoff = Date.now() - keepMs;
  const kept = entries.filter((entry) => entry.at >= cutoff);
  await writeFile(`${file}.tmp`, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''), { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}
