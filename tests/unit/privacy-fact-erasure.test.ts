import {
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  AthenaClient as SdkAthenaClient,
  StartQueryExecutionCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-athena';
import { CopyObjectCommand, DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AthenaClient, AthenaError } from '../../functions/adapters/aws/athena-client';
import { AthenaCustomerFacts } from '../../functions/adapters/aws/athena-customer-facts';
import { DynamoDbPendingFactErasures } from '../../functions/adapters/aws/dynamodb-pending-fact-erasures';
import { DynamoDbPrivacyAudit } from '../../functions/adapters/aws/dynamodb-privacy-audit';
import { eraseQueuedFacts } from '../../functions/core/privacy/fact-erasures';
import { factPredicate } from '../../functions/core/privacy/fact-keys';

const s3 = mockClient(S3Client);
const dynamo = mockClient(DynamoDBDocumentClient);

const BUCKET = 'afterdesk-facts';
const KEY = 'message_facts/dt=2026-12-01/Afterdesk-message-facts-1-2026-12-01-10-05-00-0b1c2d3e';
const PATH = `s3://${BUCKET}/${KEY}`;
const SESSION = 'sess-0f4c';

/** A column as GetQueryResults describes it. */
const column = (name: string, type: string) => ({
  CatalogName: 'hive',
  SchemaName: '',
  TableName: '',
  Name: name,
  Label: name,
  Type: type,
  Precision: type === 'varchar' ? 2147483647 : 19,
  Scale: 0,
  Nullable: 'UNKNOWN',
  CaseSensitive: type === 'varchar',
});

/** GetQueryResults of a SELECT: the header row first, then the rows, every value as text. */
const results = (columns: Array<[string, string]>, rows: Array<Array<string | undefined>>) => ({
  UpdateCount: 0,
  ResultSet: {
    Rows: [
      columns.map(([name]) => ({ VarCharValue: name })),
      ...rows.map((row) => row.map((v) => (v === undefined ? {} : { VarCharValue: v }))),
    ].map((Data) => ({ Data })),
    ResultSetMetadata: { ColumnInfo: columns.map(([name, type]) => column(name, type)) },
  },
});

/** GetQueryExecution as Athena answers it, in a final state. */
const execution = (id: string, state: 'SUCCEEDED' | 'FAILED' | 'RUNNING', reason?: string) => ({
  QueryExecution: {
    QueryExecutionId: id,
    Query: '…',
    StatementType: 'DML',
    ResultConfiguration: {
      OutputLocation: `s3://afterdesk-results/results/${id}.csv`,
      EncryptionConfiguration: { EncryptionOption: 'SSE_S3' },
    },
    QueryExecutionContext: { Database: 'afterdesk_analytics', Catalog: 'awsdatacatalog' },
    Status: {
      State: state,
      SubmissionDateTime: 1764583500.123,
      ...(state === 'RUNNING' ? {} : { CompletionDateTime: 1764583503.456 }),
      ...(reason
        ? {
            StateChangeReason: reason,
            AthenaError: { ErrorCategory: 2, ErrorType: 1306, Retryable: false, ErrorMessage: reason },
          }
        : {}),
    },
    Statistics: {
      EngineExecutionTimeInMillis: 2100,
      DataScannedInBytes: 48213,
      TotalExecutionTimeInMillis: 2300,
    },
    WorkGroup: 'Afterdesk-analytics',
    EngineVersion: {
      SelectedEngineVersion: 'Athena engine version 3',
      EffectiveEngineVersion: 'Athena engine version 3',
    },
  },
});

/**
 * Athena as the SDK client sees it: answers each operation with the service's response shape, keeps the
 * statements it was asked to run, and lets a test decide how each query ends.
 */
function fakeAthena(script: {
  outcome?: (sql: string) => { state: 'SUCCEEDED' | 'FAILED'; reason?: string };
  rows?: (sql: string) => ReturnType<typeof results>;
}) {
  const statements: string[] = [];
  const sdk = new SdkAthenaClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });
  const athena = mockClient(sdk);
  const queryOf = (id: string | undefined) => statements[Number(String(id).slice(2)) - 1] ?? '';
  athena.on(StartQueryExecutionCommand).callsFake((input: { QueryString?: string }) => {
    statements.push(input.QueryString ?? '');
    return { QueryExecutionId: `q-${statements.length}` };
  });
  athena.on(GetQueryExecutionCommand).callsFake((input: { QueryExecutionId?: string }) => {
    const { state, reason } = script.outcome?.(queryOf(input.QueryExecutionId)) ?? { state: 'SUCCEEDED' };
    return execution(String(input.QueryExecutionId), state, reason);
  });
  athena
    .on(GetQueryResultsCommand)
    .callsFake(
      (input: { QueryExecutionId?: string }) =>
        script.rows?.(queryOf(input.QueryExecutionId)) ?? results([], []),
    );
  return { client: new AthenaClient(sdk), statements, athena };
}

const facts = (athena: AthenaClient) =>
  new AthenaCustomerFacts(athena, s3 as unknown as S3Client, {
    workGroup: 'Afterdesk-analytics',
    database: 'afterdesk_analytics',
    bucket: BUCKET,
    sleep: async () => undefined,
  });

/** The affected-objects query finds KEY holding 3 of the session's message rows. */
const FOUND = results(
  [
    ['fact', 'varchar'],
    ['path', 'varchar'],
    ['n', 'bigint'],
  ],
  [['message_facts', PATH, '3']],
);

const listed = (keys: string[]) => ({
  $metadata: { httpStatusCode: 200 },
  IsTruncated: false,
  Name: BUCKET,
  KeyCount: keys.length,
  MaxKeys: 1000,
  Contents: keys.map((Key) => ({
    Key,
    LastModified: new Date('2026-12-02T04:00:00Z'),
    ETag: '"d41d8cd98f00b204e9800998ecf8427e"',
    Size: 20480,
    StorageClass: 'STANDARD' as const,
  })),
});

const keys = { sessionIds: [SESSION], orderIds: [], returnIds: [], claimIds: [] };

beforeEach(() => {
  s3.reset();
  dynamo.reset();
});

describe('analytics facts of one customer in AWS (Athena, S3)', () => {
  it('rewrites only the object holding their rows: UNLOAD without them, copy into the partition, delete the original', async () => {
    const athena = fakeAthena({ rows: (sql) => (sql.includes('"$path" AS path') ? FOUND : results([], [])) });
    let staged = false;
    s3.on(ListObjectsV2Command).callsFake((input: { Prefix: string }) => {
      if (input.Prefix.startsWith('privacy-staging/'))
        return listed(staged ? [`${input.Prefix}20261202_040501_00021_abcde_0f1e2d3c`] : []);
      return listed([]);
    });
    s3.on(CopyObjectCommand).resolves({ CopyObjectResult: { ETag: '"e1"', LastModified: new Date() } });
    s3.on(DeleteObjectsCommand).resolves({ Deleted: [] });
    const eraser = facts(athena.client);
    // UNLOAD's output appears once the UNLOAD has run.
    const originalRun = athena.statements.push.bind(athena.statements);
    athena.statements.push = (...sql: string[]) => {
      if (sql.some((text) => text.startsWith('UNLOAD'))) staged = true;
      return originalRun(...sql);
    };

    const removed = await eraser.erase(keys);

    expect(removed).toEqual({ message_facts: 3, files_rewritten: 1 });
    expect(athena.athena.commandCalls(StartQueryExecutionCommand).length).toBe(athena.statements.length);
    const [find, unload] = athena.statements;
    expect(find).toContain(`"conversation_id" IN ('${SESSION}')`);
    expect(find).not.toContain('return_facts'); // no order, return or case keys
    expect(unload).toMatch(/^UNLOAD \(SELECT "event_id", /);
    expect(unload).toContain(`dt = '2026-12-01' AND "$path" = '${PATH}'`);
    expect(unload).toContain(`AND NOT coalesce(("conversation_id" IN ('${SESSION}')), false)`);
    expect(unload).toMatch(
      /TO 's3:\/\/afterdesk-facts\/privacy-staging\/[0-9a-f]{32}\/' WITH \(format = 'PARQUET'/,
    );
    const copies = s3.commandCalls(CopyObjectCommand).map((call) => call.args[0].input);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.Key).toBe(`${KEY}-erased-0`);
    expect(copies[0]?.CopySource).toMatch(/^afterdesk-facts\/privacy-staging\/[0-9a-f]{32}\/20261202_/);
    const deleted = s3
      .commandCalls(DeleteObjectsCommand)
      .flatMap((call) => call.args[0].input.Delete?.Objects?.map((object) => object.Key) ?? []);
    expect(deleted).toContain(KEY);
    expect(deleted.some((key) => key?.startsWith('privacy-staging/'))).toBe(true);
  });

  it('leaves the original in place when the UNLOAD fails, so nothing is lost and the run can be repeated', async () => {
    const athena = fakeAthena({
      rows: (sql) => (sql.includes('"$path" AS path') ? FOUND : results([], [])),
      outcome: (sql) =>
        sql.startsWith('UNLOAD')
          ? { state: 'FAILED', reason: 'HIVE_PATH_ALREADY_EXISTS: Target directory for table already exists' }
          : { state: 'SUCCEEDED' },
    });
    s3.on(ListObjectsV2Command).resolves(listed([]));
    s3.on(DeleteObjectsCommand).resolves({ Deleted: [] });

    await expect(facts(athena.client).erase(keys)).rejects.toThrow(/failed: HIVE_PATH_ALREADY_EXISTS/);
    expect(s3.commandCalls(CopyObjectCommand)).toHaveLength(0);
    const deleted = s3
      .commandCalls(DeleteObjectsCommand)
      .flatMap((call) => call.args[0].input.Delete?.Objects?.map((object) => object.Key) ?? []);
    expect(deleted).not.toContain(KEY);
  });

  it('exports their rows with numbers and booleans typed, one query per fact they can have rows in', async () => {
    const athena = fakeAthena({
      rows: (sql) =>
        sql.includes('"message_facts"')
          ? results(
              [
                ['conversation_id', 'varchar'],
                ['response_time_ms', 'bigint'],
                ['redacted_text', 'varchar'],
                ['dt', 'varchar'],
              ],
              [[SESSION, '812', 'Where is [NAME] order?', '2026-12-01']],
            )
          : sql.includes('"conversation_facts"')
            ? results(
                [
                  ['conversation_id', 'varchar'],
                  ['first_contact_resolution', 'boolean'],
                  ['reopens', 'integer'],
                ],
                [[SESSION, 'true', undefined]],
              )
            : results([], []),
    });
    const exported = await facts(athena.client).read(keys);
    expect(exported.message_facts).toEqual([
      {
        conversation_id: SESSION,
        response_time_ms: 812,
        redacted_text: 'Where is [NAME] order?',
        dt: '2026-12-01',
      },
    ]);
    expect(exported.conversation_facts).toEqual([
      { conversation_id: SESSION, first_contact_resolution: true, reopens: null },
    ]);
    expect(Object.keys(exported).sort()).toEqual([
      'conversation_facts',
      'message_facts',
      'photo_facts',
      'ticket_facts',
      'video_facts',
    ]);
  });

  it('turns an Athena error answer into a typed error', async () => {
    const sdk = new SdkAthenaClient({ region: 'eu-west-1' });
    mockClient(sdk)
      .on(StartQueryExecutionCommand)
      .rejects(
        new TooManyRequestsException({
          message: 'Rate exceeded',
          Reason: 'CONCURRENT_QUERY_LIMIT_EXCEEDED',
          $metadata: { httpStatusCode: 400 },
        }),
      );
    const client = new AthenaClient(sdk);
    const failure = await client
      .send('StartQueryExecution', { QueryString: 'SELECT 1', WorkGroup: 'w' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AthenaError);
    expect((failure as AthenaError).type).toBe('TooManyRequestsException');
  });

  it('quotes ids inside SQL literals, so an id cannot end the string', () => {
    expect(factPredicate('message_facts', { ...keys, sessionIds: ["x') OR 1=1 --"] })).toBe(
      `"conversation_id" IN ('x'') OR 1=1 --')`,
    );
    expect(factPredicate('return_facts', keys)).toBeUndefined();
  });
});

describe('the daily rewrite of queued fact erasures', () => {
  const QUEUED = {
    pk: 'PRIVACY#FACTS',
    sk: '2026-12-05T09:00:00.000Z#4d1e',
    type: 'pending_fact_erasure',
    requestId: 'req-77',
    requestedBy: 'arn:aws:sts::123456789012:assumed-role/DataProtection/dpo',
    subject: 'a'.repeat(64),
    sessionIds: [SESSION],
    orderIds: [],
    returnIds: [],
    claimIds: [],
  };
  const deps = (athena: AthenaClient) => {
    const queue = new DynamoDbPendingFactErasures(dynamo as unknown as DynamoDBDocumentClient, 'Store');
    return {
      queue,
      rewriter: facts(athena),
      audit: new DynamoDbPrivacyAudit(dynamo as unknown as DynamoDBDocumentClient, 'Store'),
      now: () => new Date('2026-12-06T03:00:00.000Z'),
    };
  };

  it('erases each entry, records the completion against its request (no customer data), then removes the entry', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [QUEUED], Count: 1, ScannedCount: 1 });
    dynamo.on(PutCommand).resolves({});
    dynamo.on(DeleteCommand).resolves({});
    const athena = fakeAthena({});
    s3.on(ListObjectsV2Command).resolves(listed([]));

    const result = await eraseQueuedFacts(deps(athena.client));

    expect(result).toEqual({ completed: 1, failed: 0, failures: [] });
    const record = dynamo.commandCalls(PutCommand)[0]?.args[0].input.Item;
    expect(record).toMatchObject({
      pk: 'PRIVACY#2026-12',
      kind: 'erase-facts',
      requestId: 'req-77',
      requestedBy: QUEUED.requestedBy,
      subject: QUEUED.subject,
      at: '2026-12-06T03:00:00.000Z',
      counts: { 'facts.files_rewritten': 0 },
    });
    expect(JSON.stringify(record)).not.toContain(SESSION);
    expect(dynamo.commandCalls(DeleteCommand)[0]?.args[0].input.Key).toEqual({
      pk: 'PRIVACY#FACTS',
      sk: QUEUED.sk,
    });
  });

  it('keeps an entry queued when its query fails, records nothing, and tries it again on the next run', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [QUEUED], Count: 1, ScannedCount: 1 });
    dynamo.on(PutCommand).resolves({});
    dynamo.on(DeleteCommand).resolves({});
    const failing = fakeAthena({
      outcome: () => ({ state: 'FAILED', reason: 'Query exhausted resources at this scale factor' }),
    });

    const first = await eraseQueuedFacts(deps(failing.client));

    expect(first.completed).toBe(0);
    expect(first.failed).toBe(1);
    expect(first.failures[0]).toEqual({
      id: QUEUED.sk,
      reason: expect.stringContaining('exhausted resources'),
    });
    expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(0);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);

    // The next day Athena answers: the same entry is found again and completed.
    s3.on(ListObjectsV2Command).resolves(listed([]));
    const next = await eraseQueuedFacts(deps(fakeAthena({}).client));
    expect(next.completed).toBe(1);
    expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(1);
  });
});
