import * as fs from 'node:fs';
import * as path from 'node:path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type NativeModules, PROJECT_ROOT } from './shared-function';

/**
 * sharp on Lambda. Every other function is arm64; this one is x86_64, because the only sharp binaries
 * `npm ci` installs on the machines that synthesise (CI's linux-x64 runners and this one) are
 * `@img/sharp-linux-x64` and `@img/sharp-libvips-linux-x64` (glibc ≥ 2.28; nodejs24.x runs on Amazon
 * Linux 2023, glibc 2.34). They are copied from the installed node_modules beside the bundle, so `cdk
 * synth` needs no registry, no Docker and no network. The alternatives were rejected: NodejsFunction's
 * `bundling.nodeModules` runs `npm install` at every synth (the registry, slowly, and offline it fails),
 * and an arm64 build would need `npm install --cpu=arm64 sharp` at bundling time for the same reason.
 */
export const SHARP_ARCHITECTURE = lambda.Architecture.X86_64;

/** The prebuilt binding and libvips for that architecture: optional dependencies of sharp. */
export const SHARP_PLATFORM_PACKAGES = ['@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64'] as const;

/**
 * The JS bundle stays under the 1 MB budget (sharp itself is left out of it); what ships beside it is
 * native code, about 20 MB, which is the one asserted exception to the budget (tests/infra/bundling).
 * The ceiling keeps the exception from growing unseen; Lambda's own limit is 250 MB unzipped.
 */
export const SHARP_NATIVE_CEILING_BYTES = 32 * 1024 * 1024;

/**
 * sharp, its runtime dependencies and the linux-x64 packages, as installed under `root/node_modules`.
 * Throws with the fix when the linux-x64 binaries are absent (e.g. synthesising on macOS).
 */
export function sharpRuntimePackages(root: string = PROJECT_ROOT): string[] {
  const found = new Set<string>();
  const visit = (name: string): void => {
    if (found.has(name)) return;
    const manifest = path.join(root, 'node_modules', name, 'package.json');
    if (!fs.existsSync(manifest))
      throw new Error(
        `The photo normaliser ships ${name} from node_modules, which is not installed. Synthesise on ` +
          'linux-x64, or install the binaries first: npm install --no-save --os=linux --cpu=x64 sharp',
      );
    found.add(name);
    const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> };
    for (const dependency of Object.keys(pkg.dependencies ?? {})) visit(dependency);
  };
  visit('sharp');
  for (const name of SHARP_PLATFORM_PACKAGES) visit(name);
  return [...found].sort();
}

export const SHARP_ON_LAMBDA: NativeModules = {
  architecture: SHARP_ARCHITECTURE,
  external: ['sharp'],
  copy: (outputDir) =>
    sharpRuntimePackages().flatMap((name) => {
      const target = path.join(outputDir, 'node_modules', name);
      return [
        `mkdir -p "${path.dirname(target)}"`,
        `cp -RL "${path.join(PROJECT_ROOT, 'node_modules', name)}" "${target}"`,
      ];
    }),
};
