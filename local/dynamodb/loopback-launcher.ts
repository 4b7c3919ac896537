import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MINIMUM_JAVA_MAJOR } from './java';

const execFileAsync = promisify(execFile);

const SOURCE = fileURLToPath(new URL('./LoopbackDynamoDbLocal.java', import.meta.url));
export const LOOPBACK_MAIN_CLASS = 'LoopbackDynamoDbLocal';

/**
 * Compiles LoopbackDynamoDbLocal.java once into the cache, keyed by the source's digest, and returns the
 * folder to put on the class path. Compiled ahead because `java File.java` compiles on every start, which
 * costs a second or two on a busy two-core machine. Staged and renamed so parallel callers cannot clash.
 */
export async function ensureLoopbackLauncher(emulatorDir: string, javac: string, cacheDir: string) {
  const source = await readFile(SOURCE);
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const classesDir = join(cacheDir, `dynamodb-local-loopback-${digest}`);
  const compiled = join(classesDir, `${LOOPBACK_MAIN_CLASS}.class`);
  if (await exists(compiled)) return classesDir;

  await mkdir(cacheDir, { recursive: true });
  const staging = await mkdtemp(join(cacheDir, '.dynamodb-local-loopback-'));
  try {
    await execFileAsync(javac, [
      '--release',
      String(MINIMUM_JAVA_MAJOR),
      '-d',
      staging,
      '-cp',
      join(emulatorDir, 'DynamoDBLocal.jar'),
      SOURCE,
    ]).catch((error: { stderr?: string }) => {
      throw new Error(`javac could not compile ${SOURCE}: ${error.stderr ?? error}`, { cause: error });
    });
    await rename(staging, classesDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST' && error.code !== 'ENOTEMPTY') throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  if (!(await exists(compiled))) throw new Error(`${compiled} is missing after compiling it`);
  return classesDir;
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
