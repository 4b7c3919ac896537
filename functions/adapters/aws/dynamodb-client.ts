import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export function createDocumentClient(options: {
  region: string;
  endpoint?: string;
  /** Wraps the low-level client, e.g. to have the tracer capture it. */
  capture?: (client: DynamoDBClient) => DynamoDBClient;
}): DynamoDBDocumentClient {
  const built = new DynamoDBClient({
    region: options.region,
    endpoint: options.endpoint,
    // DynamoDB Local answers on loopback in a few ms; SDK defaults would retry a real outage for seconds.
    maxAttempts: 3,
  });
  const client = options.capture ? options.capture(built) : built;
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
