import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/aws/dynamodb-client';
import { runningLocalStack } from './local-stack-info';
import { deployedStoreTable } from './stack-outputs';

export interface StoreTarget {
  db: DynamoDBDocumentClient;
  table: string;
  /** "the local stack" or "stack <name>", for messages. */
  name: string;
}

/** The Store table of a deployed stack (its outputs name it) or of the running local stack. */
export async function storeTarget(options: { stack?: string; region?: string }): Promise<StoreTarget> {
  if (options.stack) {
    const { tableName, region } = await deployedStoreTable(options.stack, options.region);
    return { db: createDocumentClient({ region }), table: tableName, name: `stack ${options.stack}` };
  }
  const local = await runningLocalStack();
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  const region = process.env.AWS_REGION ?? 'us-east-1';
  return {
    db: createDocumentClient({ region, endpoint: local.dynamodbEndpoint }),
    table: local.tables.store,
    name: 'the local stack',
  };
}

/** One line rewritten in place on a terminal, a line per tenth otherwise, so logs stay short. */
export function progressPrinter(label: string): (done: number, total: number) => void {
  let lastTenth = -1;
  return (done, total) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${label}: ${done}/${total}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((done / Math.max(1, total)) * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      process.stderr.write(`${label}: ${done}/${total}\n`);
    }
  };
}
