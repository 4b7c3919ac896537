import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { ApiGatewayClientPush } from '../adapters/aws/api-gateway-client-push';
import { env } from './runtime-env';

if (!env.CONNECTIONS_ENDPOINT) throw new Error('Invalid configuration: CONNECTIONS_ENDPOINT');

export const clientPush = new ApiGatewayClientPush(
  new ApiGatewayManagementApiClient({
    region: env.AWS_REGION,
    endpoint: env.CONNECTIONS_ENDPOINT,
    maxAttempts: 2,
  }),
);
