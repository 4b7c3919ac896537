import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { VideoParty } from './session';

/**
 * A join ticket: proof that the server handed this party this call's join information, short-lived and
 * single-use (the session keeps used ticket ids). HS256 with the store's signing secret, as shopper tokens
 * (jose: aws-jwt-verify verifies only asymmetric tokens).
 */
const ISSUER = 'afterdesk-video';
const AUDIENCE = 'afterdesk-video-join';
export const TICKET_TTL_SECONDS = 120;

export interface JoinTicket {
  ticketId: string;
  callId: string;
  party: VideoParty;
  principal: string;
}

export type TicketRejection = 'expired' | 'invalid';

export async function signJoinTicket(
  secret: Uint8Array,
  input: Omit<JoinTicket, 'ticketId'>,
  now: Date = new Date(),
): Promise<{ token: string; ticketId: string }> {
  const ticketId = randomUUID();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({ callId: input.callId, party: input.party })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.principal)
    .setJti(ticketId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TICKET_TTL_SECONDS)
    .sign(secret);
  return { token, ticketId };
}

export async function verifyJoinTicket(
  secret: Uint8Array,
  token: string,
  now: Date = new Date(),
): Promise<{ ok: true; ticket: JoinTicket } | { ok: false; reason: TicketRejection }> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'exp', 'jti'],
      currentDate: now,
    });
    const { callId, party } = payload as { callId?: unknown; party?: unknown };
    if (
      typeof callId !== 'string' ||
      (party !== 'shopper' && party !== 'agent') ||
      !payload.sub ||
      !payload.jti
    )
      return { ok: false, reason: 'invalid' };
    return { ok: true, ticket: { ticketId: payload.jti, callId, party, principal: payload.sub } };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
