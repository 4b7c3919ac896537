import { randomBytes } from 'node:crypto';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { ChimeSDKMeetingsClient } from '@aws-sdk/client-chime-sdk-meetings';
import * as z from 'zod';
import { ApiGatewayVideoPush } from '../adapters/aws/api-gateway-video-push';
import { ChimeVideoMeetings } from '../adapters/aws/chime-video-meetings';
import { DynamoDbConsoleStore } from '../adapters/aws/dynamodb-console-store';
import { DynamoDbVideoSessionRepository } from '../adapters/aws/dynamodb-video-session-repository';
import { WebRtcVideoMeetings } from '../adapters/local/webrtc-video-meetings';
import { ConsoleAgentAvailability } from '../core/video/agent-availability';
import type { VideoDeps } from '../core/video/calls';
import { CHIME_MEDIA_REGIONS } from '../core/video/regions';
import { conversations, documentClient, orders } from './dynamodb';
import { photoReadiness } from './photo-readiness';
import { photoUploads } from './photo-uploads';
import { env } from './runtime-env';
import { signingSecret } from './signing-secret';
import { storeRules } from './store-rules';

/** Video settings, read and checked once at cold start (docs/video.md). */
const VideoEnvSchema = z.object({
  /** Media regions the seller allows (data residency), comma-separated; the nearest to the shopper is used. */
  VIDEO_MEDIA_REGIONS: z
    .string()
    .default('us-east-1')
    .transform((value) =>
      value
        .split(',')
        .map((region) => region.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(CHIME_MEDIA_REGIONS)).min(1)),
  /** The agents' console API @connections endpoint; the chat API's when agents share it (tests). */
  AGENT_CONNECTIONS_ENDPOINT: z.url().optional(),
});

const videoEnv = (() => {
  const parsed = VideoEnvSchema.safeParse(process.env);
  if (!parsed.success)
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data;
})();

if (!env.CONNECTIONS_ENDPOINT) throw new Error('Invalid configuration: CONNECTIONS_ENDPOINT');

const managementClient = (endpoint: string) =>
  new ApiGatewayManagementApiClient({ region: env.AWS_REGION, endpoint, maxAttempts: 2 });
const shopperClient = managementClient(env.CONNECTIONS_ENDPOINT);

const consoleStore = new DynamoDbConsoleStore(documentClient, env.CONVERSATIONS_TABLE, env.RETENTION_DAYS);

export const videoDeps: VideoDeps = {
  sessions: new DynamoDbVideoSessionRepository(documentClient, env.STORE_TABLE),
  meetings:
    env.AFTERDESK_MODE === 'local'
      ? new WebRtcVideoMeetings()
      : new ChimeVideoMeetings(new ChimeSDKMeetingsClient({ region: env.AWS_REGION })),
  push: new ApiGatewayVideoPush({
    shopper: shopperClient,
    agent: videoEnv.AGENT_CONNECTIONS_ENDPOINT
      ? managementClient(videoEnv.AGENT_CONNECTIONS_ENDPOINT)
      : shopperClient,
  }),
  // Who is online and where they are connected: the console's records; when: the store policy's desk hours.
  availability: new ConsoleAgentAvailability({
    presence: consoleStore,
    agents: consoleStore,
    rules: storeRules,
    now: () => new Date(),
  }),
  conversations,
  orders,
  policy: storeRules,
  // Snapshot uploads: a grant signed without the S3 client, readiness checked in DynamoDB.
  photos: { grantUpload: photoUploads.grantUpload, exists: photoReadiness.exists.bind(photoReadiness) },
  signingSecret: () => signingSecret.getSigningSecret(),
  allowedRegions: videoEnv.VIDEO_MEDIA_REGIONS,
  newCallId: () => `v-${randomBytes(12).toString('base64url')}`,
  now: () => new Date(),
};
