import { readFile } from 'node:fs/promises';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { DynamoDbOrderRepository } from '../../functions/adapters/aws/dynamodb-order-repository';
import { runningLocalStack } from '../local-stack-info';
import { parseOrderFile } from '../order-file';
import { deployedStoreTable } from '../stack-outputs';

const CONCURRENCY = 16;

/** Upserts by orderId, so running the same file twice leaves the same data. */
export async function runImportOrders(
  file: string,
  options: { stack?: string; region?: string },
): Promise<number> {
  const rows = parseOrderFile(await readFile(file, 'utf8'));
  let repository: DynamoDbOrderRepository;
  let target: string;
  if (options.stack) {
    const { tableName, region } = await deployedStoreTable(options.stack, options.region);
    repository = new DynamoDbOrderRepository(createDocumentClient({ region }), tableName);
    target = `stack ${options.stack}`;
  } else {
    const local = await runningLocalStack();
    const region = process.env.AWS_REGION ?? 'us-east-1';
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
    repository = new DynamoDbOrderRepository(
      createDocumentClient({ region, endpoint: local.dynamodbEndpoint }),
      local.tables.store,
    );
    target = 'the local stack';
  }

  const bad = rows.filter((row) => row.error);
  for (const row of bad) console.error(`line ${row.line}: ${row.error}`);
  const good = rows.filter((row) => row.order);
  let imported = 0;
  const failures: string[] = [];
  for (let start = 0; start < good.length; start += CONCURRENCY) {
    await Promise.all(
      good.slice(start, start + CONCURRENCY).map(async (row) => {
        try {
          if (row.order) await repository.putOrder(row.order);
          imported++;
        } catch (error) {
          failures.push(
            `line ${row.line}: could not be written (${error instanceof Error ? error.name : 'error'})`,
          );
        }
      }),
    );
  }
  for (const failure of failures) console.error(failure);
  console.log(
    `Imported ${imported} order(s) into ${target}; ${bad.length + failures.length} row(s) rejected.`,
  );
  return bad.length + failures.length > 0 ? 1 : 0;
}
