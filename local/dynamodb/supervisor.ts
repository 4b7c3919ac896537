import { type DynamoDbLocal, type DynamoDbLocalOptions, startDynamoDbLocal } from './launcher';

export interface SupervisorOptions {
  /** Starts DynamoDB Local on this port (the one every client already points at). */
  start(port: number): Promise<DynamoDbLocal>;
  /** Runs after each restart, before the restart is reported (in memory, the tables must be made again). */
  afterRestart?(): Promise<unknown>;
  log(line: string): void;
  /** Waits between failed restart attempts grow to this; a restart is tried for as long as the stack runs. */
  maxBackoffMs?: number;
}

export interface SupervisedDynamoDb {
  readonly endpoint: string;
  readonly port: number;
  /** Whether a DynamoDB Local process is answering right now (false while it is being restarted). */
  readonly up: boolean;
  readonly pid: number;
  readonly restarts: number;
  /** Resolves when the next restart after this call has completed (tests, health). */
  nextRestart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps DynamoDB Local running for the life of the local stack: when the JVM dies (a crash, the OOM
 * killer, someone's kill -9), it is started again on the same port, so the endpoint every handler, poller
 * and CLI already holds keeps working. Until it answers, those callers get connection errors, which the
 * handlers turn into typed errors (database_unavailable); nothing waits on them.
 */
export function superviseDynamoDbLocal(first: DynamoDbLocal, options: SupervisorOptions): SupervisedDynamoDb {
  let current = first;
  let up = true;
  let stopping = false;
  let restarts = 0;
  let waiters: Array<() => void> = [];
  let wake: (() => void) | undefined;
  let starting: Promise<DynamoDbLocal> | undefined;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const watch = (instance: DynamoDbLocal): void => {
    void instance.exited.then(async (reason) => {
      if (stopping || instance !== current) return;
      up = false;
      options.log(
        `DynamoDB Local (pid ${instance.pid}) exited (${reason}); restarting it on port ${instance.port}`,
      );
      for (let attempt = 0; !stopping; attempt++) {
        try {
          starting = options.start(instance.port);
          const next = await starting;
          if (stopping) {
            await next.stop();
            return;
          }
          current = next;
          await options.afterRestart?.();
          restarts++;
          up = true;
          options.log(`DynamoDB Local is back on port ${next.port} (pid ${next.pid}, restart ${restarts})`);
          watch(next);
          const done = waiters;
          waiters = [];
          for (const resolve of done) resolve();
          return;
        } catch (error) {
          options.log(
            `DynamoDB Local restart failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
          );
          await sleep(Math.min(maxBackoffMs, 250 * 2 ** attempt));
        }
      }
    });
  };
  watch(first);

  return {
    endpoint: first.endpoint,
    port: first.port,
    get up() {
      return up;
    },
    get pid() {
      return current.pid;
    },
    get restarts() {
      return restarts;
    },
    nextRestart: () => new Promise<void>((resolve) => waiters.push(resolve)),
    stop: async () => {
      stopping = true;
      wake?.();
      // A JVM being started now must not outlive the stack.
      const late = await starting?.catch(() => undefined);
      await Promise.all([current.stop(), late?.stop()]);
    },
  };
}

/** Starts DynamoDB Local and keeps it running (see superviseDynamoDbLocal). */
export async function startSupervisedDynamoDbLocal(
  options: DynamoDbLocalOptions & Omit<SupervisorOptions, 'start'>,
): Promise<SupervisedDynamoDb> {
  const first = await startDynamoDbLocal(options);
  return superviseDynamoDbLocal(first, {
    ...options,
    start: (port) => startDynamoDbLocal({ ...options, port }),
  });
}
