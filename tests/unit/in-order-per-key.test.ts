import { describe, expect, it } from 'vitest';
import { inOrderPerKey } from '../../functions/handlers/shared/in-order-per-key';

interface Job {
  session: string;
  name: string;
}

/** A handler whose jobs finish only when the test says so, logging starts and ends. */
function controlledHandler() {
  const log: string[] = [];
  const finishers = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const handle = (job: Job) =>
    new Promise<void>((resolve, reject) => {
      log.push(`start ${job.name}`);
      finishers.set(job.name, {
        resolve: () => {
          log.push(`end ${job.name}`);
          resolve();
        },
        reject: (error) => {
          log.push(`fail ${job.name}`);
          reject(error);
        },
      });
    });
  return { log, finishers, handle };
}

const settle = () => new Promise((wake) => setImmediate(wake));

describe('records of one session in a batch', () => {
  it('run one after another in batch order while other sessions run alongside', async () => {
    const { log, finishers, handle } = controlledHandler();
    const run = inOrderPerKey((job: Job) => job.session, handle);
    const all = Promise.all([
      run({ session: 'a', name: 'a1' }),
      run({ session: 'b', name: 'b1' }),
      run({ session: 'a', name: 'a2' }),
    ]);
    await settle();
    expect(log).toEqual(['start a1', 'start b1']);
    finishers.get('b1')?.resolve();
    await settle();
    expect(log).not.toContain('start a2');
    finishers.get('a1')?.resolve();
    await settle();
    expect(log.slice(-2)).toEqual(['end a1', 'start a2']);
    finishers.get('a2')?.resolve();
    await all;
  });

  it('a failed record is reported and does not hold back the next of its session', async () => {
    const { log, finishers, handle } = controlledHandler();
    const run = inOrderPerKey((job: Job) => job.session, handle);
    const first = run({ session: 'a', name: 'a1' });
    const second = run({ session: 'a', name: 'a2' });
    await settle();
    finishers.get('a1')?.reject(new Error('model down'));
    await expect(first).rejects.toThrow('model down');
    await settle();
    expect(log).toContain('start a2');
    finishers.get('a2')?.resolve();
    await expect(second).resolves.toBeUndefined();
  });

  it('records without a key are not held back by anything', async () => {
    const { log, handle } = controlledHandler();
    const run = inOrderPerKey((_job: Job) => undefined, handle);
    void run({ session: 'a', name: 'x1' });
    void run({ session: 'a', name: 'x2' });
    await settle();
    expect(log).toEqual(['start x1', 'start x2']);
  });
});
