import * as z from 'zod';
import { DynamoDbContactStateStore } from '../adapters/aws/dynamodb-contact-state-store';
import { OPEN_CONTACT_SHARDS } from '../core/analytics/conversation-contacts';
import type { ContactStateStore } from '../ports/contact-states';
import { DEFAULTS } from './defaults';
import { documentClient } from './dynamodb';
import { loadConfig } from './load';
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
    .default(DEFAULTS.conversationIdleMinutes),
});

export const contactsEnv = loadConfig(ContactsEnvSchema);

export const contactStates: ContactStateStore = new DynamoDbContactStateStore(
  documentClient,
  env.CONVERSATIONS_TABLE,
  { retentionDays: env.RETENTION_DAYS, shards: OPEN_CONTACT_SHARDS },
);
