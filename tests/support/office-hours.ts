import { DEMO_COMPLAINT_ROUTING, DEMO_STORE_POLICY } from '../../functions/core/after-sales/demo-policy';
import type { AgentPresence } from '../../functions/ports/console';

/** Saturday 20:00 UTC; the desk works Monday to Friday, 09:00-18:00 in Paris: Monday 08:00 UTC is next. */
export const SATURDAY_EVENING = new Date('2026-12-05T20:00:00Z');
export const MONDAY_OPENING = Date.parse('2026-12-07T08:00:00Z');
const weekdays = { open: '09:00', close: '18:00' };
export const officeHours = {
  policy: {
    ...DEMO_STORE_POLICY,
    timeZone: 'Europe/Paris',
    agentDesk: {
      ...DEMO_STORE_POLICY.agentDesk,
      businessHours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays },
    },
  },
  routing: DEMO_COMPLAINT_ROUTING,
};
/** Presence with no agent online. */
export const nobody = { listPresence: async (): Promise<AgentPresence[]> => [] };
