import { loadEnv } from './env';

export const env = loadEnv();
