import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface ShardCheckpoint {
  /** The last sequence number processed; absent for a shard read from LATEST that has had no record yet. */
  readonly sequenceNumber?: string;
  /** The shard is closed and every record of it was processed. */
  readonly finished?: boolean;
}

export interface StoredCheckpoints {
  /** False on a first start, or when the stream changed (the table was re-created): nothing to resume. */
  readonly resumed: boolean;
  readonly shards: ReadonlyMap<string, ShardCheckpoint>;
}

interface CheckpointFile {
  readonly version: 1;
  readonly streamArn: string;
  readonly shards: Record<string, ShardCheckpoint>;
}

/**
 * Keeps the per-shard positions of one stream in a JSON file, so a restarted poller resumes where it
 * stopped. Without a file it only remembers in memory. Writes replace the file atomically and one at a
 * time, so a crash leaves either the old or the new positions, never half a file.
 */
export class CheckpointStore {
  private writes: Promise<void> = Promise.resolve();
  private writeCount = 0;

  constructor(private readonly file: string | undefined) {}

  async load(streamArn: string): Promise<StoredCheckpoints> {
    if (!this.file) return { resumed: false, shards: new Map() };
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { resumed: false, shards: new Map() };
      throw error;
    }
    let stored: Partial<CheckpointFile>;
    try {
      stored = JSON.parse(text) as Partial<CheckpointFile>;
    } catch (error) {
      throw new Error(`Checkpoint file ${this.file} is not JSON; fix or delete it`, { cause: error });
    }
    if (stored.version !== 1 || stored.streamArn !== streamArn || typeof stored.shards !== 'object') {
      return { resumed: false, shards: new Map() };
    }
    return { resumed: true, shards: new Map(Object.entries(stored.shards ?? {})) };
  }

  save(streamArn: string, shards: ReadonlyMap<string, ShardCheckpoint>): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    const content: CheckpointFile = { version: 1, streamArn, shards: Object.fromEntries(shards) };
    const temporary = `${file}.${process.pid}.${++this.writeCount}.tmp`;
    const write = this.writes.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`);
      await rename(temporary, file);
    });
    // A failed write is reported to its caller; the next write must still run.
    this.writes = write.catch(() => undefined);
    return write;
  }

  /** Resolves once every write started so far has finished. */
  flush(): Promise<void> {
    return this.writes;
  }
}
