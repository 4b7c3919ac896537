import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger, metrics, metricsDisabled, tracer } from '../../config/observability';

const captureLambdaHandler = tracer
  ? (await import('@aws-lambda-powertools/tracer/middleware')).captureLambdaHandler
  : undefined;

/**
 * The middleware stack every handler shares. Events are never logged: transcripts and tokens are PII.
 * Tracer does not capture responses either, for the same reason.
 */
export function withObservability<TEvent, TResult>(
  handler: (event: TEvent, context: Context) => Promise<TResult>,
): MiddyfiedHandler<TEvent, TResult, Error, Context> {
  let wrapped = middy<TEvent, TResult, Error, Context>(handler);
  if (tracer && captureLambdaHandler)
    wrapped = wrapped.use(captureLambdaHandler(tracer, { captureResponse: false }));
  wrapped = wrapped.use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }));
  // With metrics disabled (local runs, tests) the middleware would only warn that nothing was published.
  return metricsDisabled ? wrapped : wrapped.use(logMetrics(metrics));
}
