import { resolve } from 'node:path';
import { readRuntimeInfo, type RuntimeInfo } from '../local/runtime-file';

export function dataDir(): string {
  return resolve(process.env.AFTERDESK_DATA_DIR ?? '.afterdesk/data');
}

export function runningLocalStack(): Promise<RuntimeInfo> {
  return readRuntimeInfo(dataDir());
}
