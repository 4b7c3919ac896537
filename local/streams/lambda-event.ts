import type { _Record, AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord, StreamRecord } from 'aws-lambda';

export interface EventSource {
  readonly eventSourceARN: string;
  readonly awsRegion: string;
}

/**
 * Turns a GetRecords record (as the SDK parses it) into the record a Lambda event source mapping hands
 * to the function. The differences: ApproximateCreationDateTime is epoch seconds, not a Date; binary
 * values are base64 strings, not bytes; userIdentity uses Lambda's lower-case keys; eventSourceARN is
 * added; and awsRegion is the configured region, where DynamoDB Local says "ddblocal".
 */
export function toLambdaRecord(record: _Record, source: EventSource): DynamoDBRecord {
  const stream = record.dynamodb;
  const lambdaRecord: DynamoDBRecord = {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: record.eventSource ?? 'aws:dynamodb',
    awsRegion: source.awsRegion,
    dynamodb:
      stream &&
      withoutUndefined<StreamRecord>({
        ApproximateCreationDateTime:
          stream.ApproximateCreationDateTime &&
          Math.floor(stream.ApproximateCreationDateTime.getTime() / 1000),
        Keys: stream.Keys && toLambdaMap(stream.Keys),
        NewImage: stream.NewImage && toLambdaMap(stream.NewImage),
        OldImage: stream.OldImage && toLambdaMap(stream.OldImage),
        SequenceNumber: stream.SequenceNumber,
        SizeBytes: stream.SizeBytes,
        StreamViewType: stream.StreamViewType,
      }),
    eventSourceARN: source.eventSourceARN,
  };
  if (record.userIdentity) {
    lambdaRecord.userIdentity = {
      type: record.userIdentity.Type,
      principalId: record.userIdentity.PrincipalId,
    };
  }
  return lambdaRecord;
}

export function sequenceNumberOf(record: DynamoDBRecord): string {
  const sequenceNumber = record.dynamodb?.SequenceNumber;
  if (!sequenceNumber) throw new Error(`Stream record ${record.eventID} has no sequence number`);
  return sequenceNumber;
}

/** True for the REMOVE records that DynamoDB's TTL process writes, as opposed to a user's delete. */
export function isTimeToLiveDelete(record: DynamoDBRecord): boolean {
  return (
    record.eventName === 'REMOVE' &&
    record.userIdentity?.type === 'Service' &&
    record.userIdentity?.principalId === 'dynamodb.amazonaws.com'
  );
}

function toLambdaMap(map: Record<string, SdkAttributeValue>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, toLambdaValue(value)]));
}

function toLambdaValue(value: SdkAttributeValue): AttributeValue {
  if (value.B !== undefined) return { B: toBase64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(toBase64) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  if (value.M !== undefined) return { M: toLambdaMap(value.M) };
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  throw new Error(`Unknown attribute value type: ${Object.keys(value).join(', ')}`);
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** Lambda's JSON has no keys for absent fields; JSON.stringify would hide the difference, equality checks not. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
