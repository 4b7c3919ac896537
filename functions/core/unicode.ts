/**
 * Text from outside (shopper frames, seller imports, agent messages) is made well-formed UTF-16 where it
 * enters: a lone surrogate is valid JSON but not valid UTF-8, so anything that encodes it (Parquet, DuckDB,
 * Comprehend, Firehose) fails on it. Each lone surrogate becomes U+FFFD, as `TextEncoder` would encode it.
 */
export function wellFormed(text: string): string {
  // ES2024 (Node 20): the lib target here is ES2023, hence the narrow cast.
  return (text as string & { toWellFormed(): string }).toWellFormed();
}

/** Every string in a parsed JSON value (keys included) made well-formed; other values unchanged. */
export function wellFormedDeep(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormedDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[wellFormed(key)] = wellFormedDeep(inner);
    return out;
  }
  return value;
}
