import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { MODELS_DIR } from './data';

export const REPO_ROOT = path.resolve(MODELS_DIR, '..');

function filesUnder(relative: string): string[] {
  const absolute = path.join(REPO_ROOT, relative);
  if (!statSync(absolute).isDirectory()) return [relative];
  return readdirSync(absolute)
    .sort()
    .flatMap((name) => filesUnder(path.posix.join(relative, name)));
}

/**
 * sha256 over the inputs' paths and contents, line endings normalised so that a Windows checkout of the
 * same commit agrees.
 */
export function sourceHash(inputs: readonly string[]): string {
  const hash = createHash('sha256');
  const files = [...new Set(inputs.flatMap(filesUnder))].sort();
  for (const file of files) {
    hash.update(file);
    hash.update('\u0000');
    hash.update(readFileSync(path.join(REPO_ROOT, file), 'utf8').replace(/\r\n/g, '\n'));
    hash.update('\u0000');
  }
  return hash.digest('hex');
}
