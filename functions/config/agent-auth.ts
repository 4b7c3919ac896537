import * as z from 'zod';
import type { AgentTokenVerifier } from '../ports/console';

/**
 * The agent API's token check, one adapter per mode: Cognito's user pool in AWS, the local signing key
 * under npm start. Apart from config/console so the authorizer bundles nothing else.
 */
const AgentAuthEnvSchema = z.discriminatedUnion('AFTERDESK_MODE', [
  z.object({
    AFTERDESK_MODE: z.literal('aws'),
    AGENT_USER_POOL_ID: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'AGENT_USER_POOL_ID is not a user pool id'),
    AGENT_USER_POOL_CLIENT_ID: z.string().min(1),
  }),
  z.object({
    AFTERDESK_MODE: z.literal('local'),
    LOCAL_AGENT_ISSUER: z.url(),
    LOCAL_AGENT_KEY_FILE: z.string().min(1),
  }),
]);

async function build(): Promise<AgentTokenVerifier> {
  const parsed = AgentAuthEnvSchema.safeParse({ AFTERDESK_MODE: 'aws', ...process.env });
  if (!parsed.success)
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
    );
  const env = parsed.data;
  if (env.AFTERDESK_MODE === 'aws') {
    const { CognitoAgentTokenVerifier } = await import('../adapters/aws/cognito-agent-token-verifier');
    return new CognitoAgentTokenVerifier(env.AGENT_USER_POOL_ID, env.AGENT_USER_POOL_CLIENT_ID);
  }
  const { LocalAgentTokenVerifier, readOrCreateAgentKey } = await import(
    '../adapters/local/local-agent-tokens'
  );
  const key = await readOrCreateAgentKey(env.LOCAL_AGENT_KEY_FILE);
  return new LocalAgentTokenVerifier(env.LOCAL_AGENT_ISSUER, key.publicJwk);
}

export const agentTokens = await build();
