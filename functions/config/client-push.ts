import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { ApiGatewayClientPush } from '../adapters/aws/api-gateway-client-push';
import { createClient } from './clients';
import { env } from './runtime-env';

if (!env.CONNECTIONS_ENDPOINT) throw new Error('Invalid configuration: CONNECTIONS_ENDPOINT');

export const clientPush = new ApiGatewayClientPush(
  createClient(ApiGatewayManagementApiClient, {
    region: env.AWS_REGION,
    endpoint: env.CONNECTIONS_ENDPOINT,
    maxAttempts: 2,
  }),
);
