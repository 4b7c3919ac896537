import { tracer } from './observability';

/**
 * The one AWS SDK client factory. Each client is built once, at module scope of a config module, and
 * captured by the Powertools tracer when tracing is on, so every AWS call shows as a subsegment.
 */
export function createClient<C extends object, O>(Client: new (config: O) => C, config: O): C {
  return captureClient(new Client(config));
}

/** For clients an adapter's own factory builds (DynamoDB document client, Bedrock runtime). */
export function captureClient<C extends object>(client: C): C {
  return tracer ? tracer.captureAWSv3Client(client) : client;
}
