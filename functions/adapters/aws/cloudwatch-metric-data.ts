import {
  type CloudWatchClient,
  CloudWatchServiceException,
  GetMetricDataCommand,
  type GetMetricDataCommandOutput,
} from '@aws-sdk/client-cloudwatch';

/** GetMetricData's input and output, as the CloudWatch API reference names them (JSON 1.0 protocol shapes). */
export interface MetricDataQuery {
  Id: string;
  MetricStat: {
    Metric: { Namespace: string; MetricName: string; Dimensions: Array<{ Name: string; Value: string }> };
    Period: number;
    Stat: 'Sum' | 'Average' | 'Maximum' | 'SampleCount';
  };
  ReturnData?: boolean;
}

export interface GetMetricDataInput {
  MetricDataQueries: MetricDataQuery[];
  StartTime: Date;
  EndTime: Date;
  NextToken?: string;
}

export interface MetricDataResult {
  Id?: string;
  Label?: string;
  Timestamps?: Date[];
  Values?: number[];
  StatusCode?: 'Complete' | 'InternalError' | 'PartialData' | 'Forbidden';
  Messages?: Array<{ Code?: string; Value?: string }>;
}

export interface GetMetricDataOutput {
  MetricDataResults?: MetricDataResult[];
  NextToken?: string;
  Messages?: Array<{ Code?: string; Value?: string }>;
}

/** The one CloudWatch call `afterdesk cost` makes. */
export interface MetricDataReader {
  getMetricData(input: GetMetricDataInput): Promise<GetMetricDataOutput>;
}

export class CloudWatchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`CloudWatch ${code} (${status}): ${message}`);
    this.name = 'CloudWatchError';
  }
}

/** GetMetricData through the AWS SDK's CloudWatch client; its errors become typed `CloudWatchError`s. */
export class SdkCloudWatchReader implements MetricDataReader {
  constructor(private readonly client: CloudWatchClient) {}

  async getMetricData(input: GetMetricDataInput): Promise<GetMetricDataOutput> {
    try {
      return toOutput(await this.client.send(new GetMetricDataCommand(input)));
    } catch (error) {
      if (error instanceof CloudWatchServiceException) {
        throw new CloudWatchError(error.$metadata.httpStatusCode ?? 0, error.name, error.message);
      }
      throw error;
    }
  }
}

function toOutput(raw: GetMetricDataCommandOutput): GetMetricDataOutput {
  return {
    MetricDataResults: (raw.MetricDataResults ?? []).map((result) => ({
      Id: result.Id,
      Label: result.Label,
      StatusCode: result.StatusCode,
      Timestamps: result.Timestamps ?? [],
      Values: result.Values ?? [],
    })),
    NextToken: raw.NextToken,
  };
}
