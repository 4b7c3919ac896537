import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { conversations } from '../config/dynamodb';
import { logger, metrics } from '../config/observability';
import { signingSecret } from '../config/signing-secret';
import { authorizeConnection } from '../core/chat/authorize-connection';
import { withObservability } from './shared/middleware';

/** $connect REQUEST authorizer. Throwing "Unauthorized" is how API Gateway is told to answer 401. */
export const handler = withObservability(
  async (event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
    const decision = await authorizeConnection(
      { secret: signingSecret, conversations },
      { token: event.queryStringParameters?.token, session: event.queryStringParameters?.session },
    );
    if (decision.outcome === 'unauthorized') {
      logger.info('connection refused', { reason: decision.reason });
      metrics.addMetric('ConnectionRefused', 'Count', 1);
      throw new Error('Unauthorized');
    }
    const allowed = decision.outcome === 'allow';
    metrics.addMetric(allowed ? 'ConnectionAuthorized' : 'ConnectionForbidden', 'Count', 1);
    if (!allowed) logger.info('connection forbidden', { reason: decision.reason });
    return {
      principalId: allowed ? decision.customerId : 'anonymous',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Action: 'execute-api:Invoke', Effect: allowed ? 'Allow' : 'Deny', Resource: event.methodArn },
        ],
      },
      context: allowed ? { customerId: decision.customerId, sessionId: decision.sessionId } : {},
    };
  },
);
