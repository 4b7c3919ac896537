import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AlertPublisher, KeywordSpikeAlert } from '../../ports/keyword-spikes';

export interface AlertLogger {
  warn(message: string, extra: Record<string, unknown>): void;
}

export function keywordSpikeFile(dataDir: string): string {
  return join(dataDir, 'alerts', 'keyword-spikes.ndjson');
}

/** The local AlertPublisher: a log line for the terminal and a line in a file for the analytics page. */
export class FileAlertPublisher implements AlertPublisher {
  constructor(
    private readonly dataDir: string,
    private readonly logger: AlertLogger,
  ) {}

  async publish(alert: KeywordSpikeAlert): Promise<void> {
    this.logger.warn('keyword spike', { ...alert });
    const file = keywordSpikeFile(this.dataDir);
    await mkdir(join(this.dataDir, 'alerts'), { recursive: true });
    await appendFile(file, `${JSON.stringify(alert)}\n`);
  }
}

/** Newest first; a line cut short by a crash mid-append is skipped rather than failing the page. */
export async function readKeywordSpikes(dataDir: string, limit = 100): Promise<KeywordSpikeAlert[]> {
  let text: string;
  try {
    text = await readFile(keywordSpikeFile(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const alerts: KeywordSpikeAlert[] = [];
  for (const line of text.split('\n').reverse()) {
    if (alerts.length >= limit) break;
    if (!line.trim()) continue;
    try {
      alerts.push(JSON.parse(line) as KeywordSpikeAlert);
    } catch {}
  }
  return alerts;
}
