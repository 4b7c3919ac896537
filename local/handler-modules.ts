import type { LambdaHandler } from './gateway/websocket-gateway';

/**
 * Loads `functions/handlers/<module>.ts`, the module a topology entry names, as Lambda would load the
 * bundle built from it. Called after the environment is set: handlers read their configuration at load.
 */
export async function loadHandler(module: string): Promise<LambdaHandler> {
  if (!/^[a-z][a-z0-9-]*$/.test(module)) throw new Error(`Not a handler module name: ${module}`);
  const loaded = (await import(`../functions/handlers/${module}.ts`)) as { handler?: LambdaHandler };
  if (typeof loaded.handler !== 'function') throw new Error(`functions/handlers/${module} has no handler`);
  return loaded.handler;
}
