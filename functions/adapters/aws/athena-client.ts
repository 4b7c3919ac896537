import {
  AthenaServiceException,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type AthenaClient as SdkAthenaClient,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';

/**
 * The three Athena operations the fact erasure and export use, over the SDK's client, with the response
 * shapes they read and one typed error.
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

/** An error Athena answered (its exception name and message). */
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

export class AthenaClient {
  constructor(private readonly sdk: SdkAthenaClient) {}

  async send<O extends keyof Operations>(operation: O, input: Operations[O][0]): Promise<Operations[O][1]> {
    try {
      return (await this.sdk.send(command(operation, input) as never)) as Operations[O][1];
    } catch (error) {
      if (error instanceof AthenaServiceException) {
        throw new AthenaError(error.name, error.message, error.$metadata.httpStatusCode ?? 0);
      }
      throw error;
    }
  }
}

function command<O extends keyof Operations>(operation: O, input: Operations[O][0]) {
  switch (operation) {
    case 'StartQueryExecution':
      return new StartQueryExecutionCommand(input as StartQueryExecutionInput);
    case 'GetQueryExecution':
      return new GetQueryExecutionCommand(input as Operations['GetQueryExecution'][0]);
    default:
      return new GetQueryResultsCommand(input as Operations['GetQueryResults'][0]);
  }
}
