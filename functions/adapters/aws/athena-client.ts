import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * Athena's JSON API (three operations), signed with the SDK's own SigV4 signer. Hand-written because
 * @aws-sdk/client-athena is not among this project's dependencies (none may be added this round); the
 * request and response shapes are Athena's wire format (awsJson1_1, target `AmazonAthena.<Operation>`).
 */
export type QueryState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface StartQueryExecutionInput {
  QueryString: string;
  WorkGroup: string;
  QueryExecutionContext?: { Database?: string; Catalog?: string };
  ClientRequestToken?: string;
}
export interface StartQueryExecutionOutput {
  QueryExecutionId: string;
}
export interface GetQueryExecutionOutput {
  QueryExecution: {
    QueryExecutionId: string;
    Status: {
      State: QueryState;
      StateChangeReason?: string;
      AthenaError?: {
        ErrorCategory?: number;
        ErrorType?: number;
        Retryable?: boolean;
        ErrorMessage?: string;
      };
    };
    Statistics?: { DataScannedInBytes?: number; EngineExecutionTimeInMillis?: number };
  };
}
export interface GetQueryResultsOutput {
  UpdateCount?: number;
  ResultSet: {
    Rows: { Data: { VarCharValue?: string }[] }[];
    ResultSetMetadata: { ColumnInfo: { Name: string; Type: string }[] };
  };
  NextToken?: string;
}

interface Operations {
  StartQueryExecution: [StartQueryExecutionInput, StartQueryExecutionOutput];
  GetQueryExecution: [{ QueryExecutionId: string }, GetQueryExecutionOutput];
  GetQueryResults: [
    { QueryExecutionId: string; NextToken?: string; MaxResults?: number },
    GetQueryResultsOutput,
  ];
}

/** An error Athena answered (`__type` and `Message` of its JSON error body). */
export class AthenaError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: number,
  ) {
    super(`${type}: ${message}`);
    this.name = 'AthenaError';
  }
}

export interface AthenaClientOptions {
  region: string;
  /** An SDK client's own `config.credentials` (the Lambda role's, refreshed as they expire). */
  credentials: ConstructorParameters<typeof SignatureV4>[0]['credentials'];
  /** Tests pass a fake that answers as Athena does. */
  fetch?: typeof fetch;
}

export class AthenaClient {
  private readonly signer: SignatureV4;
  private readonly host: string;
  private readonly fetch: typeof fetch;

  constructor(options: AthenaClientOptions) {
    this.host = `athena.${options.region}.amazonaws.com`;
    this.fetch = options.fetch ?? fetch;
    this.signer = new SignatureV4({
      service: 'athena',
      region: options.region,
      credentials: options.credentials,
      sha256: Sha256,
    });
  }

  async send<O extends keyof Operations>(operation: O, input: Operations[O][0]): Promise<Operations[O][1]> {
    const body = JSON.stringify(input);
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: 'https:',
      hostname: this.host,
      path: '/',
      query: {},
      headers: {
        host: this.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AmazonAthena.${operation}`,
      },
      body,
    });
    // fetch sets Host itself, to the same value that was signed.
    const { host: _host, ...headers } = signed.headers;
    const response = await this.fetch(`https://${this.host}/`, { method: 'POST', headers, body });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!response.ok) {
      const type = String(parsed.__type ?? `HTTP ${response.status}`).replace(/^.*#/, '');
      throw new AthenaError(type, String(parsed.Message ?? parsed.message ?? ''), response.status);
    }
    return parsed as unknown as Operations[O][1];
  }
}
