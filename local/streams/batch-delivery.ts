import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { sequenceNumberOf } from './lambda-event';

/** The `condition` Lambda writes into an on-failure destination record. */
export type FailureCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

export interface FailureDetails {
  readonly approximateInvokeCount: number;
  readonly lastError?: unknown;
}

export interface DeliveryRules {
  /** -1 retries forever, as in Lambda. */
  readonly maxRetries: number;
  readonly bisectBatchOnError: boolean;
  readonly maxRecordAgeSeconds?: number;
}

export interface DeliveryPorts {
  invoke(records: DynamoDBRecord[]): Promise<DynamoDBBatchResponse | undefined> | Promise<void>;
  onFailure(records: DynamoDBRecord[], condition: FailureCondition, details: FailureDetails): Promise<void>;
  /** Everything up to and including this record is done: processed or handed to onFailure. */
  checkpoint(record: DynamoDBRecord): Promise<void>;
  /** Waits before a retry; false when the poller is stopping and the retry must not happen. */
  pauseBeforeRetry(): Promise<boolean>;
  ageSeconds(record: DynamoDBRecord): number;
}

type Outcome =
  | { readonly kind: 'success' }
  | { readonly kind: 'partial'; readonly firstFailed: number }
  | { readonly kind: 'error'; readonly error: unknown };

/**
 * Delivers one batch the way a Lambda event source mapping for a DynamoDB stream does:
 * - a reported batch item failure checkpoints before the lowest failed record and retries from it;
 * - a thrown error (or a malformed failure report) with bisect on splits the batch in two, which does not
 *   count as a retry; a single record that fails counts one;
 * - after maxRetries retries the records of the last attempt go to onFailure and delivery moves on;
 * - records older than maxRecordAgeSeconds go to onFailure without being delivered.
 * Resolves false when stopped part-way; the records not yet checkpointed are then delivered again later.
 */
export async function deliverBatch(
  records: readonly DynamoDBRecord[],
  rules: DeliveryRules,
  ports: DeliveryPorts,
): Promise<boolean> {
  let batch = [...records];
  let invokeCount = 0;
  let lastError: unknown;
  while (batch.length > 0) {
    const expired = countLeadingExpired(batch, rules, ports);
    if (expired > 0) {
      const dropped = batch.slice(0, expired);
      await ports.onFailure(dropped, 'RecordAgeExceeded', { approximateInvokeCount: invokeCount, lastError });
      await ports.checkpoint(lastOf(dropped));
      batch = batch.slice(expired);
      invokeCount = 0;
      continue;
    }

    invokeCount += 1;
    const outcome = await invokeSafely(batch, ports);
    if (outcome.kind === 'success') {
      await ports.checkpoint(lastOf(batch));
      return true;
    }
    if (outcome.kind === 'partial') {
      lastError = new Error(
        `the handler reported ${sequenceNumberOf(batch[outcome.firstFailed] as DynamoDBRecord)} as failed`,
      );
      if (outcome.firstFailed > 0) {
        await ports.checkpoint(batch[outcome.firstFailed - 1] as DynamoDBRecord);
        batch = batch.slice(outcome.firstFailed);
        // The new head failed for the first time in this invocation.
        invokeCount = 1;
      }
    } else {
      lastError = outcome.error;
      if (rules.bisectBatchOnError && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        return (
          (await deliverBatch(batch.slice(0, half), rules, ports)) &&
          (await deliverBatch(batch.slice(half), rules, ports))
        );
      }
    }

    const retries = invokeCount - 1;
    if (rules.maxRetries >= 0 && retries >= rules.maxRetries) {
      await ports.onFailure(batch, 'RetryAttemptsExhausted', {
        approximateInvokeCount: invokeCount,
        lastError,
      });
      await ports.checkpoint(lastOf(batch));
      return true;
    }
    if (!(await ports.pauseBeforeRetry())) return false;
  }
  return true;
}

async function invokeSafely(batch: DynamoDBRecord[], ports: DeliveryPorts): Promise<Outcome> {
  try {
    return classifyResponse(await ports.invoke(batch), batch);
  } catch (error) {
    return { kind: 'error', error };
  }
}

/**
 * Lambda's reading of a partial batch response: no response, or no failures, is success; an empty or
 * missing itemIdentifier fails the whole batch, and so (here) does one that names no record of the batch.
 */
export function classifyResponse(response: unknown, batch: readonly DynamoDBRecord[]): Outcome {
  const failures = (response as DynamoDBBatchResponse | null | undefined)?.batchItemFailures;
  if (failures === undefined || failures === null || failures.length === 0) return { kind: 'success' };
  const positions = new Map(batch.map((record, index) => [sequenceNumberOf(record), index]));
  let firstFailed = Number.POSITIVE_INFINITY;
  for (const failure of failures) {
    const identifier = failure?.itemIdentifier;
    const position = typeof identifier === 'string' ? positions.get(identifier) : undefined;
    if (position === undefined) {
      return {
        kind: 'error',
        error: new Error(`batchItemFailures names ${JSON.stringify(identifier)}, which is not in the batch`),
      };
    }
    firstFailed = Math.min(firstFailed, position);
  }
  return { kind: 'partial', firstFailed };
}

function countLeadingExpired(batch: readonly DynamoDBRecord[], rules: DeliveryRules, ports: DeliveryPorts) {
  const maxAge = rules.maxRecordAgeSeconds;
  if (maxAge === undefined || maxAge < 0) return 0;
  let count = 0;
  while (count < batch.length && ports.ageSeconds(batch[count] as DynamoDBRecord) > maxAge) count += 1;
  return count;
}

function lastOf(records: readonly DynamoDBRecord[]): DynamoDBRecord {
  const last = records[records.length - 1];
  if (!last) throw new Error('An empty batch has no last record');
  return last;
}
