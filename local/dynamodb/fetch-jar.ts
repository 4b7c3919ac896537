/**
 * Fetches and verifies the DynamoDB Local jar, checks Java and compiles the loopback launcher, once, so
 * CI's parallel test workers find everything cached and a missing JDK fails here with a clear message.
 * Usage: npx tsx local/dynamodb/fetch-jar.ts [cacheDir]
 */
import { DEFAULT_CACHE_DIR, ensureDynamoDbLocalJar } from './jar';
import { findSupportedJava } from './java';
import { ensureLoopbackLauncher } from './loopback-launcher';

try {
  const cacheDir = process.argv[2] ?? DEFAULT_CACHE_DIR;
  const emulatorDir = await ensureDynamoDbLocalJar(cacheDir);
  console.log(`DynamoDB Local jar verified in ${emulatorDir}`);
  const java = await findSupportedJava();
  const launcherDir = await ensureLoopbackLauncher(emulatorDir, java.javac, cacheDir);
  console.log(`Java ${java.major} found; loopback launcher compiled in ${launcherDir}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
