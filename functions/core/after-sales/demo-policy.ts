import { type ComplaintRouting, parseComplaintRouting } from './complaints';
import { parseStorePolicy, type StorePolicy } from './policy';

/**
 * The demo store's rules, matching its FAQ ("unworn items can be returned within 30 days of delivery").
 * The earbuds are final sale for hygiene, so the demo shows a refusal next to the faulty-item path that
 * still accepts them; the limits put the rain jacket (EUR 129) above the automatic refund line.
 */
export const DEMO_STORE_POLICY: StorePolicy = parseStorePolicy({
  timeZone: 'Asia/Shanghai',
  returnWindowDays: 30,
  faultyItemWindowDays: 365,
  finalSaleSkus: ['EARB-WHT'],
  acceptedConditions: ['unopened', 'new_with_tags', 'unworn_no_tags'],
  autoRefundLimits: { EUR: 100, USD: 100, CNY: 800, KRW: 150_000 },
  cancellableStatuses: ['pending', 'paid', 'processing'],
  changeableStatuses: ['pending', 'paid'],
  allowedChanges: ['address', 'size', 'colour'],
  exchangeAllowed: true,
  // A team in Shenzhen: weekdays and Saturday morning, Beijing time.
  agentDesk: {
    businessHours: {
      mon: { open: '09:00', close: '21:00' },
      tue: { open: '09:00', close: '21:00' },
      wed: { open: '09:00', close: '21:00' },
      thu: { open: '09:00', close: '21:00' },
      fri: { open: '09:00', close: '21:00' },
      sat: { open: '09:00', close: '13:00' },
    },
    responseTargetMinutes: 10,
    averageHandlingMinutes: 6,
    vipCustomerIds: ['c-minjun'],
  },
});

export const DEMO_COMPLAINT_ROUTING: ComplaintRouting = parseComplaintRouting({
  defaultOwner: { type: 'queue', id: 'customer-care' },
  payment: { type: 'queue', id: 'payments' },
  delivery: { type: 'queue', id: 'logistics' },
  quality: { type: 'queue', id: 'quality-assurance' },
  website: { type: 'queue', id: 'ecommerce-web' },
});
