import { resolve } from 'node:path';
import { type RuntimeInfo, readRuntimeInfo } from '../local/runtime-file';

export function dataDir(): string {
  return resolve(process.env.AFTERDESK_DATA_DIR ?? '.afterdesk/data');
}

export function runningLocalStack(): Promise<RuntimeInfo> {
  return readRuntimeInfo(dataDir());
}
