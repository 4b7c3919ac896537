import type { StorePolicySource } from '../../ports/after-sales';
import type { AgentConnectionStore, PresenceStore } from '../../ports/console';
import type { AgentAvailability } from '../../ports/video-meetings';
import { formatOpening, isOpen } from '../console/business-hours';
import { nextWindow, onlineAgents } from '../console/waiting-notice';

/**
 * Availability for calls from the console's own records: an agent can take a call when their presence says
 * online (the console's freshness rule) and they have a console socket open to ring.
 */
export class ConsoleAgentAvailability implements AgentAvailability {
  constructor(
    private readonly deps: {
      presence: Pick<PresenceStore, 'listPresence'>;
      agents: Pick<AgentConnectionStore, 'listConnections'>;
      rules: StorePolicySource;
      now: () => Date;
    },
  ) {}

  async onlineAgentConnections(): Promise<string[]> {
    const [presence, connections] = await Promise.all([
      this.deps.presence.listPresence(),
      this.deps.agents.listConnections(),
    ]);
    const online = new Set(onlineAgents(presence, this.deps.now().getTime()).map((agent) => agent.agentId));
    return connections
      .filter((connection) => online.has(connection.agentId))
      .map((connection) => connection.connectionId);
  }

  async nextAvailableAt(now: Date, language: string): Promise<{ at: string; label: string } | undefined> {
    const { policy } = await this.deps.rules.get();
    const instant = now.getTime();
    const at = nextWindow(policy, instant, isOpen(policy.agentDesk, policy.timeZone, instant));
    if (at === undefined) return undefined;
    return { at: new Date(at).toISOString(), label: formatOpening(at, language, policy.timeZone) };
  }
}
