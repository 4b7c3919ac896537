import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

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

/**
 * GetMetricData over CloudWatch's JSON 1.0 protocol (target GraniteServiceVersion20100801), signed with
 * SigV4 for the `monitoring` service. Written by hand because @aws-sdk/client-cloudwatch is not among the
 * project's dependencies; it needs only the signer and credential chain the installed SDK clients bring.
 */
export class SignedCloudWatchReader implements MetricDataReader {
  private readonly signer: SignatureV4;
  private readonly endpoint: URL;
  private readonly fetch: typeof fetch;

  constructor(options: {
    region: string;
    endpoint?: string;
    credentials?: AwsCredentialIdentityProvider;
    fetch?: typeof fetch;
  }) {
    this.endpoint = new URL(options.endpoint ?? `https://monitoring.${options.region}.amazonaws.com/`);
    this.signer = new SignatureV4({
      service: 'monitoring',
      region: options.region,
      credentials: options.credentials ?? defaultProvider(),
      sha256: Sha256,
    });
    this.fetch = options.fetch ?? fetch;
  }

  async getMetricData(input: GetMetricDataInput): Promise<GetMetricDataOutput> {
    const body = JSON.stringify({
      ...input,
      // The JSON protocol carries timestamps as epoch seconds.
      StartTime: Math.floor(input.StartTime.getTime() / 1000),
      EndTime: Math.floor(input.EndTime.getTime() / 1000),
    });
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: this.endpoint.protocol,
      hostname: this.endpoint.hostname,
      port: this.endpoint.port ? Number(this.endpoint.port) : undefined,
      path: this.endpoint.pathname,
      headers: {
        host: this.endpoint.host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'GraniteServiceVersion20100801.GetMetricData',
      },
      body,
    });
    const response = await this.fetch(this.endpoint, {
      method: 'POST',
      headers: signed.headers,
      body,
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!response.ok) {
      const code = String(parsed.__type ?? 'UnknownError').replace(/^.*#/, '');
      throw new CloudWatchError(response.status, code, String(parsed.message ?? parsed.Message ?? ''));
    }
    return toOutput(parsed);
  }
}

function toOutput(raw: Record<string, unknown>): GetMetricDataOutput {
  const results = Array.isArray(raw.MetricDataResults) ? raw.MetricDataResults : [];
  return {
    MetricDataResults: results.map((result: Record<string, unknown>) => ({
      Id: typeof result.Id === 'string' ? result.Id : undefined,
      Label: typeof result.Label === 'string' ? result.Label : undefined,
      StatusCode: result.StatusCode as MetricDataResult['StatusCode'],
      Timestamps: Array.isArray(result.Timestamps)
        ? result.Timestamps.map((seconds: number) => new Date(seconds * 1000))
        : [],
      Values: Array.isArray(result.Values) ? result.Values.map(Number) : [],
    })),
    NextToken: typeof raw.NextToken === 'string' ? raw.NextToken : undefined,
  };
}
