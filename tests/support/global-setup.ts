import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One temporary folder per test run, removed at the end: CDK synthesis writes an assembly (with bundles)
 * to the temp folder on every synth, and nothing a test run writes should outlive it.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'afterdesk-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
