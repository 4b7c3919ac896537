import type { APIGatewayProxyEventV2WithIAMAuthorizer, APIGatewayProxyResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { logger, metrics } from '../config/observability';
import { privacyDeps } from '../config/privacy';
import { eraseCustomer, exportCustomer } from '../core/privacy/requests';
import { withObservability } from './shared/middleware';

const Body = z.object({ customerId: z.string().min(1).max(100) }).strict();
const ACTIONS = { 'POST /privacy/erase': 'erase', 'POST /privacy/export': 'export' } as const;

const json = (statusCode: number, body: unknown): APIGatewayProxyResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

/**
 * POST /privacy/erase and /privacy/export on the admin HTTP API (IAM auth: API Gateway has verified the
 * caller's SigV4 signature and policy before this runs). Who asked is the caller's IAM ARN, recorded with
 * the request; the customer id and the exported data are never logged.
 */
export const handler = withObservability(
  async (event: APIGatewayProxyEventV2WithIAMAuthorizer): Promise<APIGatewayProxyResultV2> => {
    const action = ACTIONS[event.routeKey as keyof typeof ACTIONS];
    const caller = event.requestContext.authorizer?.iam?.userArn;
    if (!action) return json(404, { error: 'not_found', message: 'POST /privacy/erase or /privacy/export' });
    // Only reachable through IAM auth; without an identity there is nobody to record, so nothing runs.
    if (!caller) return json(403, { error: 'forbidden', message: 'an IAM-signed request is required' });
    const body = Body.safeParse(readJson(event));
    if (!body.success)
      return json(400, { error: 'invalid_request', message: 'body must be {"customerId": "<id>"}' });
    const deps = await privacyDeps();
    const input = { customerId: body.data.customerId, requestedBy: caller };
    try {
      if (action === 'erase') {
        const record = await eraseCustomer(deps, input);
        logger.info('privacy request', { kind: 'erase', requestId: record.requestId });
        metrics.addMetric('PrivacyErasure', 'Count', 1);
        return json(200, record);
      }
      const { record, data } = await exportCustomer(deps, input);
      logger.info('privacy request', { kind: 'export', requestId: record.requestId });
      metrics.addMetric('PrivacyExport', 'Count', 1);
      return json(200, { record, data });
    } catch (error) {
      if (error instanceof RangeError) return json(400, { error: 'invalid_request', message: error.message });
      throw error;
    }
  },
);

function readJson(event: APIGatewayProxyEventV2WithIAMAuthorizer): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
