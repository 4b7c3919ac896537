import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DEFAULT_CACHE_DIR, ensureDynamoDbLocalJar } from './jar';
import { findSupportedJava } from './java';
import { ensureLoopbackLauncher, LOOPBACK_MAIN_CLASS } from './loopback-launcher';

export interface DynamoDbLocalOptions {
  /** 0 or undefined picks a free port. */
  readonly port?: number;
  /** Persists tables in this folder (-dbPath); undefined keeps them in memory (-inMemory). */
  readonly dataDir?: string;
  readonly cacheDir?: string;
  /** The java executable; `java` on PATH unless set. */
  readonly java?: string;
  readonly startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number;
  /** Resolves with the reason (exit code or signal) once the JVM is gone, whoever stopped it. */
  readonly exited: Promise<string>;
  stop(): Promise<void>;
}

/** Printed by LoopbackDynamoDbLocal.java once its own socket is bound. */
const READY_LINE = 'DynamoDB Local listening on 127.0.0.1';
const STOP_GRACE_MS = 5_000;
const READY_PROBE_INTERVAL_MS = 100;
const OUTPUT_TAIL_CHARS = 4_000;
const PORT_ATTEMPTS = 3;

/**
 * Runs AWS's DynamoDB Local jar on 127.0.0.1. The jar has no host flag (its options are -port, -inMemory,
 * -dbPath, -sharedDb, -cors, -delayTransientStatuses, -optimizeDbBeforeStartup, -disableTelemetry) and
 * listens on every interface, so it is started through LoopbackDynamoDbLocal.java, which binds loopback
 * and exits when this process dies.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const [emulatorDir, java] = await Promise.all([
    ensureDynamoDbLocalJar(cacheDir),
    findSupportedJava(options.java),
  ]);
  const launcherDir = await ensureLoopbackLauncher(emulatorDir, java.javac, cacheDir);
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir) await mkdir(dataDir, { recursive: true });

  for (let attempt = 1; ; attempt++) {
    const port = options.port || (await findFreeLoopbackPort());
    try {
      return await launch({
        java: java.java,
        emulatorDir,
        launcherDir,
        dataDir,
        port,
        timeoutMs: options.startTimeoutMs ?? 60_000,
      });
    } catch (error) {
      // A port found free can be taken before the JVM binds it; only a port we picked may be re-picked.
      if (!(error instanceof PortInUseError) || options.port || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

class PortInUseError extends Error {}

interface LaunchPlan {
  readonly java: string;
  readonly emulatorDir: string;
  readonly launcherDir: string;
  readonly dataDir: string | undefined;
  readonly port: number;
  readonly timeoutMs: number;
}

async function launch(plan: LaunchPlan): Promise<DynamoDbLocal> {
  const storage = plan.dataDir ? ['-dbPath', plan.dataDir] : ['-inMemory'];
  const child = spawn(
    plan.java,
    [
      `-Djava.library.path=${join(plan.emulatorDir, 'DynamoDBLocal_lib')}`,
      '-cp',
      [join(plan.emulatorDir, 'DynamoDBLocal.jar'), plan.launcherDir].join(delimiter),
      LOOPBACK_MAIN_CLASS,
      '-sharedDb',
      '-disableTelemetry',
      ...storage,
      '-port',
      String(plan.port),
    ],
    // stdin stays an open pipe on purpose: the launcher exits when it closes, i.e. when this process dies.
    // Its own process group: Ctrl-C in a terminal (or a signal to `npm start`'s group) reaches this process,
    // which stops the JVM in order, instead of killing it under the supervisor, which would restart it.
    { cwd: plan.emulatorDir, stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  const output = captureOutput(child);
  // Nothing is ever written to stdin, so a broken pipe there only means the JVM has gone, which 'close' reports.
  child.stdin?.on('error', () => undefined);
  const exited = new Promise<string>((resolveExit) => {
    // 'close' rather than 'exit': it also waits for the pipes, so a stopped server leaves no handle open.
    child.once('close', (code, signal) => resolveExit(signal ? `signal ${signal}` : `code ${code}`));
    child.once('error', (error) => resolveExit(`error ${error.message}`));
  });
  if (child.pid === undefined) {
    throw new Error(`Could not start ${plan.java}: ${await exited}`);
  }
  const pid = child.pid;
  liveChildren.add(child);
  registerExitHandlerOnce();
  void exited.then(() => liveChildren.delete(child));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= stopChild(child, exited);
    return stopping;
  };

  const endpoint = `http://127.0.0.1:${plan.port}`;
  try {
    await waitUntilAnswering(endpoint, output.ready, exited, plan.timeoutMs);
  } catch (error) {
    await stop();
    const tail = output.tail();
    if (/already in use|Could not start server/i.test(tail)) {
      throw new PortInUseError(`Port ${plan.port} is in use:\n${tail}`);
    }
    throw new Error(`DynamoDB Local did not start on ${endpoint}: ${(error as Error).message}\n${tail}`);
  }
  return { endpoint, port: plan.port, pid, exited, stop };
}

async function waitUntilAnswering(
  endpoint: string,
  bound: () => boolean,
  exited: Promise<string>,
  timeoutMs: number,
) {
  // -sharedDb ignores region and credentials; fixed ones keep the probe off the credential chain.
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  let exitReason: string | undefined;
  void exited.then((reason) => {
    exitReason = reason;
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exitReason) throw new Error(`the process exited (${exitReason})`);
      let lastError: unknown;
      if (bound()) {
        try {
          await client.send(new ListTablesCommand({ Limit: 1 }));
          return;
        } catch (error) {
          lastError = error;
        }
      }
      if (Date.now() > deadline) throw new Error(`no answer after ${timeoutMs} ms`, { cause: lastError });
      await new Promise((wake) => setTimeout(wake, READY_PROBE_INTERVAL_MS));
    }
  } finally {
    client.destroy();
  }
}

async function stopChild(child: ChildProcess, exited: Promise<string>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const forceKill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(forceKill);
  }
}

function captureOutput(child: ChildProcess) {
  let tail = '';
  let ready = false;
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    ready ||= tail.includes(READY_LINE);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { tail: () => tail.trim(), ready: () => ready };
}

const liveChildren = new Set<ChildProcess>();
let exitHandlerRegistered = false;

/**
 * Covers a parent that exits without calling stop(). A parent killed outright runs no handler; the
 * launcher's stdin watch covers that case.
 */
function registerExitHandlerOnce() {
  if (exitHandlerRegistered) return;
  exitHandlerRegistered = true;
  process.once('exit', () => {
    for (const child of liveChildren) child.kill('SIGKILL');
  });
}

export function findFreeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('Could not read the port of a probe socket'));
      });
    });
  });
}
