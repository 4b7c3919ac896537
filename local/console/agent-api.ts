import { join } from 'node:path';
import { readOrCreateAgentKey } from '../../functions/adapters/local/local-agent-tokens';
import { readOrSeedDemoAgents } from './demo-agents';

/** The signing key (Cognito's part, locally) and the seeded demo agents, kept in the data folder. */
export async function prepareLocalAgents(dataDir: string) {
  const keyFile = join(dataDir, 'agent-signing-key.json');
  const [key, agents] = await Promise.all([
    readOrCreateAgentKey(keyFile),
    readOrSeedDemoAgents(join(dataDir, 'demo-agents.json')),
  ]);
  return { key, keyFile, agents };
}
