import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
// A dependency of every AWS SDK v3 client (the SDK signs its own requests with it); used directly here to
// sign calls to the stack's IAM-authorised HTTP API, which no SDK client covers.
import { SignatureV4 } from '@smithy/signature-v4';

/** SHA-256 and HMAC-SHA256 from node:crypto in the shape the signer asks for. */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret
      ? createHmac('sha256', typeof secret === 'string' ? secret : Buffer.from(secret as ArrayBuffer))
      : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    throw new Error('not supported');
  }
}

export interface RemotePrivacyResult {
  status: number;
  body: unknown;
}

/**
 * Calls POST /privacy/<action> on a deployed stack's privacy API (its `PrivacyApiUrl` output), signed with
 * SigV4 by the caller's own AWS credentials: API Gateway checks them against the PrivacyAdmin policy, and
 * the function records the caller's ARN as who asked.
 */
export async function callDeployedPrivacy(
  action: 'erase' | 'export',
  customerId: string,
  options: { stack: string; region?: string; cloudFormation?: CloudFormationClient },
): Promise<RemotePrivacyResult> {
  const cfn =
    options.cloudFormation ?? new CloudFormationClient(options.region ? { region: options.region } : {});
  const region = await cfn.config.region();
  const described = await cfn.send(new DescribeStacksCommand({ StackName: options.stack }));
  const apiUrl = described.Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'PrivacyApiUrl')?.OutputValue;
  if (!apiUrl)
    throw new Error(`stack ${options.stack} has no PrivacyApiUrl output (deploy this version first)`);
  const url = new URL(`${apiUrl.replace(/\/$/, '')}/privacy/${action}`);
  const body = JSON.stringify({ customerId });
  const signer = new SignatureV4({
    service: 'execute-api',
    region,
    credentials: cfn.config.credentials,
    sha256: NodeSha256,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: {},
    headers: { host: url.host, 'content-type': 'application/json' },
    body,
  });
  // fetch sets Host itself, to the same value that was signed.
  const { host: _host, ...headers } = signed.headers;
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // API Gateway's own errors (403 from IAM auth) are JSON too; anything else is shown as text.
  }
  return { status: response.status, body: parsed };
}
