import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { DynamoDbCustomerData } from '../../functions/adapters/aws/dynamodb-customer-data';
import { eraseSessionsFromAckJournal } from '../../functions/adapters/local/file-ack-journal';
import { FilePrivacyAudit } from '../../functions/adapters/local/file-privacy-audit';
import { readOrCreateSecret } from '../../functions/adapters/local/file-signing-secret';
import { LocalCustomerMedia } from '../../functions/adapters/local/local-customer-media';
import { eraseCustomer, exportCustomer, type PrivacyDeps } from '../../functions/core/privacy/requests';
import { LocalCustomerFacts } from '../../local/analytics/customer-facts';
import type { RuntimeInfo } from '../../local/runtime-file';
import { dataDir, runningLocalStack } from '../local-stack-info';
import { callDeployedPrivacy } from './privacy-remote';

/** The local stack's stores, as the running `npm start` published them. */
export async function localPrivacyDeps(info: RuntimeInfo, folder: string): Promise<PrivacyDeps> {
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  const db = createDocumentClient({
    region: process.env.AWS_REGION ?? 'us-east-1',
    endpoint: info.dynamodbEndpoint,
  });
  return {
    data: new DynamoDbCustomerData(db, info.tables),
    media: new LocalCustomerMedia(join(folder, 'uploads')),
    facts: new LocalCustomerFacts(folder),
    audit: new FilePrivacyAudit(folder),
    // The stack's journal of acknowledged messages (local/stack.ts) holds their text until compacted.
    copies: {
      erase: (sessionIds) => eraseSessionsFromAckJournal(join(folder, 'acked-messages.ndjson'), sessionIds),
    },
    subjectKey: new TextEncoder().encode(await readOrCreateSecret(info.secretFile)),
  };
}

/**
 * `afterdesk privacy erase|export --customer <id> [--by <who>] [--out <file>]` on the running local stack.
 * Prints what was removed (counts only) or writes the export; every request is recorded in
 * `<data>/privacy/requests.jsonl` without the customer's data.
 */
export async function runPrivacy(
  action: string,
  options: { customer?: string; by?: string; out?: string; stack?: string; region?: string },
): Promise<number> {
  if (!options.customer) {
    console.error('--customer <id> is required');
    return 2;
  }
  if (options.stack) return runDeployedPrivacy(action as 'erase' | 'export', options.customer, options);
  const folder = dataDir();
  const deps = await localPrivacyDeps(await runningLocalStack(), folder);
  const requestedBy = options.by ?? `cli:${userInfo().username}`;
  if (action === 'erase') {
    const record = await eraseCustomer(deps, { customerId: options.customer, requestedBy });
    console.log(JSON.stringify(record, null, 2));
    return 0;
  }
  const { record, data } = await exportCustomer(deps, { customerId: options.customer, requestedBy });
  const text = `${JSON.stringify(data, null, 2)}\n`;
  if (options.out) {
    await writeFile(options.out, text, { mode: 0o600 });
    console.error(`Export written to ${options.out} (request ${record.requestId}).`);
  } else process.stdout.write(text);
  return 0;
}

/** The same request on a deployed stack, through its IAM-authorised privacy API (who asked is your IAM ARN). */
async function runDeployedPrivacy(
  action: 'erase' | 'export',
  customerId: string,
  options: { out?: string; stack?: string; region?: string; by?: string },
): Promise<number> {
  if (options.by)
    console.error('--by is ignored with --stack: the request is recorded under your IAM identity.');
  const { status, body } = await callDeployedPrivacy(action, customerId, {
    stack: options.stack as string,
    region: options.region,
  });
  if (status !== 200) {
    console.error(`privacy ${action} failed (${status}): ${JSON.stringify(body)}`);
    return 1;
  }
  if (action === 'erase') {
    console.log(JSON.stringify(body, null, 2));
    return 0;
  }
  const { record, data } = body as { record: { requestId: string }; data: unknown };
  const text = `${JSON.stringify(data, null, 2)}\n`;
  if (options.out) {
    await writeFile(options.out, text, { mode: 0o600 });
    console.error(`Export written to ${options.out} (request ${record.requestId}).`);
  } else process.stdout.write(text);
  return 0;
}
