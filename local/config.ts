import { resolve } from 'node:path';
import * as z from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

/** Every port and folder of the local stack can be moved by environment variable. */
export const LocalConfigSchema = z.object({
  AFTERDESK_DATA_DIR: z.string().default('.afterdesk/data'),
  AFTERDESK_WS_PORT: port.default(8787),
  AFTERDESK_WEB_PORT: port.default(8080),
  AFTERDESK_AGENT_WS_PORT: port.default(8788),
  AFTERDESK_DYNAMODB_PORT: port.default(8000),
  AFTERDESK_TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,100}$/)
    .default('afterdesk-local'),
});

export interface LocalConfig {
  dataDir: string;
  wsPort: number;
  webPort: number;
  /** The agents' WebSocket API; tests leave it out for a free port. */
  agentWsPort?: number;
  dynamodbPort: number;
  tablePrefix: string;
}

export function loadLocalConfig(source: NodeJS.ProcessEnv = process.env): LocalConfig {
  const parsed = LocalConfigSchema.parse(source);
  return {
    dataDir: resolve(parsed.AFTERDESK_DATA_DIR),
    wsPort: parsed.AFTERDESK_WS_PORT,
    webPort: parsed.AFTERDESK_WEB_PORT,
    agentWsPort: parsed.AFTERDESK_AGENT_WS_PORT,
    dynamodbPort: parsed.AFTERDESK_DYNAMODB_PORT,
    tablePrefix: parsed.AFTERDESK_TABLE_PREFIX,
  };
}
