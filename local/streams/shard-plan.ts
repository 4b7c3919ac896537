import type { ShardCheckpoint } from './checkpoint-store';

export type StartingPosition = 'TRIM_HORIZON' | 'LATEST';

export type ShardStart =
  | { readonly type: 'TRIM_HORIZON' }
  | { readonly type: 'LATEST' }
  | { readonly type: 'AFTER_SEQUENCE_NUMBER'; readonly sequenceNumber: string }
  | { readonly type: 'FINISHED' };

export interface ListedShard {
  readonly shardId: string;
  readonly parentShardId?: string;
  /** DescribeStream gives closed shards an EndingSequenceNumber. */
  readonly closed: boolean;
}

export interface StartContext {
  readonly startingPosition: StartingPosition;
  /** The shard was in the first listing of a poller with nothing to resume. */
  readonly presentAtFirstStart: boolean;
  readonly checkpoint: ShardCheckpoint | undefined;
}

/**
 * Where a shard is read from, as a Lambda event source mapping decides it: a checkpoint wins; otherwise
 * the configured starting position applies to the shards that exist when the mapping starts, and shards
 * that appear later (children after a rollover) are read from their beginning so nothing is skipped.
 */
export function shardStart(shard: ListedShard, context: StartContext): ShardStart {
  const { checkpoint } = context;
  if (checkpoint?.finished) return { type: 'FINISHED' };
  if (checkpoint?.sequenceNumber) {
    return { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: checkpoint.sequenceNumber };
  }
  // A checkpoint without a sequence number marks a shard that was read from LATEST and had no record
  // processed yet. After a restart, records written since that first start (and before the crash) may be
  // waiting: read from the oldest, so nothing is skipped (delivery is at least once, as in Lambda).
  if (checkpoint) return { type: 'TRIM_HORIZON' };
  if (context.presentAtFirstStart && context.startingPosition === 'LATEST') {
    return shard.closed ? { type: 'FINISHED' } : { type: 'LATEST' };
  }
  return { type: 'TRIM_HORIZON' };
}

/**
 * A child shard holds records written after its parent's, so it waits until the parent is fully
 * processed; a parent that is no longer listed has been trimmed and holds nothing left to wait for.
 */
export function isReadable(
  shard: ListedShard,
  listed: ReadonlySet<string>,
  isFinished: (shardId: string) => boolean,
): boolean {
  if (isFinished(shard.shardId)) return false;
  const parent = shard.parentShardId;
  return parent === undefined || !listed.has(parent) || isFinished(parent);
}
