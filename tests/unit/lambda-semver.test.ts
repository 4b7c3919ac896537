import { describe, expect, it } from 'vitest';
import { gte } from '../../lib/lambda/semver';

describe('the semver stand-in of Lambda bundles', () => {
  it('compares versions as semver.gte does for the calls bundled code makes', () => {
    // cls-hooked: the Node version against 8.0.0; the X-Ray SDK: an SDK version against its minimum.
    expect(gte('20.20.2', '8.0.0')).toBe(true);
    expect(gte('v24.1.0', '8.0.0')).toBe(true);
    expect(gte('8.0.0', '8.0.0')).toBe(true);
    expect(gte('7.10.1', '8.0.0')).toBe(false);
    expect(gte('2.7.15', '2.7.15')).toBe(true);
    expect(gte('2.7.9', '2.7.15')).toBe(false);
    expect(gte('2.10.0', '2.7.15')).toBe(true);
  });

  it('refuses what is not a version, as semver does', () => {
    expect(() => gte('latest', '1.0.0')).toThrow('Invalid Version');
  });
});
