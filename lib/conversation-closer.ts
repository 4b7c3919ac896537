import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { OPEN_CONTACTS_PREFIX } from '../functions/config/tables';
import { SCHEDULES } from '../topology';
import type { AfterdeskConfig } from './config';
import { SharedFunction } from './shared-function';

export interface ConversationCloserProps {
  readonly config: AfterdeskConfig;
  readonly logKey: kms.IKey;
  readonly conversations: dynamodb.ITable;
  readonly environment: Record<string, string>;
  /** Minutes without a message after which a conversation closes. */
  readonly idleMinutes?: number;
}

/**
 * Closes idle conversations on a schedule. A close is a conditional update of the contact item, which the
 * analytics stream function turns into a conversation fact. The function may only read and remove the
 * open-contact entries and update session items: nothing else in the table.
 */
export class ConversationCloser extends Construct {
  readonly function: SharedFunction;
  readonly schedule: events.Rule;

  constructor(scope: Construct, id: string, props: ConversationCloserProps) {
    super(scope, id);

    const schedule = SCHEDULES['close-idle-conversations'];
    this.function = new SharedFunction(this, 'CloseIdleConversations', {
      handler: schedule.handler,
      description: `Afterdesk: ${schedule.description}`,
      memorySize: schedule.memorySize,
      timeout: Duration.seconds(schedule.timeoutSeconds),
      logRetention: props.config.logRetention,
      logKey: props.logKey,
      environment: {
        ...props.environment,
        CONVERSATION_IDLE_MINUTES: String(props.idleMinutes ?? 30),
      },
    });

    // Only the open-contact entries may be read or removed and only contact items updated: the leading-key
    // condition keeps transcripts, sessions and markers in the same table out of reach.
    const leadingKeys = (prefix: string) => ({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${prefix}*`] },
    });
    this.function.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'FindAndClearOpenContacts',
        actions: ['dynamodb:Query', 'dynamodb:DeleteItem'],
        resources: [props.conversations.tableArn],
        conditions: leadingKeys(OPEN_CONTACTS_PREFIX),
      }),
    );
    this.function.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'CloseContacts',
        actions: ['dynamodb:UpdateItem'],
        resources: [props.conversations.tableArn],
        conditions: leadingKeys('SESSION#'),
      }),
    );

    this.schedule = new events.Rule(this, 'Schedule', {
      description: 'Afterdesk: closes idle conversations',
      schedule: events.Schedule.rate(Duration.minutes(schedule.rateMinutes)),
      targets: [new targets.LambdaFunction(this.function.fn, { retryAttempts: schedule.retryAttempts })],
    });
  }
}
