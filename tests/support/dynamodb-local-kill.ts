import type { StartOptions } from '../../local/stack';
import { startTestStack, type TestStack } from './local-stack';
import { processesMentioning } from './processes';

/**
 * A local stack whose log a test can read and wait on, and a way to kill its DynamoDB Local the way a
 * crash would (SIGKILL to the JVM), waiting until the stack's supervisor reports it back.
 */
export class SupervisedTestStack {
  readonly lines: string[] = [];
  private readonly waiting = new Set<(line: string) => void>();

  private constructor(private stack?: TestStack) {}

  static async start(options: StartOptions = {}): Promise<SupervisedTestStack> {
    const supervised = new SupervisedTestStack();
    supervised.stack = await startTestStack({
      ...options,
      log: (line) => {
        supervised.lines.push(line);
        for (const listener of supervised.waiting) listener(line);
      },
    });
    return supervised;
  }

  get test(): TestStack {
    if (!this.stack) throw new Error('the stack is not started');
    return this.stack;
  }

  /** The first log line from now on that matches. */
  nextLine(pattern: RegExp): Promise<string> {
    return new Promise((resolve) => {
      const listener = (line: string) => {
        if (!pattern.test(line)) return;
        this.waiting.delete(listener);
        resolve(line);
      };
      this.waiting.add(listener);
    });
  }

  /** SIGKILLs DynamoDB Local's JVM; resolves with its port and the stack's "is back" line. */
  async killDynamoDbLocal(): Promise<{ port: string; back: string }> {
    const port = new URL(this.test.stack.info.dynamodbEndpoint).port;
    const [java] = processesMentioning(`-port ${port}`).filter(([, args]) => args.includes('java'));
    if (!java) throw new Error(`no DynamoDB Local process on port ${port}`);
    const back = this.nextLine(/DynamoDB Local is back/);
    process.kill(java[0], 'SIGKILL');
    return { port, back: await back };
  }

  async stop(): Promise<void> {
    await this.stack?.stop();
  }
}
