import { DeleteObjectsCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2WithIAMAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { S3CustomerMedia } from '../../functions/adapters/aws/s3-customer-media';
import { photoOwnerPrefix } from '../../functions/core/photos/photo-keys';

// The document client sends through its own middleware stack: mock it, with its unmarshalled shapes.
const dynamo = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const secrets = mockClient(SecretsManagerClient);

const CALLER = 'arn:aws:sts::123456789012:assumed-role/DataProtection/dpo';
const GUEST_PREFIX = photoOwnerPrefix('guest:A1');

/** ListObjectVersions as S3 answers it for a prefix: versions, delete markers, truncation markers. */
const listing = (prefix: string, versions: string[], markers: string[] = [], next?: string) => ({
  $metadata: { httpStatusCode: 200 },
  Name: 'photo-bucket',
  Prefix: prefix,
  KeyMarker: '',
  VersionIdMarker: '',
  MaxKeys: 1000,
  IsTruncated: next !== undefined,
  ...(next ? { NextKeyMarker: `${prefix}${next}`, NextVersionIdMarker: `v-${next}` } : {}),
  Versions: versions.map((id, n) => ({
    Key: `${prefix}${id.split('@')[0]}.webp`,
    VersionId: id.split('@')[1] ?? 'null',
    IsLatest: n === 0,
    LastModified: new Date('2026-11-20T10:00:00Z'),
    ETag: '"0cc175b9c0f1b6a831c399e269772661"',
    Size: 1024,
    StorageClass: 'STANDARD' as const,
  })),
  DeleteMarkers: markers.map((id) => ({
    Key: `${prefix}${id.split('@')[0]}.webp`,
    VersionId: id.split('@')[1],
    IsLatest: true,
    LastModified: new Date('2026-11-21T10:00:00Z'),
  })),
});

describe('photos of one principal in S3, all versions', () => {
  beforeEach(() => s3.reset());

  it('deletes every version and delete marker across pages, and counts versions', async () => {
    s3.on(ListObjectVersionsCommand)
      .resolves(listing('photos/none/', []))
      .on(ListObjectVersionsCommand, { Prefix: GUEST_PREFIX, KeyMarker: undefined })
      .resolves(listing(GUEST_PREFIX, ['p1@v1', 'p1@v0'], [], 'p1'))
      .on(ListObjectVersionsCommand, { Prefix: GUEST_PREFIX, KeyMarker: `${GUEST_PREFIX}p1` })
      .resolves(listing(GUEST_PREFIX, ['p2@v3'], ['p3@v9']));
    s3.on(DeleteObjectsCommand).resolves({ $metadata: { httpStatusCode: 200 }, Deleted: [] });
    const media = new S3CustomerMedia(new S3Client({ region: 'eu-west-1' }), 'photo-bucket');
    expect(await media.erase('guest:A1')).toBe(3);
    const deleted = s3.commandCalls(DeleteObjectsCommand)[0]?.args[0].input.Delete?.Objects;
    expect(deleted).toEqual([
      { Key: `${GUEST_PREFIX}p1.webp`, VersionId: 'v1' },
      { Key: `${GUEST_PREFIX}p1.webp`, VersionId: 'v0' },
      { Key: `${GUEST_PREFIX}p2.webp`, VersionId: 'v3' },
      { Key: `${GUEST_PREFIX}p3.webp`, VersionId: 'v9' },
    ]);
    expect(s3.commandCalls(ListObjectVersionsCommand)[1]?.args[0].input.VersionIdMarker).toBe('v-p1');
  });

  it('also deletes the raw uploads and refusal markers kept under the owner folder of incoming/ and refused/', async () => {
    const folder = GUEST_PREFIX.slice('photos/'.length);
    s3.on(ListObjectVersionsCommand)
      .resolves(listing('photos/none/', []))
      .on(ListObjectVersionsCommand, { Prefix: `incoming/${folder}` })
      .resolves(listing(`incoming/${folder}`, ['u1@v1']))
      .on(ListObjectVersionsCommand, { Prefix: `refused/${folder}` })
      .resolves(listing(`refused/${folder}`, ['r1@v2']));
    s3.on(DeleteObjectsCommand).resolves({ $metadata: { httpStatusCode: 200 }, Deleted: [] });
    const media = new S3CustomerMedia(new S3Client({ region: 'eu-west-1' }), 'photo-bucket');
    expect(await media.erase('guest:A1')).toBe(2);
    expect(s3.commandCalls(ListObjectVersionsCommand).map((call) => call.args[0].input.Prefix)).toEqual([
      GUEST_PREFIX,
      `incoming/${folder}`,
      `refused/${folder}`,
    ]);
    expect(s3.commandCalls(DeleteObjectsCommand)[0]?.args[0].input.Delete?.Objects).toEqual([
      { Key: `incoming/${folder}u1.webp`, VersionId: 'v1' },
      { Key: `refused/${folder}r1.webp`, VersionId: 'v2' },
    ]);
  });

  it('fails loudly when S3 keeps a version, so a partial erasure never looks complete', async () => {
    s3.on(ListObjectVersionsCommand).resolves(listing(GUEST_PREFIX, ['p1@v1']));
    s3.on(DeleteObjectsCommand).resolves({
      $metadata: { httpStatusCode: 200 },
      Errors: [
        { Key: `${GUEST_PREFIX}p1.webp`, VersionId: 'v1', Code: 'AccessDenied', Message: 'Access Denied' },
      ],
    });
    const media = new S3CustomerMedia(new S3Client({ region: 'eu-west-1' }), 'photo-bucket');
    await expect(media.erase('guest:A1')).rejects.toThrow(/AccessDenied.*run the erasure again/);
  });
});

describe('the privacy admin API handler', () => {
  type Handler = (
    event: APIGatewayProxyEventV2WithIAMAuthorizer,
    context: unknown,
  ) => Promise<APIGatewayProxyStructuredResultV2>;
  let handler: Handler;

  beforeAll(async () => {
    // Read at import, as at a cold start.
    Object.assign(process.env, {
      AFTERDESK_MODE: 'aws',
      AWS_REGION: 'eu-west-1',
      STORE_TABLE: 'store',
      CONVERSATIONS_TABLE: 'conversations',
      CONNECTIONS_TABLE: 'connections',
      PHOTO_BUCKET: 'photo-bucket',
      ANALYTICS_WORKGROUP: 'Afterdesk-analytics',
      ANALYTICS_DATABASE: 'afterdesk_analytics',
      FACTS_BUCKET: 'facts-bucket',
      SIGNING_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:afterdesk-signing-AbCdEf',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
    });
    ({ handler } = (await import('../../functions/handlers/privacy')) as unknown as { handler: Handler });
  });

  beforeEach(() => {
    dynamo.reset();
    s3.reset();
    secrets.reset();
    secrets.on(GetSecretValueCommand).resolves({
      $metadata: { httpStatusCode: 200 },
      ARN: process.env.SIGNING_SECRET_ARN,
      Name: 'afterdesk-signing',
      SecretString: 'k'.repeat(48),
      VersionId: 'v1',
      VersionStages: ['AWSCURRENT'],
      CreatedDate: new Date('2026-11-01T00:00:00Z'),
    });
  });

  const event = (routeKey: string, body: string | undefined, caller: string | null = CALLER) =>
    ({
      version: '2.0',
      routeKey,
      rawPath: routeKey.split(' ')[1],
      rawQueryString: '',
      headers: { 'content-type': 'application/json' },
      isBase64Encoded: false,
      body,
      requestContext: {
        accountId: '123456789012',
        apiId: 'a1b2c3',
        domainName: 'a1b2c3.execute-api.eu-west-1.amazonaws.com',
        domainPrefix: 'a1b2c3',
        http: {
          method: 'POST',
          path: '/live/privacy/erase',
          protocol: 'HTTP/1.1',
          sourceIp: '203.0.113.9',
          userAgent: 'afterdesk-cli',
        },
        requestId: 'req-1',
        routeKey,
        stage: 'live',
        time: '06/Dec/2026:00:00:00 +0000',
        timeEpoch: 1796515200000,
        authorizer: caller
          ? {
              iam: {
                accessKey: 'ASIAEXAMPLE',
                accountId: '123456789012',
                callerId: 'AROAEXAMPLE:dpo',
                cognitoIdentity: null,
                principalOrgId: null,
                userArn: caller,
                userId: 'AROAEXAMPLE:dpo',
              },
            }
          : undefined,
      },
    }) as unknown as APIGatewayProxyEventV2WithIAMAuthorizer;

  const items = (...list: Record<string, unknown>[]) => ({
    $metadata: { httpStatusCode: 200 },
    Items: list,
    Count: list.length,
    ScannedCount: list.length,
  });

  it('erases the customer and their guest session, records the IAM caller, and keeps no customer id', async () => {
    dynamo.on(QueryCommand).resolves(items());
    dynamo
      .on(QueryCommand, {
        IndexName: 'byCustomer',
        ExpressionAttributeValues: { ':pk': 'CUSTOMER#cust-mira' },
      })
      .resolves(items({ pk: 'ORDER#A1', sk: 'ORDER', gsi1pk: 'CUSTOMER#cust-mira' }))
      .on(QueryCommand, {
        TableName: 'store',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'ORDER#A1' },
      })
      .resolves(items({ pk: 'ORDER#A1', sk: 'ORDER', customerId: 'cust-mira' }))
      .on(QueryCommand, {
        TableName: 'conversations',
        ExpressionAttributeValues: { ':pk': 'SESSION#s-guest' },
      })
      .resolves(
        items({ pk: 'SESSION#s-guest', sk: 'META' }, { pk: 'SESSION#s-guest', sk: 'MSG#0000000001' }),
      );
    dynamo.on(ScanCommand).resolves(items());
    dynamo.on(ScanCommand, { TableName: 'conversations' }).resolves(items({ pk: 'SESSION#s-guest' }));
    dynamo.on(BatchWriteCommand).resolves({ $metadata: { httpStatusCode: 200 }, UnprocessedItems: {} });
    dynamo.on(PutCommand).resolves({ $metadata: { httpStatusCode: 200 } });
    s3.on(ListObjectVersionsCommand).resolves(listing('photos/none/', []));
    s3.on(ListObjectVersionsCommand, { Prefix: GUEST_PREFIX }).resolves(listing(GUEST_PREFIX, ['p1@v1']));
    s3.on(DeleteObjectsCommand).resolves({ $metadata: { httpStatusCode: 200 }, Deleted: [] });

    const response = await handler(event('POST /privacy/erase', '{"customerId":"cust-mira"}'), {});
    expect(response.statusCode).toBe(200);
    const record = JSON.parse(response.body as string);
    expect(record).toMatchObject({
      kind: 'erase',
      requestedBy: CALLER,
      counts: {
        orders: 1,
        sessions: 1,
        messages: 1,
        conversation_records: 1,
        photo_versions: 1,
        'facts.queued_keys': 2,
      },
    });
    // The guest principal of the order is searched with the customer.
    const sessionScan = dynamo.commandCalls(ScanCommand, { TableName: 'conversations' })[0]?.args[0].input;
    expect(sessionScan?.FilterExpression).toBe('sk = :meta AND customerId IN (:p0, :p1)');
    expect(sessionScan?.ExpressionAttributeValues).toMatchObject({
      ':p0': 'cust-mira',
      ':p1': 'guest:A1',
    });
    const audit = dynamo
      .commandCalls(PutCommand)
      .map((call) => call.args[0].input.Item)
      .find((item) => item?.type === 'privacy_request');
    expect(audit?.requestedBy).toBe(CALLER);
    expect(JSON.stringify(audit)).not.toContain('cust-mira');
    // The facts wait for the daily rewrite, which records its completion against this request.
    const queued = dynamo
      .commandCalls(PutCommand)
      .map((call) => call.args[0].input.Item)
      .find((item) => item?.type === 'pending_fact_erasure');
    expect(queued).toMatchObject({
      requestId: record.requestId,
      requestedBy: CALLER,
      subject: record.subject,
    });
    expect(JSON.stringify(queued)).not.toContain('"cust-mira"');
  });

  it('refuses a request without an IAM identity and a malformed body, running nothing', async () => {
    const anonymous = await handler(event('POST /privacy/erase', '{"customerId":"cust-mira"}', null), {});
    expect(anonymous.statusCode).toBe(403);
    const malformed = await handler(event('POST /privacy/export', '{"customer":"cust-mira"}'), {});
    expect(malformed.statusCode).toBe(400);
    expect(JSON.parse(malformed.body as string)).toMatchObject({ error: 'invalid_request' });
    expect(dynamo.calls()).toHaveLength(0);
  });
});
