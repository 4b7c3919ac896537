import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrivacyAudit, PrivacyRequestRecord } from '../../ports/privacy';

/** One JSON line per request in `<dataDir>/privacy/requests.jsonl`, readable by the owner only. */
export class FilePrivacyAudit implements PrivacyAudit {
  constructor(private readonly dataDir: string) {}

  async record(entry: PrivacyRequestRecord): Promise<void> {
    const dir = join(this.dataDir, 'privacy');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await appendFile(join(dir, 'requests.jsonl'), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  }
}
