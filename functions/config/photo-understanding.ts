import { DynamoDbPhotoFingerprints } from '../adapters/aws/dynamodb-photo-fingerprints';
import { answerPhoto, type PhotoTurnInput, type PhotoTurnResult } from '../core/photos/answer-photo';
import { ModelPhotoReader } from '../core/photos/model-photo-reader';
import type { PhotoReader } from '../ports/photo-processing';
import { claims } from './after-sales';
import { captureClient } from './clients';
import { documentClient, orders } from './dynamodb';
import { photos } from './photos';
import { env } from './runtime-env';
import { recordBedrockUsage } from './usage-metrics';

/**
 * The photo reader per mode, built on first photo: Bedrock Converse with image blocks in the cloud, OCR
 * and pixel statistics locally. The local reader is imported through a computed path so Lambda bundles
 * never pull in tesseract.js or sharp's native code.
 */
async function buildReader(): Promise<PhotoReader> {
  if (env.AFTERDESK_MODE === 'local') {
    const localReader = '../adapters/local/local-photo-reader';
    const ocrWorker = '../adapters/local/ocr-worker';
    const [{ LocalPhotoReader }, { sharedOcrWorker }] = await Promise.all([
      import(localReader) as Promise<typeof import('../adapters/local/local-photo-reader')>,
      import(ocrWorker) as Promise<typeof import('../adapters/local/ocr-worker')>,
    ]);
    return new LocalPhotoReader(sharedOcrWorker);
  }
  const { BedrockChatModel, createBedrockRuntimeClient } = await import('../adapters/aws/bedrock-chat-model');
  return new ModelPhotoReader(
    new BedrockChatModel({
      client: captureClient(
        createBedrockRuntimeClient({ region: env.AWS_REGION, endpoint: env.BEDROCK_ENDPOINT }),
      ),
      modelId: env.BEDROCK_VISION_MODEL_ID ?? env.BEDROCK_MODEL_ID,
      // A reading is a short tool call.
      maxTokens: 600,
      temperature: 0,
      onUsage: recordBedrockUsage,
    }),
  );
}

let reader: Promise<PhotoReader> | undefined;
const fingerprints = new DynamoDbPhotoFingerprints(documentClient, env.STORE_TABLE);

/** The assistant's photo turn, with the tools it acts through passed in by the handler. */
export function photoTurn(
  tools: Parameters<typeof answerPhoto>[0]['tools'],
): (input: PhotoTurnInput) => Promise<PhotoTurnResult> {
  return async (input) => {
    reader ??= buildReader().catch((error: unknown) => {
      reader = undefined;
      throw error;
    });
    return answerPhoto(
      { photos, reader: await reader, orders, claims, tools, fingerprints, now: () => new Date() },
      input,
    );
  };
}
