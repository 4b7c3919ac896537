/** Comprehend bills text analysis in units of 100 characters, with a 3-unit minimum per document. */
export function comprehendUnits(texts: readonly string[]): number {
  let units = 0;
  for (const text of texts) units += Math.max(3, Math.ceil(text.length / 100));
  return units;
}

interface MiddlewareClient {
  middlewareStack: {
    add(
      middleware: (
        next: (args: { input: unknown }) => Promise<unknown>,
      ) => (args: { input: unknown }) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

/**
 * Tells `record` the units of every successful Comprehend call the client makes (DetectSentiment,
 * BatchDetectKeyPhrases, DetectPiiEntities…): one middleware on the shared client sees them all. Counted
 * once per command, after its retries, and only when it succeeded (a failed call is not billed).
 */
export function meterComprehendUnits<C extends object>(client: C, record: (units: number) => void): C {
  (client as unknown as MiddlewareClient).middlewareStack.add(
    (next) => async (args) => {
      const output = await next(args);
      const input = args.input as { Text?: unknown; TextList?: unknown };
      const texts = Array.isArray(input.TextList)
        ? input.TextList.filter((text): text is string => typeof text === 'string')
        : typeof input.Text === 'string'
          ? [input.Text]
          : [];
      if (texts.length > 0) record(comprehendUnits(texts));
      return output;
    },
    { step: 'initialize', name: 'afterdeskComprehendUnits' },
  );
  return client;
}
