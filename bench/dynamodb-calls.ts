import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { LambdaHandler } from '../local/gateway/websocket-gateway';

/**
 * Counts the DynamoDB calls each handler makes, by handler, command and table, in the process that runs
 * the local stack, and how many of them a handler waited on one after the other. Every SDK client
 * (DynamoDBClient, the document client, Powertools' idempotency layer, the push client) sends through the
 * same smithy `Client.prototype.send`, so one wrap sees them all; `wrapHandler` puts the invocation in an
 * AsyncLocalStorage that follows the call's promises. Benchmark-only: nothing in the product imports this.
 *
 * Sequential round trips: a call's depth is one more than the deepest call of the same invocation that had
 * finished when it started (calls in flight together share a depth), so an invocation's depth is the
 * longest chain of calls it waited on. Calls that merely started later count as sequential too, so the
 * figure can only overstate the chain, never hide one. For the assistant, the depth that counts for the
 * shopper is the one reached when the reply (`message` event) was pushed; what follows (the idempotency
 * record's completion) is counted in the totals but not on the critical path.
 */
interface Invocation {
  handler: string;
  /** The shopper message this invocation served (clientMessageId), when the event names one. */
  messageId?: string;
  calls: { depth: number; done: boolean }[];
  /** Depth reached (finished calls) when the reply was pushed. */
  depthAtReply?: number;
}

const current = new AsyncLocalStorage<Invocation>();
const counts = new Map<string, number>();
const invocations: Invocation[] = [];

type Send = (this: { config?: { serviceId?: string } }, command: unknown, ...rest: unknown[]) => unknown;

const finishedDepth = (invocation: Invocation) =>
  invocation.calls.reduce((deepest, call) => (call.done ? Math.max(deepest, call.depth) : deepest), 0);

function isReplyPush(command: unknown): boolean {
  const data = (command as { input?: { Data?: unknown } }).input?.Data;
  const text =
    typeof data === 'string' ? data : data instanceof Uint8Array ? Buffer.from(data).toString() : '';
  try {
    return (JSON.parse(text) as { type?: string }).type === 'message';
  } catch {
    return false;
  }
}

export function countDynamoDbCalls(): void {
  const base = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: Send; __counted?: boolean };
  if (base.__counted) return;
  const send = base.send;
  base.send = function (this, command, ...rest) {
    const invocation = current.getStore();
    const service = this.config?.serviceId;
    if (invocation && service === 'ApiGatewayManagementApi' && invocation.depthAtReply === undefined) {
      if (isReplyPush(command)) invocation.depthAtReply = finishedDepth(invocation);
    }
    if (service === 'DynamoDB Streams') {
      // The local stream pollers' reads load the same emulator as the handlers' calls.
      const name = (command as { constructor: { name: string } }).constructor.name.replace(/Command$/, '');
      const key = `stream pollers\t${name}\tstreams`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (service !== 'DynamoDB') return send.call(this, command, ...rest);
    const name = (command as { constructor: { name: string } }).constructor.name.replace(/Command$/, '');
    const input = (command as { input?: { TableName?: string; TransactItems?: unknown[] } }).input;
    const table = input?.TableName?.replace(/^test-?/i, '') ?? (input?.TransactItems ? 'transaction' : '');
    const key = `${invocation?.handler ?? 'outside a handler'}\t${name}\t${table}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!invocation) return send.call(this, command, ...rest);
    const call = { depth: finishedDepth(invocation) + 1, done: false };
    invocation.calls.push(call);
    const settle = () => {
      call.done = true;
    };
    const result = send.call(this, command, ...rest) as Promise<unknown>;
    result.then(settle, settle);
    return result;
  };
  base.__counted = true;
}

function messageIdOf(module: string, event: unknown): string | undefined {
  try {
    if (module === 'send-message')
      return (JSON.parse(String((event as { body?: string }).body)) as { clientMessageId?: string })
        .clientMessageId;
    if (module === 'assistant')
      return (event as DynamoDBStreamEvent).Records[0]?.dynamodb?.NewImage?.clientMessageId?.S;
  } catch {
    return undefined;
  }
  return undefined;
}

function run(module: string, handler: LambdaHandler, event: unknown, context: unknown) {
  const invocation: Invocation = { handler: module, messageId: messageIdOf(module, event), calls: [] };
  invocations.push(invocation);
  return current.run(invocation, () => handler(event, context));
}

/**
 * For `startLocalStack({ wrapHandler })`: calls made while a handler runs are counted under its name. The
 * assistant's stream batches are handed over one record at a time, so each turn is measured alone: its
 * batch processor runs records independently (in parallel) anyway, so the calls are the same.
 */
export function attributeToHandler(module: string, handler: LambdaHandler): LambdaHandler {
  if (module !== 'assistant') return (event, context) => run(module, handler, event, context);
  return async (event: DynamoDBStreamEvent, context) => {
    const responses = await Promise.all(
      event.Records.map(
        (record) =>
          run(module, handler, { Records: [record] }, context) as Promise<{
            batchItemFailures: { itemIdentifier: string }[];
          }>,
      ),
    );
    return { batchItemFailures: responses.flatMap((response) => response.batchItemFailures) };
  };
}

export function resetDynamoDbCalls(): void {
  counts.clear();
  invocations.length = 0;
}

/** Calls so far, `handler\tcommand\ttable` → count. */
export function dynamoDbCalls(): Map<string, number> {
  return new Map(counts);
}

/**
 * Sequential DynamoDB round trips per shopper message on the path the shopper waits on: the sendMessage
 * route's (until its ack) plus the assistant turn's (until its reply is pushed), paired by clientMessageId.
 * Also each assistant turn's whole depth, for comparison.
 */
export function sequentialRoundTrips(): {
  perMessage: { messageId: string; ack: number; turn: number; turnWhole: number }[];
} {
  const byMessage = new Map<string, { ack: number; turn: number; turnWhole: number }>();
  for (const invocation of invocations) {
    if (!invocation.messageId) continue;
    const entry = byMessage.get(invocation.messageId) ?? { ack: 0, turn: 0, turnWhole: 0 };
    const whole = finishedDepth(invocation);
    if (invocation.handler === 'send-message') entry.ack += whole;
    if (invocation.handler === 'assistant') {
      entry.turn += invocation.depthAtReply ?? whole;
      entry.turnWhole += whole;
    }
    byMessage.set(invocation.messageId, entry);
  }
  return { perMessage: [...byMessage].map(([messageId, entry]) => ({ messageId, ...entry })) };
}
