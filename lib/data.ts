import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { type KeyType, TABLES, type TableDefinition } from '../functions/config/tables';

type TableId = TableDefinition['id'];

const ATTRIBUTE_TYPE: Record<KeyType, dynamodb.AttributeType> = {
  S: dynamodb.AttributeType.STRING,
  N: dynamodb.AttributeType.NUMBER,
};

const STREAM_VIEW: Record<NonNullable<TableDefinition['stream']>, dynamodb.StreamViewType> = {
  NEW_IMAGE: dynamodb.StreamViewType.NEW_IMAGE,
  NEW_AND_OLD_IMAGES: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
};

function key(k: { readonly name: string; readonly type: KeyType }): dynamodb.Attribute {
  return { name: k.name, type: ATTRIBUTE_TYPE[k.type] };
}

/**
 * The DynamoDB tables, built from the same plain definitions (functions/config/tables) that the local
 * DynamoDB launcher uses, so both modes have identical keys, indexes, streams and TTL attributes.
 *
 * Encryption at rest uses the AWS-managed key (aws/dynamodb) rather than a customer-managed key: the data
 * is still KMS-encrypted with CloudTrail-audited key use, while function roles need no kms:* grants
 * (a CMK would add kms:Decrypt/GenerateDataKey* to every role that touches a table), and a retained table
 * can never be made unreadable by scheduling deletion of a key.
 */
export class Data extends Construct {
  private readonly tables = new Map<TableId, dynamodb.Table>();
  readonly definitions: readonly TableDefinition[];

  constructor(scope: Construct, id: string, definitions: readonly TableDefinition[] = TABLES) {
    super(scope, id);
    this.definitions = definitions;

    for (const def of definitions) {
      const table = new dynamodb.Table(this, def.id, {
        // The definition's id is the suffix of the physical name, as in local mode.
        tableName: `${Stack.of(this).stackName}-${def.id}`,
        partitionKey: key(def.partitionKey),
        sortKey: def.sortKey ? key(def.sortKey) : undefined,
        billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
        encryption: dynamodb.TableEncryption.AWS_MANAGED,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: true,
        removalPolicy: RemovalPolicy.RETAIN,
        stream: def.stream ? STREAM_VIEW[def.stream] : undefined,
        timeToLiveAttribute: def.ttlAttribute,
      });
      for (const index of def.globalIndexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: key(index.partitionKey),
          sortKey: index.sortKey ? key(index.sortKey) : undefined,
          projectionType: dynamodb.ProjectionType.ALL,
        });
      }
      this.tables.set(def.id, table);
    }
  }

  /** The table built from the definition with this id. */
  table(id: TableId): dynamodb.Table {
    const table = this.tables.get(id);
    if (!table) throw new Error(`No table with id ${id}`);
    return table;
  }

  /** `{ STORE_TABLE: name, ... }`: every table's physical name under its definition's envVar. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const def of this.definitions) env[def.envVar] = this.table(def.id).tableName;
    return env;
  }
}
