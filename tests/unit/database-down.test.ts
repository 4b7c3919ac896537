import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '../../local/gateway/lambda-context';

// A port nothing listens on: every DynamoDB call fails as it does when the database is down.
beforeAll(() => {
  vi.stubEnv('AFTERDESK_MODE', 'local');
  vi.stubEnv('STORE_TABLE', 'store');
  vi.stubEnv('CONVERSATIONS_TABLE', 'conversations');
  vi.stubEnv('CONNECTIONS_TABLE', 'connections');
  vi.stubEnv('DYNAMODB_ENDPOINT', 'http://127.0.0.1:9');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
  vi.stubEnv('AWS_MAX_ATTEMPTS', '1');
  vi.stubEnv('SIGNING_SECRET_FILE', '/nonexistent/store-secret');
  vi.stubEnv('PHOTO_DIR', '/nonexistent/photos');
  vi.resetModules();
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const event = (body: string, authorizer: Record<string, string> | null) => ({
  body,
  requestContext: {
    connectionId: 'conn-down-1',
    routeKey: 'sendMessage',
    eventType: 'MESSAGE' as const,
    authorizer,
  },
});

describe('sendMessage with the database down', () => {
  it('answers internal_error naming the clientMessageId, so the widget can resend it', async () => {
    const { handler } = await import('../../functions/handlers/send-message');
    const body = JSON.stringify({ action: 'sendMessage', clientMessageId: 'cmid-down-0001', text: 'hello' });
    const result = await handler(
      event(body, { customerId: 'c-ana', sessionId: 's-12345678' }),
      lambdaContext('sendMessage', 5000),
    );
    expect(JSON.parse((result as { body: string }).body)).toEqual({
      type: 'error',
      code: 'internal_error',
      message: expect.any(String),
      clientMessageId: 'cmid-down-0001',
    });
  });

  it('names the clientMessageId when even the connection lookup fails', async () => {
    const { handler } = await import('../../functions/handlers/send-message');
    const body = JSON.stringify({ action: 'sendMessage', clientMessageId: 'cmid-down-0002', text: 'hello' });
    const result = await handler(event(body, null), lambdaContext('sendMessage', 5000));
    expect(JSON.parse((result as { body: string }).body)).toMatchObject({
      code: 'internal_error',
      clientMessageId: 'cmid-down-0002',
    });
  });
});

describe('ping with the database down', () => {
  it('does not answer pong: a health check through it sees the outage', async () => {
    const { handler } = await import('../../functions/handlers/default');
    const result = await handler(
      {
        body: '{"action":"ping"}',
        requestContext: { connectionId: 'conn-down-2', routeKey: '$default', eventType: 'MESSAGE' },
      },
      lambdaContext('$default', 5000),
    );
    expect(JSON.parse((result as { body: string }).body)).toMatchObject({
      type: 'error',
      code: 'internal_error',
    });
  });
});
