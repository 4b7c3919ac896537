import { createHash } from 'node:crypto';
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { FACT_COLUMNS, type FactName } from '../../core/analytics/facts';
import { factPredicates, sqlString } from '../../core/privacy/fact-keys';
import type { CustomerFacts, FactKeys, FactRewriter } from '../../ports/privacy';
import type { AthenaClient, GetQueryResultsOutput } from './athena-client';

export interface AthenaFactsSettings {
  workGroup: string;
  database: string;
  /** The facts bucket: `<fact>/dt=YYYY-MM-DD/` objects, the Glue tables' locations. */
  bucket: string;
  /** Where UNLOAD writes a rewritten file before it is copied into the partition: outside every table. */
  stagingPrefix?: string;
  /** Wait between status checks of a running query. */
  pollMs?: number;
  /** A query still running after this long is given up (the export must answer within the API's 30 s). */
  queryTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const NUMERIC = new Set(['tinyint', 'smallint', 'integer', 'bigint', 'double', 'float', 'real', 'decimal']);

/**
 * A customer's analytics rows in AWS (Parquet written by Firehose, Glue tables, Athena).
 *
 * Reading is one Athena SELECT per fact. Erasing rewrites, one object at a time, only the Parquet objects
 * holding the customer's rows: Athena finds them (`"$path"`), UNLOADs each object minus those rows into a
 * staging prefix, the result is copied into the partition under a name derived from the original's, and the
 * original is deleted. Every step can be repeated: a crash leaves the original in place (found and rewritten
 * again, over the same derived names) or already gone (nothing left to find). Firehose never writes to an
 * existing key, so no object is rewritten while it is being written. The bucket is unversioned, so a
 * deleted object leaves no older version behind.
 */
export class AthenaCustomerFacts implements CustomerFacts, FactRewriter {
  private readonly staging: string;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly athena: AthenaClient,
    private readonly s3: S3Client,
    private readonly settings: AthenaFactsSettings,
  ) {
    this.staging = settings.stagingPrefix ?? 'privacy-staging/';
    this.sleep = settings.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async read(keys: FactKeys): Promise<Record<string, unknown[]>> {
    const facts = factPredicates(keys);
    const rows = await Promise.all(
      facts.map(([fact, predicate]) => this.select(`SELECT * FROM ${this.table(fact)} WHERE ${predicate}`)),
    );
    return Object.fromEntries(facts.map(([fact], index) => [fact, rows[index] ?? []]));
  }

  async erase(keys: FactKeys): Promise<Record<string, number>> {
    const facts = factPredicates(keys);
    const counts: Record<string, number> = {};
    let files = 0;
    if (facts.length === 0) return { files_rewritten: 0 };
    const found = await this.select(
      facts
        .map(
          ([fact, predicate]) =>
            `SELECT ${sqlString(fact)} AS fact, "$path" AS path, count(*) AS n FROM ${this.table(fact)} WHERE ${predicate} GROUP BY "$path"`,
        )
        .join(' UNION ALL '),
    );
    const predicateOf = new Map(facts);
    for (const row of found) {
      const fact = row.fact as FactName;
      const predicate = predicateOf.get(fact);
      if (!predicate) throw new Error(`Athena answered an unexpected fact ${String(row.fact)}`);
      await this.rewrite(fact, String(row.path), predicate);
      counts[fact] = (counts[fact] ?? 0) + Number(row.n);
      files += 1;
    }
    return { ...counts, files_rewritten: files };
  }

  /** One object of a partition, rewritten without the rows the predicate matches. */
  private async rewrite(fact: FactName, path: string, predicate: string): Promise<void> {
    const { bucket } = this.settings;
    const prefix = `s3://${bucket}/`;
    const key = path.startsWith(prefix) ? path.slice(prefix.length) : '';
    const dt = /^[a-z_]+\/dt=(\d{4}-\d{2}-\d{2})\//.exec(key)?.[1];
    if (!key.startsWith(`${fact}/`) || !dt)
      throw new Error(`not a ${fact} object of the facts bucket: ${path}`);
    // One staging folder per original, emptied first: UNLOAD refuses a location that holds objects.
    const staging = `${this.staging}${createHash('sha256').update(key).digest('hex').slice(0, 32)}/`;
    await this.deleteKeys(await this.listKeys(staging));
    const columns = FACT_COLUMNS[fact].map((column) => `"${column.name}"`).join(', ');
    await this.run(
      `UNLOAD (SELECT ${columns} FROM ${this.table(fact)} WHERE dt = ${sqlString(dt)} AND "$path" = ${sqlString(path)} AND NOT coalesce((${predicate}), false)) ` +
        `TO ${sqlString(`s3://${bucket}/${staging}`)} WITH (format = 'PARQUET', compression = 'SNAPPY')`,
    );
    const staged = (await this.listKeys(staging)).sort();
    // Names derived from the original's: a repeated run overwrites its own copies instead of adding rows.
    const target = (index: number) => `${key}-erased-${index}`;
    for (const [index, source] of staged.entries())
      await this.s3.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: target(index),
          CopySource: `${bucket}/${source.split('/').map(encodeURIComponent).join('/')}`,
        }),
      );
    // Copies an earlier, interrupted run made beyond this run's count would duplicate rows.
    const extra = (await this.listKeys(`${key}-erased-`)).filter((candidate) => {
      const index = /-erased-(\d+)$/.exec(candidate.slice(key.length))?.[1];
      return candidate === `${key}-erased-${index}` && Number(index) >= staged.length;
    });
    await this.deleteKeys([...extra, key, ...staged]);
  }

  private table(fact: FactName): string {
    return `"${this.settings.database}"."${fact}"`;
  }

  private async select(sql: string): Promise<Record<string, unknown>[]> {
    const id = await this.run(sql);
    const rows: Record<string, unknown>[] = [];
    let next: string | undefined;
    let header = true;
    do {
      const page: GetQueryResultsOutput = await this.athena.send('GetQueryResults', {
        QueryExecutionId: id,
        ...(next ? { NextToken: next } : {}),
      });
      const columns = page.ResultSet.ResultSetMetadata.ColumnInfo;
      for (const row of page.ResultSet.Rows) {
        // A SELECT's first row is its column names.
        if (header) {
          header = false;
          continue;
        }
        rows.push(
          Object.fromEntries(
            columns.map((column, index) => [column.Name, typed(column.Type, row.Data[index]?.VarCharValue)]),
          ),
        );
      }
      next = page.NextToken;
    } while (next);
    return rows;
  }

  /** Starts a query and waits for it; a query that fails or is cancelled throws with Athena's reason. */
  private async run(sql: string): Promise<string> {
    const { QueryExecutionId: id } = await this.athena.send('StartQueryExecution', {
      QueryString: sql,
      WorkGroup: this.settings.workGroup,
      QueryExecutionContext: { Database: this.settings.database },
    });
    const deadline = Date.now() + (this.settings.queryTimeoutMs ?? 600_000);
    for (let wait = this.settings.pollMs ?? 500; ; wait = Math.min(wait * 2, 5_000)) {
      const { QueryExecution } = await this.athena.send('GetQueryExecution', { QueryExecutionId: id });
      const { State, StateChangeReason } = QueryExecution.Status;
      if (State === 'SUCCEEDED') return id;
      if (State === 'FAILED' || State === 'CANCELLED')
        throw new Error(
          `Athena query ${id} ${State.toLowerCase()}: ${StateChangeReason ?? 'no reason given'}`,
        );
      if (Date.now() > deadline)
        throw new Error(`Athena query ${id} still ${State.toLowerCase()} at the deadline`);
      await this.sleep(wait);
    }
  }

  private async listKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  private async deleteKeys(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 1000) {
      const answer = await this.s3.send(
        new DeleteObjectsCommand({
          Bucket: this.settings.bucket,
          Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = answer.Errors ?? [];
      if (failed.length > 0)
        throw new Error(`S3 did not delete ${failed.length} object(s): ${failed[0]?.Code ?? 'unknown'}`);
    }
  }
}

/** Athena answers every value as text; numbers and booleans are given back their type. */
function typed(type: string, value: string | undefined): unknown {
  if (value === undefined) return null;
  if (NUMERIC.has(type)) return Number(value);
  if (type === 'boolean') return value === 'true';
  return value;
}
