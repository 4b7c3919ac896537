import type * as z from 'zod';

/** A configuration that failed its schema: names the offending variables, never their values. */
export class ConfigurationError extends Error {
  constructor(readonly fields: readonly string[]) {
    super(`Invalid configuration: ${fields.join(', ')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * The one way configuration is read: checked against its zod schema once, at cold start, so a
 * mis-deployed function fails loudly on its first invocation instead of half-working.
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  source: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new ConfigurationError(parsed.error.issues.map((issue) => issue.path.join('.')));
  return parsed.data;
}
