import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * AWS publishes DynamoDB Local as a zip behind a CDN that these machines cannot reach; the npm registry can,
 * and `amplify-dynamodb-simulator` carries the same jar. Only its tarball is fetched, never its dependencies.
 * The pins below are the registry's dist.integrity for this version and the jar's own digest, so a changed
 * or tampered package is refused rather than run.
 */
export const SIMULATOR_PACKAGE = 'amplify-dynamodb-simulator';
export const SIMULATOR_VERSION = '2.9.30';
const TARBALL_INTEGRITY =
  'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==';
const JAR_SHA256 = '454305e9bc3e6ebcca5b62569869e31563b8d7e346474e94557b2600702146c7';

export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../.cache', import.meta.url));

/** Returns the `emulator` folder that holds DynamoDBLocal.jar and DynamoDBLocal_lib/, fetching it once. */
export async function ensureDynamoDbLocalJar(cacheDir: string = DEFAULT_CACHE_DIR): Promise<string> {
  const installDir = join(cacheDir, `dynamodb-local-${SIMULATOR_VERSION}`);
  const emulatorDir = join(installDir, 'emulator');
  if (await hasVerifiedJar(emulatorDir)) return emulatorDir;

  await mkdir(cacheDir, { recursive: true });
  // Staged beside the destination so the final rename stays on one file system and is atomic.
  const stagingDir = await mkdtemp(join(cacheDir, `.dynamodb-local-${SIMULATOR_VERSION}-`));
  try {
    const tarball = await packTarball(stagingDir);
    await verifyIntegrity(tarball);
    await execFileAsync('tar', ['-xzf', tarball, '-C', stagingDir, 'package/emulator']);
    const stagedEmulator = join(stagingDir, 'package', 'emulator');
    if (!(await hasVerifiedJar(stagedEmulator))) {
      throw new Error(
        `DynamoDBLocal.jar in ${SIMULATOR_PACKAGE}@${SIMULATOR_VERSION} does not match its pin`,
      );
    }
    await moveIntoPlace(join(stagingDir, 'package'), installDir, cacheDir);
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
  if (!(await hasVerifiedJar(emulatorDir))) {
    throw new Error(`${emulatorDir} holds no verified DynamoDBLocal.jar after installing it`);
  }
  return emulatorDir;
}

async function hasVerifiedJar(emulatorDir: string): Promise<boolean> {
  try {
    return (await digestOf(join(emulatorDir, 'DynamoDBLocal.jar'), 'sha256', 'hex')) === JAR_SHA256;
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return false;
    throw error;
  }
}

async function packTarball(destination: string): Promise<string> {
  const spec = `${SIMULATOR_PACKAGE}@${SIMULATOR_VERSION}`;
  try {
    await execFileAsync('npm', ['pack', spec, '--pack-destination', destination, '--silent'], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`npm pack ${spec} failed${stderr ? `: ${stderr}` : ''}`, { cause: error });
  }
  const tarballs = (await readdir(destination)).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1 || tarballs[0] === undefined) {
    throw new Error(`npm pack ${spec} left ${tarballs.length} tarballs in ${destination}`);
  }
  return join(destination, tarballs[0]);
}

async function verifyIntegrity(tarball: string): Promise<void> {
  const actual = `sha512-${await digestOf(tarball, 'sha512', 'base64')}`;
  if (actual !== TARBALL_INTEGRITY) {
    throw new Error(
      `${SIMULATOR_PACKAGE}@${SIMULATOR_VERSION} tarball integrity ${actual} does not match ${TARBALL_INTEGRITY}`,
    );
  }
}

/**
 * Another process (a second test worker) may finish first. Its copy is as good as ours, so "already there"
 * is success; a copy that failed verification is first moved aside, which is atomic too.
 */
async function moveIntoPlace(staged: string, installDir: string, cacheDir: string): Promise<void> {
  try {
    await rename(staged, installDir);
    return;
  } catch (error) {
    if (!isAlreadyThere(error)) throw error;
  }
  if (await hasVerifiedJar(join(installDir, 'emulator'))) return;
  const discarded = await mkdtemp(join(cacheDir, '.dynamodb-local-discarded-'));
  try {
    await rename(installDir, join(discarded, 'old')).catch((error: unknown) => {
      if (!(isErrnoException(error) && error.code === 'ENOENT')) throw error;
    });
    await rename(staged, installDir).catch((error: unknown) => {
      if (!isAlreadyThere(error)) throw error;
    });
  } finally {
    await rm(discarded, { recursive: true, force: true });
  }
}

function isAlreadyThere(error: unknown): boolean {
  return isErrnoException(error) && (error.code === 'EEXIST' || error.code === 'ENOTEMPTY');
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

async function digestOf(file: string, algorithm: 'sha256' | 'sha512', encoding: 'hex' | 'base64') {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest(encoding);
}
