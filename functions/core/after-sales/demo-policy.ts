import routing from '../../../store/complaints.json';
import policy from '../../../store/policy.json';
import { type ComplaintRouting, parseComplaintRouting } from './complaints';
import { parseStorePolicy, type StorePolicy } from './policy';

/**
 * The rules of the store configured in store/ (docs/store-config.md), bundled so that a stack whose table
 * holds no CONFIG#policy item yet still applies the seller's files. The demo store's files match its FAQ
 * ("unworn items can be returned within 30 days of delivery"); its earbuds are final sale for hygiene, so
 * the demo shows a refusal next to the faulty-item path that still accepts them, and the limits put the
 * rain jacket (EUR 129) above the automatic refund line.
 */
export const DEMO_STORE_POLICY: StorePolicy = parseStorePolicy(policy);

export const DEMO_COMPLAINT_ROUTING: ComplaintRouting = parseComplaintRouting(routing);
