import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../local/gateway/lambda-context';

// With the database unreachable nothing can be stored, so nothing may be acknowledged, and the error must
// name the message so the widget can send it again.
let handler: (event: unknown, context: unknown) => Promise<{ body?: string }>;

beforeAll(async () => {
  Object.assign(process.env, {
    AFTERDESK_MODE: 'aws',
    STORE_TABLE: 'store',
    CONVERSATIONS_TABLE: 'conversations',
    CONNECTIONS_TABLE: 'connections',
    // Nothing listens on the discard port: every DynamoDB call is refused at once.
    DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    CONNECTIONS_ENDPOINT: 'http://127.0.0.1:9/local',
    SIGNING_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:afterdesk-signing-AbCdEf',
  });
  handler = (await import('../../functions/handlers/send-message')).handler as never;
});

function routeEvent(body: string, authorized = true) {
  return {
    requestContext: {
      connectionId: 'conn-down',
      routeKey: 'sendMessage',
      eventType: 'MESSAGE',
      authorizer: authorized ? { customerId: 'c-ana', sessionId: 's-12345678' } : undefined,
    },
    body,
    isBase64Encoded: false,
  };
}

describe('sendMessage with the store down', () => {
  it('answers internal_error carrying the clientMessageId, never an ack', async () => {
    const body = JSON.stringify({ action: 'sendMessage', clientMessageId: 'cmid-down-1', text: 'Hello?' });
    const reply = JSON.parse(
      (await handler(routeEvent(body), lambdaContext('send-message', 10_000))).body ?? '',
    );
    expect(reply).toMatchObject({ type: 'error', code: 'internal_error', clientMessageId: 'cmid-down-1' });
  });

  it('names the message even when the connection lookup is what fails', async () => {
    const body = JSON.stringify({ action: 'sendMessage', clientMessageId: 'cmid-down-2', text: 'Hello?' });
    const reply = JSON.parse(
      (await handler(routeEvent(body, false), lambdaContext('send-message', 10_000))).body ?? '',
    );
    expect(reply).toMatchObject({ type: 'error', code: 'internal_error', clientMessageId: 'cmid-down-2' });
  });
});
