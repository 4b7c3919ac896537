import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbConversationRepository } from '../../functions/adapters/aws/dynamodb-conversation-repository';
import { compactAckJournal, readAckJournal } from '../../functions/adapters/local/file-ack-journal';

/**
 * Every entry is replayed at the next start whatever its age; this only bounds how long one survives after
 * that (a kill right after a start can lose the restored write again), and how long transcripts sit here.
 */
const KEEP_MS = 10 * 60_000;

/**
 * DynamoDB Local acknowledges a transaction before it is durable: killed with SIGKILL, its JVM comes back
 * without its last writes (the crash bench saw a message, its idempotency key and its counter step all
 * missing after an ack). At start-up every journaled message the store no longer holds is put back; its
 * stream record then starts its turn as any stored message does. Returns how many were restored.
 */
export async function replayAckJournal(
  db: DynamoDBDocumentClient,
  conversationsTable: string,
  file: string,
): Promise<number> {
  const entries = await readAckJournal(file);
  const repository = new DynamoDbConversationRepository(db, conversationsTable, 30);
  let restored = 0;
  for (const entry of entries) {
    if ((await repository.restoreShopperMessage(entry.message, entry.replySeq)) === 'restored') restored += 1;
  }
  await compactAckJournal(file, entries, KEEP_MS);
  return restored;
}
