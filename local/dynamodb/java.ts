import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const MINIMUM_JAVA_MAJOR = 17;

export interface JavaInstallation {
  readonly java: string;
  readonly major: number;
  /** The javac of the same installation: a javac elsewhere on PATH may be another version. */
  readonly javac: string;
}

/** Reads the major version from `java -version` output: "17.0.15" gives 17, the old "1.8.0_422" gives 8. */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

const inspected = new Map<string, Promise<JavaInstallation>>();

/**
 * DynamoDB Local needs Java 17, and its loopback launcher is compiled once with the same installation's
 * javac, so a JDK is needed, not only a JRE. Checked once per process.
 */
export function findSupportedJava(java = 'java'): Promise<JavaInstallation> {
  let found = inspected.get(java);
  if (!found) {
    found = inspectJava(java);
    inspected.set(java, found);
    found.catch(() => inspected.delete(java));
  }
  return found;
}

async function inspectJava(java: string): Promise<JavaInstallation> {
  let output: string;
  try {
    // -XshowSettings adds java.home to the usual `-version` lines, all on stderr.
    const { stdout, stderr } = await execFileAsync(java, ['-XshowSettings:properties', '-version']);
    output = `${stderr}\n${stdout}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `DynamoDB Local needs Java ${MINIMUM_JAVA_MAJOR} or newer, and \`${java}\` was not found on PATH. ` +
          `Install a JDK ${MINIMUM_JAVA_MAJOR}+ (for example openjdk-17-jdk-headless).`,
      );
    }
    throw new Error(`\`${java} -version\` failed`, { cause: error });
  }
  const major = parseJavaMajorVersion(output);
  if (major === undefined || major < MINIMUM_JAVA_MAJOR) {
    const versionLine = /^.*version ".*$/m.exec(output)?.[0] ?? output.trim().split('\n')[0];
    throw new Error(
      `DynamoDB Local needs Java ${MINIMUM_JAVA_MAJOR} or newer; \`${java} -version\` says: ${versionLine}`,
    );
  }
  const home = /^\s*java\.home = (.+)$/m.exec(output)?.[1]?.trim();
  const javac = home && join(home, 'bin', process.platform === 'win32' ? 'javac.exe' : 'javac');
  if (
    !javac ||
    !(await access(javac).then(
      () => true,
      () => false,
    ))
  ) {
    throw new Error(
      `\`${java}\` (Java ${major}) is a JRE without javac; DynamoDB Local's loopback launcher needs a JDK ` +
        `${MINIMUM_JAVA_MAJOR}+ (for example openjdk-17-jdk-headless).`,
    );
  }
  return { java, major, javac };
}
