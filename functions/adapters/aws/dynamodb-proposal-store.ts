import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PROPOSAL_KEPT_SECONDS, type Proposal, ProposalSchema } from '../../core/after-sales/proposal-record';
import type { ProposalStore } from '../../ports/after-sales';

/** The proposal's sort key in the session's partition (read with the turn's other items, see readTurn). */
export const PROPOSAL_SK = 'PROPOSAL';
const key = (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: PROPOSAL_SK });

/** The stored proposal item read back; an item this code cannot read is no proposal: nothing is done on it. */
export function proposalOf(item: Record<string, unknown>): Proposal | undefined {
  const parsed = ProposalSchema.safeParse({ ...(item.data as object), status: item.status });
  if (!parsed.success) return undefined;
  const stored = item.result;
  return stored && typeof stored === 'object'
    ? { ...parsed.data, result: stored as Record<string, unknown> }
    : parsed.data;
}

/**
 * The proposal waiting for a yes lives in the conversation's own partition (`sk PROPOSAL`), so it is as
 * durable as the transcript and goes with it. `expiresAt` (the table's TTL) removes it a day after it ran
 * out; code checks `validUntil` itself because TTL deletion is lazy.
 */
export class DynamoDbProposalStore implements ProposalStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(proposal: Proposal): Promise<void> {
    const expiresAt = Math.floor(Date.parse(proposal.validUntil) / 1000) + PROPOSAL_KEPT_SECONDS;
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...key(proposal.sessionId),
          type: 'proposal',
          data: proposal,
          status: proposal.status,
          expiresAt,
        },
      }),
    );
  }

  async get(sessionId: string): Promise<Proposal | undefined> {
    const result = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key(sessionId), ConsistentRead: true }),
    );
    return result.Item ? proposalOf(result.Item) : undefined;
  }

  async settle(
    sessionId: string,
    proposalId: string,
    status: 'done' | 'declined',
  ): Promise<'settled' | 'stale'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key(sessionId),
          UpdateExpression: 'SET #status = :to',
          ConditionExpression: '#status = :pending AND #data.proposalId = :id',
          ExpressionAttributeNames: { '#status': 'status', '#data': 'data' },
          ExpressionAttributeValues: { ':to': status, ':pending': 'pending', ':id': proposalId },
        }),
      );
      return 'settled';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'stale';
      throw error;
    }
  }

  async recordResult(sessionId: string, proposalId: string, result: Record<string, unknown>): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key(sessionId),
          UpdateExpression: 'SET #result = :result',
          ConditionExpression: '#data.proposalId = :id',
          ExpressionAttributeNames: { '#result': 'result', '#data': 'data' },
          ExpressionAttributeValues: { ':result': result, ':id': proposalId },
        }),
      );
    } catch (error) {
      // A newer proposal replaced this one meanwhile: its outcome is no longer what a yes refers to.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
