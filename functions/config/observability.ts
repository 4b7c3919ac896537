import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** One Logger, Tracer and Metrics per process, shared by every handler (the Powertools sample-app shape). */
export const logger = new Logger({ serviceName: 'afterdesk' });
export const tracer = new Tracer({ serviceName: 'afterdesk' });
export const metrics = new Metrics({ namespace: 'Afterdesk', serviceName: 'afterdesk' });

export const metricsDisabled = ['true', '1'].includes(process.env.POWERTOOLS_METRICS_DISABLED ?? '');
