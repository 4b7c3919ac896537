import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CfnResource } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FACT_COLUMNS } from '../../functions/core/analytics/facts';
import type { AfterdeskStack } from '../../lib/afterdesk-stack';
import { FACT_TABLES, GLUE_TYPES, QUERIES_DIR } from '../../lib/analytics';
import { buildApp, NAG_PLUGIN_NAME, type SynthResult, synthApp } from '../../lib/app';
import { DEFAULT_CONFIG } from '../../lib/config';

/** A loose JSON object: CloudFormation properties as `Template.toJSON()` types them. */
type Json = ReturnType<Template['toJSON']>;
type Statement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
};

let result: SynthResult;
let stack: AfterdeskStack;
let template: Template;
let resources: Record<string, { Type: string; Properties: Json; DependsOn?: string[] }>;

function id(construct: { node: { defaultChild?: unknown } } | CfnResource): string {
  const cfn = 'logicalId' in construct ? construct : (construct.node.defaultChild as CfnResource);
  return Stack.of(stack).getLogicalId(cfn as CfnResource);
}

function ofType(type: string): Array<[string, Json]> {
  return Object.entries(resources)
    .filter(([, r]) => r.Type === type)
    .map(([k, r]) => [k, r.Properties]);
}

function policyStatements(policyLogicalId: string): Statement[] {
  return resources[policyLogicalId]?.Properties.PolicyDocument.Statement as Statement[];
}

function actions(s: Statement): string[] {
  return ([] as string[]).concat(s.Action);
}

beforeAll(() => {
  result = synthApp({ bundle: false });
  stack = result.stack;
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
});

describe('analytics: facts bucket', () => {
  it('is encrypted, blocks public access, refuses plain HTTP, logs access and has a lifecycle', () => {
    const bucketId = id(stack.analytics.bucket);
    const p = resources[bucketId]?.Properties ?? {};
    expect(p.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual({
      SSEAlgorithm: 'AES256',
    });
    expect(p.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(p.LoggingConfiguration.DestinationBucketName).toEqual({
      Ref: id(stack.analytics.accessLogsBucket),
    });

    const rules = p.LifecycleConfiguration.Rules as Array<Json>;
    const main = rules.find((r) => r.Id === 'FactsToInfrequentAccessThenExpire');
    expect(main?.Status).toBe('Enabled');
    expect(main?.Transitions).toEqual([{ StorageClass: 'STANDARD_IA', TransitionInDays: 90 }]);
    expect(main?.ExpirationInDays).toBe(DEFAULT_CONFIG.analytics.retentionDays);

    const policy = ofType('AWS::S3::BucketPolicy').find(
      ([, bp]) => JSON.stringify(bp.Bucket) === JSON.stringify({ Ref: bucketId }),
    );
    const statements = policy?.[1].PolicyDocument.Statement as Array<Record<string, unknown>>;
    expect(
      statements.some(
        (s) =>
          s.Effect === 'Deny' &&
          JSON.stringify(s.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }),
      ),
    ).toBe(true);
  });

  it('every bucket (analytics, photos, console hosting) is encrypted and TLS-only', () => {
    const buckets = ofType('AWS::S3::Bucket');
    expect(buckets.map(([bucketId]) => bucketId).join(' ')).toMatch(/Console/);
    expect(buckets).toHaveLength(5);
    const policies = ofType('AWS::S3::BucketPolicy');
    for (const [bucketId, p] of buckets) {
      expect(p.BucketEncryption, bucketId).toBeDefined();
      const policy = policies.find(([, bp]) => JSON.stringify(bp.Bucket).includes(`"${bucketId}"`));
      expect(JSON.stringify(policy?.[1].PolicyDocument), bucketId).toContain('aws:SecureTransport');
    }
  });

  it('retention comes from context and must outlast the move to Infrequent Access', () => {
    const custom = Template.fromStack(
      buildApp({ bundle: false, context: { analyticsRetentionDays: 400 } }).stack,
    ).toJSON().Resources;
    const rules = custom[id(stack.analytics.bucket)].Properties.LifecycleConfiguration.Rules;
    expect(
      rules.find((r: { Id: string }) => r.Id === 'FactsToInfrequentAccessThenExpire').ExpirationInDays,
    ).toBe(400);
    expect(() => buildApp({ bundle: false, context: { analyticsRetentionDays: 60 } })).toThrow(
      /analyticsRetentionDays/,
    );
  });
});

describe('analytics: Glue catalog', () => {
  it('has one Parquet table per fact with the FACT_COLUMNS schema and partition projection on dt', () => {
    const tables = ofType('AWS::Glue::Table');
    expect(tables.map(([, t]) => t.TableInput.Name).sort()).toEqual([...FACT_TABLES].sort());
    for (const [, t] of tables) {
      const input = t.TableInput;
      const fact = input.Name as keyof typeof FACT_COLUMNS;
      expect(t.DatabaseName).toBe(stack.analytics.databaseName);
      expect(input.TableType).toBe('EXTERNAL_TABLE');
      expect(input.StorageDescriptor.Columns).toEqual(
        FACT_COLUMNS[fact].map((c) => ({ Name: c.name, Type: GLUE_TYPES[c.type] })),
      );
      expect(input.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe(
        'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
      );
      expect(input.StorageDescriptor.InputFormat).toMatch(/Parquet/);
      expect(JSON.stringify(input.StorageDescriptor.Location)).toContain(`/${fact}/`);
      expect(input.PartitionKeys).toEqual([{ Name: 'dt', Type: 'string', Comment: expect.any(String) }]);
      expect(input.Parameters).toMatchObject({
        'projection.enabled': 'true',
        'projection.dt.type': 'date',
        'projection.dt.format': 'yyyy-MM-dd',
        'projection.dt.range': `${DEFAULT_CONFIG.analytics.startDate},NOW`,
      });
      const template = JSON.stringify(input.Parameters['storage.location.template']);
      expect(template).toContain(`/${fact}/dt=\${dt}/`);
    }
  });

  it('maps every column type of FACT_COLUMNS to a Hive type', () => {
    for (const columns of Object.values(FACT_COLUMNS)) {
      for (const c of columns)
        expect(GLUE_TYPES[c.type], c.name).toMatch(
          /^(string|int|bigint|double|boolean|timestamp|array<string>)$/,
        );
    }
  });
});

describe('analytics: Firehose', () => {
  it('has one delivery stream per fact table, each converting to Parquet with its own Glue table and prefixes', () => {
    const streams = ofType('AWS::KinesisFirehose::DeliveryStream');
    expect(streams).toHaveLength(FACT_TABLES.length);
    for (const fact of FACT_TABLES) {
      const [streamId, p] =
        streams.find(([, s]) => s.ExtendedS3DestinationConfiguration.Prefix.startsWith(`${fact}/`)) ?? [];
      expect(streamId, fact).toBe(id(stack.analytics.deliveryStreams[fact]));
      const s3 = p?.ExtendedS3DestinationConfiguration;
      expect(s3.Prefix).toBe(`${fact}/dt=!{timestamp:yyyy-MM-dd}/`);
      expect(s3.ErrorOutputPrefix).toBe(
        `errors/${fact}/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/`,
      );
      expect(s3.RoleARN).toEqual({ 'Fn::GetAtt': [id(stack.analytics.deliveryRoles[fact]), 'Arn'] });
      const conversion = s3.DataFormatConversionConfiguration;
      expect(conversion.Enabled).toBe(true);
      expect(conversion.OutputFormatConfiguration.Serializer.ParquetSerDe).toEqual({ Compression: 'SNAPPY' });
      expect(conversion.SchemaConfiguration).toMatchObject({
        DatabaseName: stack.analytics.databaseName,
        TableName: fact,
        RoleARN: s3.RoleARN,
      });
    }
  });

  it("each delivery role may write only its own fact's prefixes and read only its own Glue table", () => {
    for (const fact of FACT_TABLES) {
      const roleId = id(stack.analytics.deliveryRoles[fact]);
      const policy = ofType('AWS::IAM::Policy').find(
        ([, p]) => JSON.stringify(p.Roles) === `[{"Ref":"${roleId}"}]`,
      );
      const statements = policyStatements(policy?.[0] ?? '');
      const put = JSON.stringify(statements.find((s) => actions(s).includes('s3:PutObject'))?.Resource);
      const glue = JSON.stringify(statements.find((s) => actions(s).includes('glue:GetTable'))?.Resource);
      for (const other of FACT_TABLES) {
        expect(put.includes(`/${other}/*`), `${fact} role on ${other}/`).toBe(other === fact);
        expect(put.includes(`/errors/${other}/*`), `${fact} role on errors/${other}/`).toBe(other === fact);
        expect(glue.includes(`/${other}"`), `${fact} role on table ${other}`).toBe(other === fact);
      }
    }
  });

  it('delivers message facts as Parquet, converted with the message_facts Glue schema', () => {
    const streams = ofType('AWS::KinesisFirehose::DeliveryStream');
    const p = streams.find(([streamId]) => streamId === id(stack.analytics.deliveryStream))?.[1] ?? {};
    expect(p.DeliveryStreamEncryptionConfigurationInput).toEqual({ KeyType: 'AWS_OWNED_CMK' });
    const s3 = p.ExtendedS3DestinationConfiguration;
    expect(s3.BucketARN).toEqual({ 'Fn::GetAtt': [id(stack.analytics.bucket), 'Arn'] });
    expect(s3.Prefix).toBe('message_facts/dt=!{timestamp:yyyy-MM-dd}/');
    expect(s3.ErrorOutputPrefix).toContain('!{firehose:error-output-type}');
    expect(s3.ErrorOutputPrefix).not.toMatch(/^message_facts\//);
    expect(s3.BufferingHints.SizeInMBs).toBeGreaterThanOrEqual(64);
    expect(s3.CloudWatchLoggingOptions.Enabled).toBe(true);

    const conversion = s3.DataFormatConversionConfiguration;
    expect(conversion.Enabled).toBe(true);
    expect(conversion.OutputFormatConfiguration.Serializer.ParquetSerDe).toBeDefined();
    expect(conversion.InputFormatConfiguration.Deserializer.OpenXJsonSerDe).toBeDefined();
    expect(conversion.SchemaConfiguration).toMatchObject({
      DatabaseName: stack.analytics.databaseName,
      TableName: 'message_facts',
      RoleARN: s3.RoleARN,
    });
  });

  it('the delivery role reads the Glue schema and writes only under its prefixes', () => {
    const roleId = id(stack.analytics.deliveryRole);
    const policy = ofType('AWS::IAM::Policy').find(
      ([, p]) => JSON.stringify(p.Roles) === `[{"Ref":"${roleId}"}]`,
    );
    const statements = policyStatements(policy?.[0] ?? '');
    const glue = statements.find((s) => actions(s).includes('glue:GetTable'));
    expect(actions(glue as Statement).sort()).toEqual([
      'glue:GetTable',
      'glue:GetTableVersion',
      'glue:GetTableVersions',
    ]);
    expect(JSON.stringify(glue?.Resource)).toContain('/message_facts');
    const put = statements.find((s) => actions(s).includes('s3:PutObject'));
    const targets = JSON.stringify(put?.Resource);
    expect(targets).toContain('/message_facts/*');
    expect(targets).toContain('/errors/message_facts/*');
    for (const s of statements) for (const a of actions(s)) expect(a).not.toMatch(/\*/);
  });
});

describe('analytics: stream function', () => {
  it('has a stream mapping with partial batch responses, bisection, finite retries, max age and on-failure queue', () => {
    const fnId = id(stack.analytics.function.fn);
    const mappings = ofType('AWS::Lambda::EventSourceMapping').filter(
      ([, m]) => JSON.stringify(m.FunctionName) === JSON.stringify({ Ref: fnId }),
    );
    expect(mappings).toHaveLength(1);
    const p = mappings[0]?.[1] ?? {};
    expect(p.EventSourceArn).toEqual({ 'Fn::GetAtt': [id(stack.data.table('Conversations')), 'StreamArn'] });
    expect(p.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(p.BisectBatchOnFunctionError).toBe(true);
    expect(p.MaximumRetryAttempts).toBeGreaterThanOrEqual(0);
    expect(p.MaximumRetryAttempts).toBeLessThanOrEqual(10);
    expect(p.MaximumRecordAgeInSeconds).toBe(3600);
    expect(p.DestinationConfig.OnFailure.Destination).toEqual({
      'Fn::GetAtt': [id(stack.analytics.failures), 'Arn'],
    });
  });

  it('runs nodejs24.x on arm64 with explicit memory and timeout and knows its delivery streams', () => {
    const p = resources[id(stack.analytics.function.fn)]?.Properties ?? {};
    expect(p.Runtime).toBe('nodejs24.x');
    expect(p.Architectures).toEqual(['arm64']);
    expect(p.MemorySize).toBe(512);
    expect(p.Timeout).toBe(60);
    expect(p.Environment.Variables.ANALYTICS_DELIVERY_STREAM).toEqual({
      Ref: id(stack.analytics.deliveryStream),
    });
    expect(p.Environment.Variables.ANALYTICS_DELIVERY_STREAM_CONVERSATION_FACTS).toEqual({
      Ref: id(stack.analytics.deliveryStreams.conversation_facts),
    });
    expect(p.Environment.Variables.ANALYTICS_DELIVERY_STREAM_PHOTO_FACTS).toEqual({
      Ref: id(stack.analytics.deliveryStreams.photo_facts),
    });
  });

  it('may put record batches to the message, conversation and photo fact streams only and call Comprehend text analysis', () => {
    const policy = stack.analytics.function.role.node.findChild('DefaultPolicy');
    const statements = policyStatements(id(policy));
    const firehose = statements.filter((s) => actions(s).some((a) => a.startsWith('firehose:')));
    expect(firehose).toHaveLength(1);
    expect(actions(firehose[0] as Statement)).toEqual(['firehose:PutRecordBatch']);
    expect(firehose[0]?.Resource).toEqual([
      { 'Fn::GetAtt': [id(stack.analytics.deliveryStream), 'Arn'] },
      { 'Fn::GetAtt': [id(stack.analytics.deliveryStreams.conversation_facts), 'Arn'] },
      { 'Fn::GetAtt': [id(stack.analytics.deliveryStreams.photo_facts), 'Arn'] },
    ]);

    const comprehend = statements.filter((s) => actions(s).some((a) => a.startsWith('comprehend:')));
    expect(comprehend).toHaveLength(1);
    expect(actions(comprehend[0] as Statement).sort()).toEqual([
      'comprehend:BatchDetectKeyPhrases',
      'comprehend:BatchDetectSentiment',
      'comprehend:DetectPiiEntities',
    ]);
    // Comprehend's text operations have no resource-level permissions.
    expect(comprehend[0]?.Resource).toBe('*');

    const stream = statements.find((s) => actions(s).includes('dynamodb:GetRecords'));
    expect(JSON.stringify(stream?.Resource)).toContain('StreamArn');
    const write = statements.find((s) => actions(s).includes('dynamodb:PutItem'));
    expect(JSON.stringify(write?.Resource)).toContain(id(stack.data.table('Conversations')));
    const sqs = statements.filter((s) => actions(s).some((a) => a.startsWith('sqs:')));
    expect(sqs.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [id(stack.analytics.failures), 'Arn'] }]);
  });
});

describe('analytics: Store stream function', () => {
  it('has a Store stream mapping with partial batch responses, bisection, finite retries, max age and on-failure queue', () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping').filter(
      ([, m]) =>
        JSON.stringify(m.FunctionName) === JSON.stringify({ Ref: id(stack.analytics.storeFunction.fn) }),
    );
    expect(mappings).toHaveLength(1);
    const p = mappings[0]?.[1] ?? {};
    expect(p.EventSourceArn).toEqual({ 'Fn::GetAtt': [id(stack.data.table('Store')), 'StreamArn'] });
    expect(p.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(p.BisectBatchOnFunctionError).toBe(true);
    expect(p.MaximumRetryAttempts).toBe(3);
    expect(p.MaximumRecordAgeInSeconds).toBe(3600);
    expect(p.StartingPosition).toBe('LATEST');
    expect(p.DestinationConfig.OnFailure.Destination).toEqual({
      'Fn::GetAtt': [id(stack.analytics.storeFailures), 'Arn'],
    });
  });

  it('knows the return, ticket and video delivery streams and may put to those three only', () => {
    const p = resources[id(stack.analytics.storeFunction.fn)]?.Properties ?? {};
    expect(p.Runtime).toBe('nodejs24.x');
    expect(p.Architectures).toEqual(['arm64']);
    expect(p.Environment.Variables.ANALYTICS_DELIVERY_STREAM_RETURN_FACTS).toEqual({
      Ref: id(stack.analytics.deliveryStreams.return_facts),
    });
    expect(p.Environment.Variables.ANALYTICS_DELIVERY_STREAM_TICKET_FACTS).toEqual({
      Ref: id(stack.analytics.deliveryStreams.ticket_facts),
    });
    expect(p.Environment.Variables.ANALYTICS_DELIVERY_STREAM_VIDEO_FACTS).toEqual({
      Ref: id(stack.analytics.deliveryStreams.video_facts),
    });
    const statements = policyStatements(
      id(stack.analytics.storeFunction.role.node.findChild('DefaultPolicy')),
    );
    const firehose = statements.filter((s) => actions(s).some((a) => a.startsWith('firehose:')));
    expect(firehose.map(actions)).toEqual([['firehose:PutRecordBatch']]);
    expect(firehose[0]?.Resource).toEqual([
      { 'Fn::GetAtt': [id(stack.analytics.deliveryStreams.return_facts), 'Arn'] },
      { 'Fn::GetAtt': [id(stack.analytics.deliveryStreams.ticket_facts), 'Arn'] },
      { 'Fn::GetAtt': [id(stack.analytics.deliveryStreams.video_facts), 'Arn'] },
    ]);
  });

  it('writes only processed-event markers: put and update on the Conversations table, no reads or deletes', () => {
    const statements = policyStatements(
      id(stack.analytics.storeFunction.role.node.findChild('DefaultPolicy')),
    );
    const data = statements.filter((s) =>
      actions(s).some((a) => a.startsWith('dynamodb:') && !/Stream|Records|ShardIterator/.test(a)),
    );
    expect(data.map((s) => actions(s).sort())).toEqual([['dynamodb:PutItem', 'dynamodb:UpdateItem']]);
    expect(data[0]?.Resource).toEqual({ 'Fn::GetAtt': [id(stack.data.table('Conversations')), 'Arn'] });
    expect(
      statements.some((s) => actions(s).some((a) => a.startsWith('comprehend:') || a.startsWith('bedrock:'))),
    ).toBe(false);
  });
});

describe('analytics: Bedrock sentiment fallback', () => {
  it("may invoke only the stack's configured model, through its inference profile, and is told its id", () => {
    const policy = stack.analytics.function.role.node.findChild('DefaultPolicy');
    const bedrock = policyStatements(id(policy)).filter((s) =>
      actions(s).some((a) => a.startsWith('bedrock:')),
    );
    expect(bedrock.map(actions)).toEqual([['bedrock:InvokeModel'], ['bedrock:InvokeModel']]);
    const [profile, model] = bedrock.map((s) => JSON.stringify(s.Resource));
    expect(profile).toContain(`:inference-profile/${DEFAULT_CONFIG.bedrockModelId}`);
    expect(model).toContain(':bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0');
    expect(JSON.stringify(bedrock[1]?.Condition)).toContain('bedrock:InferenceProfileArn');
    const p = resources[id(stack.analytics.function.fn)]?.Properties ?? {};
    expect(p.Environment.Variables.BEDROCK_MODEL_ID).toBe(DEFAULT_CONFIG.bedrockModelId);
  });

  it('a foundation model id is granted as that one model ARN in this Region', () => {
    const custom = buildApp({
      bundle: false,
      context: { bedrockModelId: 'anthropic.claude-3-5-haiku-20241022-v1:0' },
    }).stack;
    const t = Template.fromStack(custom);
    const policy = custom.analytics.function.role.node.findChild('DefaultPolicy').node
      .defaultChild as CfnResource;
    const statements = t.toJSON().Resources[custom.getLogicalId(policy)]?.Properties.PolicyDocument
      .Statement as Statement[];
    const bedrock = statements.filter((s) => actions(s).some((a) => a.startsWith('bedrock:')));
    expect(bedrock).toHaveLength(1);
    expect(actions(bedrock[0] as Statement)).toEqual(['bedrock:InvokeModel']);
    const arn = JSON.stringify(bedrock[0]?.Resource);
    expect(arn).toContain('{"Ref":"AWS::Region"}');
    expect(arn).toContain('::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0');
    expect(arn).not.toContain('*');
  });
});

describe('analytics: Athena', () => {
  it('the workgroup enforces its configuration, encrypted results and a bytes-scanned cutoff', () => {
    const groups = ofType('AWS::Athena::WorkGroup');
    expect(groups).toHaveLength(1);
    const c = groups[0]?.[1].WorkGroupConfiguration;
    expect(c.EnforceWorkGroupConfiguration).toBe(true);
    expect(c.BytesScannedCutoffPerQuery).toBe(DEFAULT_CONFIG.analytics.bytesScannedCutoff);
    expect(c.ResultConfiguration.EncryptionConfiguration.EncryptionOption).toBe('SSE_S3');
    expect(JSON.stringify(c.ResultConfiguration.OutputLocation)).toContain(id(stack.analytics.resultsBucket));
  });

  it('the bytes-scanned cutoff comes from context and respects the Athena minimum', () => {
    const custom = Template.fromStack(
      buildApp({ bundle: false, context: { analyticsBytesScannedCutoff: 50_000_000 } }).stack,
    );
    custom.hasResourceProperties('AWS::Athena::WorkGroup', {
      WorkGroupConfiguration: { BytesScannedCutoffPerQuery: 50_000_000 },
    });
    expect(() => buildApp({ bundle: false, context: { analyticsBytesScannedCutoff: 1000 } })).toThrow(
      /analyticsBytesScannedCutoff/,
    );
  });

  it('has one named query per analytics/queries/*.sql file, in the Glue database and the workgroup', () => {
    const files = fs.readdirSync(QUERIES_DIR).filter((f) => f.endsWith('.sql'));
    expect(files.length).toBeGreaterThan(0);
    const queries = ofType('AWS::Athena::NamedQuery');
    expect(queries.map(([, q]) => q.Name).sort()).toEqual(files.map((f) => f.replace(/\.sql$/, '')).sort());
    const workGroupId = ofType('AWS::Athena::WorkGroup')[0]?.[0];
    for (const [, q] of queries) {
      const sql = fs.readFileSync(path.join(QUERIES_DIR, `${q.Name}.sql`), 'utf8');
      expect(q.QueryString).toBe(sql);
      expect(q.Database).toBe(stack.analytics.databaseName);
      expect(q.WorkGroup).toEqual({ Ref: workGroupId });
      const first = sql.split('\n')[0] ?? '';
      if (first.startsWith('--')) expect(q.Description).toBe(first.replace(/^--\s*/, '').trim());
    }
  });
});

describe('analytics: outputs and cdk-nag', () => {
  it('outputs the bucket, the Glue database and the workgroup', () => {
    const outputs = template.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['AnalyticsBucketName', 'AnalyticsDatabaseName', 'AnalyticsWorkGroupName']),
    );
  });

  it('has an alert bus whose name the analytics stream function reads and the stack outputs', () => {
    const buses = ofType('AWS::Events::EventBus');
    expect(buses).toHaveLength(1);
    const [busId, bus] = buses[0] ?? [];
    expect(bus?.Name).toBe(`${DEFAULT_CONFIG.stackName}-alerts`);
    const fn = resources[id(stack.analytics.function.fn)];
    expect(fn?.Properties.Environment.Variables.ALERT_EVENT_BUS_NAME).toEqual({ Ref: busId });
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.AlertEventBusName?.Value).toEqual({ Ref: busId });
  });

  it('adds no unacknowledged cdk-nag findings', () => {
    expect(result.findings.filter((f) => f.plugin === NAG_PLUGIN_NAME)).toEqual([]);
    expect(result.findings).toEqual([]);
  });
});
