import { describe, expect, it } from 'vitest';
import { DEMO_STORE_POLICY } from '../../functions/core/after-sales/demo-policy';
import {
  AgentTokenRejectedError,
  agentIdentityFromClaims,
} from '../../functions/core/console/agent-identity';
import { isOpen, nextOpening } from '../../functions/core/console/business-hours';
import {
  matchesFilter,
  positionInQueue,
  type QueueEntry,
  sortQueue,
} from '../../functions/core/console/queue';
import { shopperNotice } from '../../functions/core/console/shopper-notices';

const now = Date.parse('2026-12-07T04:00:00Z'); // Monday 12:00 in Shanghai
const entry = (sessionId: string, overrides: Partial<QueueEntry> = {}): QueueEntry => ({
  sessionId,
  status: 'queued',
  reason: 'shopper_request',
  priority: 'normal',
  requestedAt: new Date(now - 60_000).toISOString(),
  updatedAt: new Date(now).toISOString(),
  vip: false,
  anger: 0,
  ...overrides,
});

describe('the agents queue order', () => {
  it('puts the angrier shopper first, even when they asked later', () => {
    const calm = entry('calm', { requestedAt: new Date(now - 5 * 60_000).toISOString(), anger: 0.1 });
    const angry = entry('angry', { anger: 0.95 });
    expect(sortQueue([calm, angry], now, 15).map((e) => e.sessionId)).toEqual(['angry', 'calm']);
  });

  it('breaks ties with time waited against the response target, then order value and VIP', () => {
    const waitedLong = entry('long', { requestedAt: new Date(now - 30 * 60_000).toISOString() });
    const bigOrder = entry('big', { orderValue: { currency: 'EUR', minor: 50_000 } });
    const vip = entry('vip', { vip: true });
    expect(sortQueue([vip, bigOrder, waitedLong], now, 15).map((e) => e.sessionId)).toEqual([
      'long',
      'big',
      'vip',
    ]);
  });

  it('counts a place among waiting conversations only, and filters mine, unassigned, language and owner queue', () => {
    const mine = entry('mine', {
      status: 'assigned',
      ownerAgentId: 'agent-mei',
      language: 'fr',
      ownerQueue: 'logistics',
    });
    const waiting = entry('waiting', { language: 'es' });
    expect(positionInQueue([mine, waiting], 'waiting', now, 15)).toBe(1);
    expect(matchesFilter(mine, { kind: 'mine', agentId: 'agent-mei' })).toBe(true);
    expect(matchesFilter(mine, { kind: 'unassigned' })).toBe(false);
    expect(matchesFilter(waiting, { kind: 'language', language: 'es' })).toBe(true);
    expect(matchesFilter(mine, { kind: 'ownerQueue', ownerQueue: 'logistics' })).toBe(true);
    expect(matchesFilter(entry('closed', { status: 'closed' }), { kind: 'all' })).toBe(false);
  });
});

describe('opening hours', () => {
  const desk = DEMO_STORE_POLICY.agentDesk;
  it('reads the hours in the store time zone and finds the next opening after a closed Sunday', () => {
    expect(isOpen(desk, 'Asia/Shanghai', now)).toBe(true);
    const sunday = Date.parse('2026-12-06T04:00:00Z');
    expect(isOpen(desk, 'Asia/Shanghai', sunday)).toBe(false);
    expect(new Date(nextOpening(desk, 'Asia/Shanghai', sunday) ?? 0).toISOString()).toBe(
      '2026-12-07T01:00:00.000Z',
    );
  });

  it('follows the store wall clock across a daylight-saving change, as return windows do', () => {
    const weekdays = { open: '09:00', close: '17:00' };
    const newYork = { ...desk, businessHours: { mon: weekdays } };
    // 13:30 UTC is 08:30 in New York on Monday 2 March (EST), 09:30 on Monday 9 March (EDT).
    expect(isOpen(newYork, 'America/New_York', Date.parse('2026-03-02T13:30:00Z'))).toBe(false);
    expect(isOpen(newYork, 'America/New_York', Date.parse('2026-03-09T13:30:00Z'))).toBe(true);
    expect(
      new Date(
        nextOpening(newYork, 'America/New_York', Date.parse('2026-03-02T13:30:00Z')) ?? 0,
      ).toISOString(),
    ).toBe('2026-03-02T14:00:00.000Z');
  });

  it('treats a desk with no hours written as always open', () => {
    expect(isOpen({ ...desk, businessHours: {} }, 'UTC', now)).toBe(true);
  });
});

describe('agent identity from ID token claims', () => {
  it('reads groups, email and first name like a Cognito ID token', () => {
    expect(
      agentIdentityFromClaims({
        sub: 'u-1',
        email: 'mei@example.com',
        given_name: 'Mei Lin',
        'cognito:groups': ['agent', 'supervisor'],
        token_use: 'id',
      }),
    ).toEqual({ agentId: 'u-1', email: 'mei@example.com', firstName: 'Mei', role: 'supervisor' });
  });

  it('refuses access tokens and people outside the agent groups', () => {
    expect(() =>
      agentIdentityFromClaims({ sub: 'u', email: 'a@b.c', token_use: 'access', 'cognito:groups': ['agent'] }),
    ).toThrow(AgentTokenRejectedError);
    expect(() =>
      agentIdentityFromClaims({ sub: 'u', email: 'a@b.c', token_use: 'id', 'cognito:groups': [] }),
    ).toThrow(/not_an_agent/);
  });
});

describe('what a shopper is told', () => {
  it('names the person who joined, in the shopper language, with no placeholder left', () => {
    expect(shopperNotice('es', 'joined', { name: 'Mei' })).toBe(
      'Mei, de nuestro equipo, se ha unido al chat.',
    );
    expect(shopperNotice('xx', 'waiting', { position: 2, minutes: 12 })).toContain('number 2');
    expect(shopperNotice('ar', 'handedBack', { name: 'Mei' })).not.toMatch(/\{/);
  });
});
