import type { StorePolicySource, StoreRules } from '../../ports/after-sales';

/** For tests and single-tenant demos: fixed rules. */
export class FixedStorePolicySource implements StorePolicySource {
  constructor(private readonly rules: StoreRules) {}
  async get(): Promise<StoreRules> {
    return this.rules;
  }
}
