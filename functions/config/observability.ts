import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';

/** One Logger, Tracer and Metrics per process, shared by every handler (the Powertools sample-app shape). */
export const logger = new Logger({ serviceName: 'afterdesk' });
export const metrics = new Metrics({ namespace: 'Afterdesk', serviceName: 'afterdesk' });

export const metricsDisabled = ['true', '1'].includes(process.env.POWERTOOLS_METRICS_DISABLED ?? '');
const tracingDisabled = ['false', '0'].includes(process.env.POWERTOOLS_TRACE_ENABLED ?? '');

/**
 * Loaded only when tracing is on: importing the X-Ray SDK installs async hooks that tax every promise,
 * which a local run with tracing off would pay for nothing.
 */
export const tracer: Tracer | undefined = tracingDisabled
  ? undefined
  : new (await import('@aws-lambda-powertools/tracer')).Tracer({ serviceName: 'afterdesk' });
