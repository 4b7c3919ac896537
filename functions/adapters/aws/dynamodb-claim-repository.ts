import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Claim } from '../../core/after-sales/claims';
import type { PhotoEvidence } from '../../core/photos/evidence';
import type { ClaimRepository } from '../../ports/after-sales';

/** A claim is its own item; the customer index lists a shopper's claims next to their orders. */
export class DynamoDbClaimRepository implements ClaimRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async open(claim: Claim): Promise<void> {
    await this.db
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: `CLAIM#${claim.claimId}`,
            sk: 'CLAIM',
            gsi1pk: `CUSTOMER#${claim.customerId}`,
            gsi1sk: `CLAIM#${claim.createdAt}#${claim.claimId}`,
            type: 'claim',
            kind: claim.kind,
            category: claim.category,
            ownerType: claim.owner.type,
            ownerId: claim.owner.id,
            status: claim.status,
            data: claim,
            updatedAt: claim.createdAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      )
      .catch((error: unknown) => {
        // A retried turn opens the same claim id again: the claim its first run opened stands. Any other
        // holder of the id is a collision and must not pass for this claim.
        const old =
          error instanceof ConditionalCheckFailedException && error.Item ? unmarshall(error.Item) : undefined;
        const first = old?.data as Claim | undefined;
        if (first && first.sessionId === claim.sessionId && first.customerId === claim.customerId) return;
        throw error;
      });
  }

  async addEvidence(claimId: string, evidence: PhotoEvidence[], photoKeys: string[]): Promise<void> {
    const now = evidence[0]?.readAt ?? new Date().toISOString();
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `CLAIM#${claimId}`, sk: 'CLAIM' },
        UpdateExpression:
          'SET #data.#evidence = list_append(if_not_exists(#data.#evidence, :empty), :evidence), #data.#photoKeys = list_append(#data.#photoKeys, :keys), updatedAt = :now',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#data': 'data', '#evidence': 'evidence', '#photoKeys': 'photoKeys' },
        ExpressionAttributeValues: { ':empty': [], ':evidence': evidence, ':keys': photoKeys, ':now': now },
      }),
    );
  }

  async listForCustomer(customerId: string, limit: number): Promise<Claim[]> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byCustomer',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}`, ':prefix': 'CLAIM#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => item.data as Claim);
  }

  /** An agent closes an open claim with its outcome; a claim already closed is left as it is. */
  async close(
    claimId: string,
    outcome: { outcome: string; by: string; at: string },
  ): Promise<'closed' | 'not_open'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: `CLAIM#${claimId}`, sk: 'CLAIM' },
          UpdateExpression:
            'SET #status = :closed, #data.#status = :closed, outcome = :outcome, closedBy = :by, closedAt = :at, updatedAt = :at',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status', '#data': 'data' },
          ExpressionAttributeValues: {
            ':closed': 'closed',
            ':open': 'open',
            ':outcome': outcome.outcome,
            ':by': outcome.by,
            ':at': outcome.at,
          },
        }),
      );
      return 'closed';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'not_open';
      throw error;
    }
  }
}
