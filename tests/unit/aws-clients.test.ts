import { LambdaClient } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';

async function clientsWithTracing(enabled: boolean) {
  vi.resetModules();
  vi.stubEnv('POWERTOOLS_TRACE_ENABLED', String(enabled));
  // Powertools traces only inside Lambda, which it recognises by AWS_EXECUTION_ENV.
  vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs24.x');
  return import('../../functions/config/clients');
}

const middlewareNames = (client: LambdaClient) => client.middlewareStack.identify().join(' ');

describe('AWS client factory', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('has the tracer capture every client when tracing is on', async () => {
    const { createClient } = await clientsWithTracing(true);
    const client = createClient(LambdaClient, { region: 'eu-west-1' });
    expect(middlewareNames(client)).toMatch(/XRay/i);
    expect(await client.config.region()).toBe('eu-west-1');
  });

  it('leaves clients untouched when tracing is off', async () => {
    const { createClient } = await clientsWithTracing(false);
    expect(middlewareNames(createClient(LambdaClient, { region: 'eu-west-1' }))).not.toMatch(/XRay/i);
  });
});
