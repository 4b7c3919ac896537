import * as z from 'zod';

export const SessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export function newSessionId(): string {
  return `s-${crypto.randomUUID()}`;
}
