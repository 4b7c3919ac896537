/**
 * Powertools' batch processor runs a batch's records side by side. Two messages of one session in the same
 * batch must not be answered at once (the second turn would miss the first's reply in its history, and the
 * replies could arrive swapped), so records with the same key run one after another, in batch order, while
 * different keys still run side by side. A failed record does not hold back the next one of its key: the
 * processor reports it and the mapping retries it.
 */
export function inOrderPerKey<R>(
  keyOf: (record: R) => string | undefined,
  handle: (record: R) => Promise<void>,
): (record: R) => Promise<void> {
  const tails = new Map<string, Promise<void>>();
  return (record) => {
    const key = keyOf(record);
    if (key === undefined) return handle(record);
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => handle(record));
    tails.set(key, run);
    return run;
  };
}
