import * as z from 'zod';

/**
 * The EventBridge event S3 sends for a new object (source aws.s3, detail-type "Object Created"), reduced
 * to what the normaliser reads. Keys in these events are not URL-encoded (unlike S3 notifications).
 */
export const S3ObjectCreatedSchema = z.object({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  detail: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({ key: z.string().min(1), size: z.number().int().nonnegative().optional() }),
  }),
});
export type S3ObjectCreated = z.infer<typeof S3ObjectCreatedSchema>;
