import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AgentRole } from '../../functions/core/console/agent-identity';

export interface DemoAgent {
  agentId: string;
  email: string;
  firstName: string;
  role: AgentRole;
  /** The profile language (Cognito's `locale` attribute), when the agent's record has one. */
  locale?: string;
  password: string;
}

/** Seeded like Cognito users of the stack's pool: two agents and a supervisor. */
const DEMO_AGENT_PROFILES: ReadonlyArray<Omit<DemoAgent, 'password'>> = [
  { agentId: 'agent-mei', email: 'mei@demo.afterdesk.local', firstName: 'Mei', role: 'agent' },
  { agentId: 'agent-lucas', email: 'lucas@demo.afterdesk.local', firstName: 'Lucas', role: 'agent' },
  {
    agentId: 'agent-amira',
    email: 'amira@demo.afterdesk.local',
    firstName: 'Amira',
    role: 'supervisor',
    locale: 'ar',
  },
];

/** Passwords are made once per data folder (never a shared default) and kept there, readable by its owner only. */
export async function readOrSeedDemoAgents(file: string): Promise<DemoAgent[]> {
  let passwords: Record<string, string> = {};
  try {
    passwords = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let changed = false;
  const agents = DEMO_AGENT_PROFILES.map((profile) => {
    let password = passwords[profile.email];
    if (!password) {
      password = `demo-${randomBytes(6).toString('base64url')}`;
      passwords[profile.email] = password;
      changed = true;
    }
    return { ...profile, password };
  });
  if (changed) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(passwords, null, 2), { mode: 0o600 });
  }
  return agents;
}

export function findAgent(
  agents: readonly DemoAgent[],
  email: string,
  password: string,
): DemoAgent | undefined {
  const agent = agents.find((candidate) => candidate.email === email.trim().toLowerCase());
  if (!agent) return undefined;
  const expected = Buffer.from(agent.password);
  const given = Buffer.from(password);
  return expected.length === given.length && timingSafeEqual(expected, given) ? agent : undefined;
}
