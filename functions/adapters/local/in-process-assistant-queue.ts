import type { AssistantJob, AssistantQueue } from '../../ports/assistant-queue';

type Runner = (job: AssistantJob) => Promise<unknown>;

let runner: Runner | undefined;
const inFlight = new Set<Promise<unknown>>();

/** The local runtime registers the assistant handler here, as Lambda would be the invoke target. */
export function registerAssistantRunner(run: Runner): void {
  runner = run;
}

/** Resolves once every job queued so far has finished: a clean shutdown waits on it. */
export async function drainAssistantJobs(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/** Mirrors an asynchronous Lambda invoke: returns at once, runs the job after the caller's reply. */
export class InProcessAssistantQueue implements AssistantQueue {
  async enqueue(job: AssistantJob): Promise<void> {
    const run = runner;
    if (!run) throw new Error('no assistant runner registered');
    const task = new Promise<void>((resolve) => setImmediate(resolve)).then(() => run(job));
    inFlight.add(task);
    // Failures are logged by the assistant handler itself, as Lambda's async invoke would record them.
    task.catch(() => undefined).finally(() => inFlight.delete(task));
  }
}
