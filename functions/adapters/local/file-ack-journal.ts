import { type FileHandle, open, readFile, rename, stat, writeFile } from 'node:fs/promises';
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
      await this.append(line);
      // An erasure may have replaced the file (write then rename) while this handle still wrote to the old
      // one: the line goes to the new file too. A line in both is harmless (replay skips what is stored).
      if (await this.replaced()) {
        const old = this.handle;
        this.handle = undefined;
        await (await old)?.close();
        await this.append(line);
      }
    });
    this.tail = written.catch(() => undefined);
    return written;
  }

  private async append(line: string): Promise<void> {
    this.handle ??= open(this.file, 'a', 0o600);
    const handle = await this.handle;
    await handle.appendFile(line, 'utf8');
    await handle.sync();
  }

  private async replaced(): Promise<boolean> {
    const handle = await this.handle;
    if (!handle) return false;
    const [current, onDisk] = await Promise.all([handle.stat(), stat(this.file).catch(() => undefined)]);
    return onDisk?.ino !== current.ino;
  }
}

/**
 * Removes the entries of erased sessions (they hold transcripts) by writing the rest to a new file and
 * renaming it over the journal, so a kill mid-way leaves the old file whole. Lines the running stack
 * appended to the old file meanwhile are copied over after the rename (and the stack re-appends its next
 * lines to the new file, see `FileAckJournal.record`). Returns how many entries were removed.
 */
export async function eraseSessionsFromAckJournal(
  file: string,
  sessionIds: readonly string[],
): Promise<number> {
  const erased = new Set(sessionIds);
  let source: FileHandle;
  try {
    source = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  try {
    const head = await source.readFile();
    // A line still being appended is finished from the tail below, never split in two.
    const whole = head.lastIndexOf(0x0a) + 1;
    const first = keepLines(head.subarray(0, whole).toString('utf8'), erased);
    if (first.removed === 0) return 0;
    const next = await open(`${file}.erasing`, 'w', 0o600);
    try {
      await next.writeFile(first.kept, 'utf8');
      await next.sync();
    } finally {
      await next.close();
    }
    await rename(`${file}.erasing`, file);
    let removed = first.removed;
    let pending = head.subarray(whole);
    for (let offset = head.length; ; ) {
      const { bytesRead, buffer } = await source.read({ buffer: Buffer.alloc(1 << 16), position: offset });
      const chunk = Buffer.concat([pending, buffer.subarray(0, bytesRead)]);
      const end = bytesRead === 0 ? chunk.length : chunk.lastIndexOf(0x0a) + 1;
      const late = keepLines(chunk.subarray(0, end).toString('utf8'), erased);
      removed += late.removed;
      if (late.kept) await writeFile(file, late.kept, { flag: 'a', mode: 0o600 });
      pending = chunk.subarray(end);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return removed;
  } finally {
    await source.close();
  }
}

function keepLines(text: string, erased: ReadonlySet<string>): { kept: string; removed: number } {
  let removed = 0;
  const kept = text
    .split('\n')
    .filter((line) => {
      if (!line.trim()) return false;
      try {
        const sessionId = (JSON.parse(line) as JournalEntry).message?.sessionId;
        if (erased.has(sessionId)) {
          removed += 1;
          return false;
        }
      } catch {
        // A torn line is kept as it was: it is not ours to judge here.
      }
      return true;
    })
    .map((line) => `${line}\n`)
    .join('');
  return { kept, removed };
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
