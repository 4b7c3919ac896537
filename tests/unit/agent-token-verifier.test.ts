import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JwtAgentTokenVerifier } from '../../functions/adapters/aws/jwt-agent-token-verifier';
import {
  type AgentSigningKey,
  LOCAL_CONSOLE_CLIENT_ID,
  LocalAgentTokenVerifier,
  readOrCreateAgentKey,
  signLocalAgentToken,
} from '../../functions/adapters/local/local-agent-tokens';
import { AgentTokenRejectedError } from '../../functions/core/console/agent-identity';

const LOCAL_ISSUER = 'http://127.0.0.1:4000/agents';
const POOL_ID = 'eu-west-1_Ab12Cd34E';
const COGNITO_ISSUER = `https://cognito-idp.eu-west-1.amazonaws.com/${POOL_ID}`;
const AGENT = { agentId: 'agent-7', email: 'mia@shop.example', firstName: 'Mia', role: 'agent' as const };

let dir: string;
let key: AgentSigningKey;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agent-token-'));
  key = await readOrCreateAgentKey(join(dir, 'agent-key.json'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgentTokenRejectedError);
  return (error as AgentTokenRejectedError).reason;
}

/** Cognito's verifier over the same key, its JWKS cached so no request leaves the machine. */
function cognitoVerifier() {
  const verifier = CognitoJwtVerifier.create({
    userPoolId: POOL_ID,
    clientId: LOCAL_CONSOLE_CLIENT_ID,
    tokenUse: 'id',
    groups: ['agent', 'supervisor'],
  });
  verifier.cacheJwks({ keys: [key.publicJwk as never] });
  return new JwtAgentTokenVerifier(verifier);
}

describe('agent token verification (one verifier, Cognito or the local key behind it)', () => {
  it('reads the same identity from a token whichever verifier checks it', async () => {
    const local = new LocalAgentTokenVerifier(LOCAL_ISSUER, key.publicJwk);
    await expect(local.verify(await signLocalAgentToken(key, LOCAL_ISSUER, AGENT))).resolves.toEqual(AGENT);
    await expect(
      cognitoVerifier().verify(await signLocalAgentToken(key, COGNITO_ISSUER, AGENT)),
    ).resolves.toEqual(AGENT);
  });

  it('rejects a missing, expired, foreign or garbled token with its reason', async () => {
    const local = new LocalAgentTokenVerifier(LOCAL_ISSUER, key.publicJwk);
    expect(await rejection(local.verify(undefined))).toBe('missing');
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
    expect(
      await rejection(local.verify(await signLocalAgentToken(key, LOCAL_ISSUER, AGENT, 60, yesterday))),
    ).toBe('expired');
    expect(
      await rejection(local.verify(await signLocalAgentToken(key, 'http://127.0.0.1:1/other', AGENT))),
    ).toBe('wrong_issuer');
    expect(await rejection(local.verify('not.a.jwt'))).toBe('malformed');
    // Another key under the same key id: a forged signature, not an unknown key to look up.
    const other = await readOrCreateAgentKey(join(dir, 'other-key.json'));
    const otherKey = { ...other, kid: key.kid, privateJwk: { ...other.privateJwk, kid: key.kid } };
    expect(await rejection(local.verify(await signLocalAgentToken(otherKey, LOCAL_ISSUER, AGENT)))).toBe(
      'bad_signature',
    );
    // A token of another issuer reaches Cognito's verifier as an unconfigured issuer (a parameter error
    // in aws-jwt-verify): still a rejection, never an outage.
    expect(
      await rejection(cognitoVerifier().verify(await signLocalAgentToken(key, LOCAL_ISSUER, AGENT))),
    ).toBe('malformed');
  });

  it('lets an outage (not a token problem) through instead of calling it a bad token', async () => {
    const outage = new Error('JWKS endpoint unreachable');
    const verifier = new JwtAgentTokenVerifier({ verify: () => Promise.reject(outage) });
    await expect(verifier.verify('a.b.c')).rejects.toBe(outage);
  });
});
