import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SigningSecretSource } from '../../ports/secrets';

/** The local store secret: created once in the data folder, readable by its owner only. */
export class FileSigningSecret implements SigningSecretSource {
  private cached?: Uint8Array;

  constructor(private readonly path: string) {}

  async getSigningSecret(): Promise<Uint8Array> {
    if (this.cached) return this.cached;
    this.cached = new TextEncoder().encode(await readOrCreateSecret(this.path));
    return this.cached;
  }
}

export async function readOrCreateSecret(path: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    try {
      await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch (writeError) {
      // Another process created it first: theirs wins so both sign with the same key.
      if ((writeError as NodeJS.ErrnoException).code === 'EEXIST')
        return (await readFile(path, 'utf8')).trim();
      throw writeError;
    }
  }
}
