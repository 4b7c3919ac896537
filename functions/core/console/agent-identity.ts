/**
 * Who is behind an agent connection. Cognito ID tokens (AWS) and the locally signed tokens (npm start)
 * carry the same claims, so one mapping reads both; only signature checks differ per mode (adapters).
 */
export const AGENT_GROUPS = ['agent', 'supervisor'] as const;
export type AgentRole = (typeof AGENT_GROUPS)[number];

export interface AgentIdentity {
  agentId: string;
  email: string;
  /** The first name the shopper sees when this agent joins. */
  firstName: string;
  role: AgentRole;
}

export type AgentTokenRejection =
  | 'missing'
  | 'malformed'
  | 'bad_signature'
  | 'expired'
  | 'wrong_audience'
  | 'wrong_issuer'
  | 'not_an_id_token'
  | 'not_an_agent';

export class AgentTokenRejectedError extends Error {
  constructor(readonly reason: AgentTokenRejection) {
    super(`agent token rejected: ${reason}`);
    this.name = 'AgentTokenRejectedError';
  }
}

/** The verified payload of a Cognito-style ID token. */
export interface AgentClaims {
  sub?: unknown;
  email?: unknown;
  given_name?: unknown;
  name?: unknown;
  'cognito:username'?: unknown;
  'cognito:groups'?: unknown;
  token_use?: unknown;
}

/** Supervisor wins when a person is in both groups; someone in neither is not an agent at all. */
export function agentIdentityFromClaims(claims: AgentClaims): AgentIdentity {
  if (claims.token_use !== 'id') throw new AgentTokenRejectedError('not_an_id_token');
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [];
  const role: AgentRole | undefined = groups.includes('supervisor')
    ? 'supervisor'
    : groups.includes('agent')
      ? 'agent'
      : undefined;
  if (!role) throw new AgentTokenRejectedError('not_an_agent');
  const agentId = typeof claims.sub === 'string' ? claims.sub : '';
  const email = typeof claims.email === 'string' ? claims.email : '';
  if (!agentId || agentId.length > 128 || !email) throw new AgentTokenRejectedError('malformed');
  const named = [claims.given_name, claims.name, claims['cognito:username']].find(
    (value): value is string => typeof value === 'string' && value.trim().length > 0,
  );
  const firstName = (named ?? email.split('@')[0] ?? 'Agent').trim().split(/\s+/)[0]?.slice(0, 40) ?? 'Agent';
  return { agentId, email, firstName, role };
}
