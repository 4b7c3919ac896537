import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LambdaHandler } from '../local/gateway/websocket-gateway';

/**
 * Counts the DynamoDB calls each handler makes, by handler, command and table, in the process that runs
 * the local stack. Every SDK client (DynamoDBClient, the document client, Powertools' idempotency layer)
 * sends through the same smithy `Client.prototype.send`, so one wrap sees them all; `wrapHandler` puts
 * the handler's name in an AsyncLocalStorage that follows the call's promises. Benchmark-only: nothing in
 * the product imports this.
 */
const current = new AsyncLocalStorage<string>();
const counts = new Map<string, number>();

type Send = (this: { config?: { serviceId?: string } }, command: unknown, ...rest: unknown[]) => unknown;

export function countDynamoDbCalls(): void {
  const base = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: Send; __counted?: boolean };
  if (base.__counted) return;
  const send = base.send;
  base.send = function (this, command, ...rest) {
    if (this.config?.serviceId === 'DynamoDB') {
      const name = (command as { constructor: { name: string } }).constructor.name.replace(/Command$/, '');
      const input = (command as { input?: { TableName?: string; TransactItems?: unknown[] } }).input;
      const table = input?.TableName?.replace(/^test-?/i, '') ?? (input?.TransactItems ? 'transaction' : '');
      const key = `${current.getStore() ?? 'outside a handler'}\t${name}\t${table}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return send.call(this, command, ...rest);
  };
  base.__counted = true;
}

/** For `startLocalStack({ wrapHandler })`: calls made while a handler runs are counted under its name. */
export function attributeToHandler(module: string, handler: LambdaHandler): LambdaHandler {
  return (event, context) => current.run(module, () => handler(event, context));
}

export function resetDynamoDbCalls(): void {
  counts.clear();
}

/** Calls so far, `handler\tcommand\ttable` → count. */
export function dynamoDbCalls(): Map<string, number> {
  return new Map(counts);
}
