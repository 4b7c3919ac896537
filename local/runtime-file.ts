import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a running local stack publishes for the CLI (`afterdesk chat`, `afterdesk import orders`):
 * its endpoints and table names. Removed on a clean stop.
 */
export interface RuntimeInfo {
  pid: number;
  websocketUrl: string;
  connectionsEndpoint: string;
  webUrl: string;
  /** The agent console and the agents' WebSocket API. */
  consoleUrl: string;
  agentWebsocketUrl: string;
  dynamodbEndpoint: string;
  tables: { store: string; conversations: string; connections: string };
  secretFile: string;
}

export const runtimeFilePath = (dataDir: string) => join(dataDir, 'runtime.json');

export async function writeRuntimeInfo(dataDir: string, info: RuntimeInfo): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(runtimeFilePath(dataDir), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

export async function readRuntimeInfo(dataDir: string): Promise<RuntimeInfo> {
  let text: string;
  try {
    text = await readFile(runtimeFilePath(dataDir), 'utf8');
  } catch {
    throw new Error(`No local stack is running (no ${runtimeFilePath(dataDir)}). Start it with: npm start`);
  }
  const info = JSON.parse(text) as RuntimeInfo;
  try {
    process.kill(info.pid, 0);
  } catch {
    throw new Error(
      `The local stack recorded in ${runtimeFilePath(dataDir)} is not running. Start it with: npm start`,
    );
  }
  return info;
}

export async function removeRuntimeInfo(dataDir: string): Promise<void> {
  await rm(runtimeFilePath(dataDir), { force: true });
}
