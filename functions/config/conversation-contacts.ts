import * as z from 'zod';
import { DynamoDbContactStateStore } from '../adapters/aws/dynamodb-contact-state-store';
import { OPEN_CONTACT_SHARDS } from '../core/analytics/conversation-contacts';
import type { ContactStateStore } from '../ports/contact-states';
import { documentClient } from './dynamodb';
import { env } from './runtime-env';

const ContactsEnvSchema = z.object({
  /**
   * Minutes without a message after which a conversation counts as closed. Fractions are allowed so the
   * local stack's tests can close conversations within seconds.
   */
  CONVERSATION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(7 * 24 * 60)
    .default(30),
});

export function loadContactsEnv(source: NodeJS.ProcessEnv = process.env) {
  const parsed = ContactsEnvSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`Invalid configuration: ${fields}`);
  }
  return parsed.data;
}

export const contactsEnv = loadContactsEnv();

export const contactStates: ContactStateStore = new DynamoDbContactStateStore(
  documentClient,
  env.CONVERSATIONS_TABLE,
  { retentionDays: env.RETENTION_DAYS, shards: OPEN_CONTACT_SHARDS },
);
