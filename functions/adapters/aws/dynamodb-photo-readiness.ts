import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isPhotoRefusal, type PhotoRefusal } from '../../core/photos/refusals';
import type { PhotoOutcomes, PhotoReadiness } from '../../ports/photo-readiness';

export interface PhotoReadinessOptions {
  /** How long a check waits for an outcome not recorded yet (the normaliser still running). */
  settleMs?: number;
  pollMs?: number;
  /** Days an outcome is kept: as long as the photo itself (the photo bucket's retention). */
  retentionDays?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

// sendMessage times out after 15 s and the agent's video routes (snapshots) after 10 s: a check gives up
// well before either; a cold normaliser (EventBridge delivery, start, sharp) takes a few seconds.
const SETTLE_MS = 6000;
const POLL_MS = 250;
const RETENTION_DAYS = 180;

/** `PHOTO#<photo key>`: its own partition, with no `type`, so no stream consumer's filter matches it. */
export const photoOutcomeKey = (photoKey: string) => ({ pk: `PHOTO#${photoKey}`, sk: 'OUTCOME' });

interface OutcomeItem {
  status?: 'ready' | 'refused';
  refusal?: string;
}

/**
 * Photo outcomes in the Conversations table. Checking one is a strongly consistent GetItem of a small
 * item, so the chat routes that check photos carry no S3 client (175 KB of bundle) and no S3 permission.
 */
export class DynamoDbPhotoReadiness implements PhotoReadiness, PhotoOutcomes {
  private readonly settleMs: number;
  private readonly pollMs: number;
  private readonly retentionDays: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    options: PhotoReadinessOptions = {},
  ) {
    this.settleMs = options.settleMs ?? SETTLE_MS;
    this.pollMs = options.pollMs ?? POLL_MS;
    this.retentionDays = options.retentionDays ?? RETENTION_DAYS;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
  }

  async exists(key: string): Promise<boolean> {
    const deadline = this.now() + this.settleMs;
    for (;;) {
      const outcome = await this.outcome(key);
      if (outcome) return outcome.status === 'ready';
      if (this.now() >= deadline) return false;
      await this.sleep(this.pollMs);
    }
  }

  async refusal(key: string): Promise<PhotoRefusal | undefined> {
    const outcome = await this.outcome(key);
    return outcome?.status === 'refused' && isPhotoRefusal(outcome.refusal) ? outcome.refusal : undefined;
  }

  recordReady(photoKey: string): Promise<void> {
    return this.record(photoKey, { status: 'ready' });
  }

  recordRefused(photoKey: string, refusal: PhotoRefusal): Promise<void> {
    return this.record(photoKey, { status: 'refused', refusal });
  }

  private async outcome(key: string): Promise<OutcomeItem | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: photoOutcomeKey(key),
        ConsistentRead: true,
        ProjectionExpression: '#status, refusal',
        ExpressionAttributeNames: { '#status': 'status' },
      }),
    );
    return Item as OutcomeItem | undefined;
  }

  // A plain put: a photo is written once, so a retried event records the same outcome again.
  private async record(photoKey: string, outcome: OutcomeItem): Promise<void> {
    const expiresAt = Math.floor(this.now() / 1000) + this.retentionDays * 86_400;
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...photoOutcomeKey(photoKey), ...outcome, expiresAt },
      }),
    );
  }
}
