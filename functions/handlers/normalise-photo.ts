import { S3ObjectCreatedSchema } from '../adapters/aws/s3-object-created';
import { logger, metrics } from '../config/observability';
import { photoNormaliserDeps } from '../config/photo-normaliser';
import { normaliseUpload } from '../core/photos/normalise-upload';
import { withObservability } from './shared/middleware';

/**
 * EventBridge (S3 Object Created under `incoming/`) → the normalised photo under `photos/`, or a refusal
 * marker; the raw upload is deleted either way. Logs say what happened, never the bytes or the key.
 */
export const handler = withObservability(async (event: unknown): Promise<void> => {
  const parsed = S3ObjectCreatedSchema.safeParse(event);
  if (!parsed.success) {
    metrics.addMetric('PhotoUploadIgnored', 'Count', 1);
    logger.warn('not an S3 Object Created event');
    return;
  }
  const outcome = await normaliseUpload(photoNormaliserDeps, parsed.data.detail.object.key);
  switch (outcome.status) {
    case 'kept':
      metrics.addMetric('PhotoNormalised', 'Count', 1);
      logger.info('photo normalised', {
        width: outcome.width,
        height: outcome.height,
        bytes: outcome.bytes,
        uploadBytes: parsed.data.detail.object.size,
      });
      return;
    case 'refused':
      metrics.addMetric('PhotoRefused', 'Count', 1);
      logger.info('photo refused', { refusal: outcome.refusal, uploadBytes: parsed.data.detail.object.size });
      return;
    default:
      metrics.addMetric('PhotoUploadIgnored', 'Count', 1);
      logger.info('photo upload already handled or not ours', { status: outcome.status });
  }
});
