import { describe, expect, it } from 'vitest';
import { DEMO_COMPLAINT_ROUTING, DEMO_STORE_POLICY } from '../../functions/core/after-sales/demo-policy';
import { ConsoleAgentAvailability } from '../../functions/core/video/agent-availability';
import type { AgentConnection, AgentPresence } from '../../functions/ports/console';

// Saturday 2026-12-05 10:00 UTC is 18:00 in Shanghai: the demo desk (Sat 09:00-13:00) is closed.
const NOW = new Date('2026-12-05T10:00:00Z');

function availability(
  presence: AgentPresence[],
  connections: Array<Pick<AgentConnection, 'agentId' | 'connectionId'>>,
) {
  return new ConsoleAgentAvailability({
    presence: { listPresence: async () => presence },
    agents: {
      listConnections: async () =>
        connections.map((c) => ({
          ...c,
          firstName: 'A',
          role: 'agent' as const,
          connectedAt: NOW.toISOString(),
        })),
    },
    rules: { get: async () => ({ policy: DEMO_STORE_POLICY, routing: DEMO_COMPLAINT_ROUTING }) },
    now: () => NOW,
  });
}

const present = (agentId: string, status: 'online' | 'away', minutesAgo = 1): AgentPresence => ({
  agentId,
  firstName: agentId,
  status,
  updatedAt: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
});

describe("call availability from the console's presence", () => {
  it('rings only the sockets of agents whose console presence is online and fresh', async () => {
    const ringing = await availability(
      [present('li', 'online'), present('ana', 'away'), present('old', 'online', 3 * 60)],
      [
        { agentId: 'li', connectionId: 'c-li-1' },
        { agentId: 'li', connectionId: 'c-li-2' },
        { agentId: 'ana', connectionId: 'c-ana' },
        { agentId: 'old', connectionId: 'c-old' },
      ],
    ).onlineAgentConnections();
    expect(ringing).toEqual(['c-li-1', 'c-li-2']);
  });

  it('does not count an agent marked online who has no console open', async () => {
    expect(await availability([present('li', 'online')], []).onlineAgentConnections()).toEqual([]);
  });

  it("says when the desk next opens from the store policy's hours, in the shopper's language", async () => {
    const next = await availability([], []).nextAvailableAt(NOW, 'en');
    // Next opening: Monday 09:00 in Shanghai (Sunday has no hours) = Monday 01:00 UTC.
    expect(next?.at).toBe('2026-12-07T01:00:00.000Z');
    expect(next?.label).toContain('Monday');
  });
});
