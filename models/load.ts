import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Artifact, decodeArtifact } from './artifact';

/**
 * Reads a trained model shipped next to the code. This file sits beside `artifacts/` in the repository
 * (models/load.ts, models/artifacts/) and, once bundled, the Lambda's index.mjs sits beside the
 * `artifacts/` folder the function construct copies into its asset: one relative URL serves both.
 * A file rather than an import: inlined as base64, the intent model alone would push the assistant's
 * bundle past its 1 MB budget.
 */
export function loadArtifact(name: string): Artifact {
  const url = new URL(`./artifacts/${name}.bin`, import.meta.url);
  let file: Buffer;
  try {
    file = readFileSync(url);
  } catch (error) {
    throw new Error(
      `Model artifact ${fileURLToPath(url)} is missing (${(error as NodeJS.ErrnoException).code}): ` +
        'run npm run build:models, and bundle with lib/shared-function (it copies models/artifacts)',
    );
  }
  const artifact = decodeArtifact(file);
  if (artifact.name !== name) throw new Error(`models/artifacts/${name}.bin holds model ${artifact.name}`);
  return artifact;
}
