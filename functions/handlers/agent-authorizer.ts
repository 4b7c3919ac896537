import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { agentTokens } from '../config/agent-auth';
import { logger, metrics } from '../config/observability';
import { AgentTokenRejectedError } from '../core/console/agent-identity';
import { withObservability } from './shared/middleware';

/**
 * The agent API's $connect REQUEST authorizer: only ID tokens of the agent or supervisor group pass.
 * A shopper token, a forged or an expired token is answered 401 ("Unauthorized") and nothing is stored.
 */
export const handler = withObservability(
  async (event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
    try {
      const agent = await agentTokens.verify(event.queryStringParameters?.token);
      metrics.addMetric('AgentConnectionAuthorized', 'Count', 1);
      return {
        principalId: agent.agentId,
        policyDocument: {
          Version: '2012-10-17',
          Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
        },
        context: { agentId: agent.agentId, email: agent.email, firstName: agent.firstName, role: agent.role },
      };
    } catch (error) {
      if (!(error instanceof AgentTokenRejectedError)) throw error;
      logger.info('agent connection refused', { reason: error.reason });
      metrics.addMetric('AgentConnectionRefused', 'Count', 1);
      throw new Error('Unauthorized');
    }
  },
);
