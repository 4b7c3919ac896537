/**
 * Swapped in for `semver` in Lambda bundles only (LAMBDA_BUNDLE_OPTIONS.alias). Its only users there are
 * the X-Ray SDK (captureAWS: the v2 SDK's version, a path Afterdesk never takes) and cls-hooked (the Node
 * version at load), and both call `gte` on plain `x.y.z` versions; the package itself is 28 KB of every
 * bundle. Hand-written because no smaller package does only this.
 */
function parts(version: string): number[] {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(String(version).trim());
  if (!match) throw new TypeError(`Invalid Version: ${version}`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** True when version `a` is at or above `b` (major, minor, patch; pre-release tags are not compared). */
export function gte(a: string, b: string): boolean {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++)
    if ((x[i] as number) !== (y[i] as number)) return (x[i] as number) > (y[i] as number);
  return true;
}
