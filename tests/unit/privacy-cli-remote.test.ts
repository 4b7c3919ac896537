import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callDeployedPrivacy } from '../../cli/commands/privacy-remote';

const cfn = mockClient(CloudFormationClient);
let server: Server;
let apiUrl: string;
const received: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }> =
  [];

beforeAll(async () => {
  // Stands in for the deployed HTTP API: records what arrives, answers as the handler would.
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ method: request.method, url: request.url, headers: request.headers, body });
      const signed = String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ');
      response.writeHead(signed ? 200 : 403, { 'content-type': 'application/json' });
      response.end(signed ? '{"kind":"erase","counts":{"orders":1}}' : '{"message":"Forbidden"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/live`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const client = () =>
  new CloudFormationClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret-example' },
  });

describe('afterdesk privacy --stack', () => {
  it('finds the API in the stack outputs and sends a SigV4-signed request for execute-api', async () => {
    cfn.on(DescribeStacksCommand, { StackName: 'Afterdesk' }).resolves({
      $metadata: { httpStatusCode: 200 },
      Stacks: [
        {
          StackName: 'Afterdesk',
          StackStatus: 'UPDATE_COMPLETE',
          CreationTime: new Date('2026-11-01T00:00:00Z'),
          Outputs: [
            { OutputKey: 'StoreTableName', OutputValue: 'Afterdesk-Store' },
            { OutputKey: 'PrivacyApiUrl', OutputValue: apiUrl, Description: 'privacy API' },
          ],
        },
      ],
    });
    const result = await callDeployedPrivacy('erase', 'c-1', {
      stack: 'Afterdesk',
      cloudFormation: client(),
    });
    expect(result).toEqual({ status: 200, body: { kind: 'erase', counts: { orders: 1 } } });
    const request = received.at(-1);
    expect(request).toMatchObject({
      method: 'POST',
      url: '/live/privacy/erase',
      body: '{"customerId":"c-1"}',
    });
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/,
    );
    expect(request?.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('says so when the stack has no privacy API yet', async () => {
    cfn.on(DescribeStacksCommand, { StackName: 'Old' }).resolves({
      $metadata: { httpStatusCode: 200 },
      Stacks: [
        {
          StackName: 'Old',
          StackStatus: 'UPDATE_COMPLETE',
          CreationTime: new Date('2026-11-01T00:00:00Z'),
          Outputs: [{ OutputKey: 'StoreTableName', OutputValue: 'Old-Store' }],
        },
      ],
    });
    await expect(
      callDeployedPrivacy('export', 'c-1', { stack: 'Old', cloudFormation: client() }),
    ).rejects.toThrow(/no PrivacyApiUrl output/);
  });
});
