/**
 * A keyword's regular expression, compiled the first time a text could match it. Word lists here hold
 * hundreds of Unicode-aware expressions (`\p{L}` classes, lookbehinds); compiling them all at import cost
 * the assistant about 400 ms of cold start, and running each on every message was the slowest step of
 * building an analytics fact. A plain substring test on text every match must contain rules most out.
 */
export class LazyPattern {
  private compiled?: RegExp;

  constructor(
    /** Text every match contains, in the same folding as the texts it is tested on. */
    readonly literal: string,
    private readonly source: string,
    private readonly flags: string,
  ) {}

  /** The expression, or undefined when `folded` cannot hold a match. */
  for(folded: string): RegExp | undefined {
    if (!folded.includes(this.literal)) return undefined;
    this.compiled ??= new RegExp(this.source, this.flags);
    return this.compiled;
  }
}

/** The first word of a folded keyword without its trailing `*`: text any match of the keyword contains. */
export function keywordLiteral(foldedTerm: string): string {
  const bare = foldedTerm.trim().replace(/\*$/, '');
  return bare.split(/\s+/)[0] ?? '';
}
