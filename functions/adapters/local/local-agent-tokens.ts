import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { AgentRole } from '../../core/console/agent-identity';
import { JwtAgentTokenVerifier } from '../aws/jwt-agent-token-verifier';

/** The app client id local tokens are issued to: the `aud` a Cognito ID token carries. */
export const LOCAL_CONSOLE_CLIENT_ID = 'afterdesk-console-local';
export const AGENT_TOKEN_TTL_SECONDS = 8 * 3600;

export interface AgentSigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

/** One RSA key per data folder, created on first start (Cognito signs with RS256 as well). */
export async function readOrCreateAgentKey(file: string): Promise<AgentSigningKey> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as AgentSigningKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(8).toString('hex');
  const key: AgentSigningKey = {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(key), { mode: 0o600 });
  return key;
}

/** Signs what Cognito would put in an ID token for a user of the agent or supervisor group. */
export async function signLocalAgentToken(
  key: AgentSigningKey,
  issuer: string,
  agent: { agentId: string; email: string; firstName: string; role: AgentRole; locale?: string },
  ttlSeconds = AGENT_TOKEN_TTL_SECONDS,
  now: Date = new Date(),
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    email: agent.email,
    email_verified: true,
    given_name: agent.firstName,
    'cognito:username': agent.agentId,
    'cognito:groups': agent.role === 'supervisor' ? ['agent', 'supervisor'] : ['agent'],
    token_use: 'id',
    auth_time: issuedAt,
    // Cognito's standard `locale` attribute: the console speaks the agent's profile language.
    ...(agent.locale ? { locale: agent.locale } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setSubject(agent.agentId)
    .setIssuer(issuer)
    .setAudience(LOCAL_CONSOLE_CLIENT_ID)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(await importJWK(key.privateJwk, 'RS256'));
}

/**
 * The local twin of CognitoJwtVerifier: the same library checks the same claims, against the local
 * public key served at `<issuer>/.well-known/jwks.json` and cached up front, so no request is made.
 */
export class LocalAgentTokenVerifier extends JwtAgentTokenVerifier {
  constructor(issuer: string, publicJwk: JWK) {
    const verifier = JwtRsaVerifier.create({
      issuer,
      audience: LOCAL_CONSOLE_CLIENT_ID,
      jwksUri: `${issuer}/.well-known/jwks.json`,
    });
    verifier.cacheJwks({ keys: [publicJwk as never] });
    super(verifier);
  }
}
