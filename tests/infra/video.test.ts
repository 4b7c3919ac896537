import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AfterdeskStack } from '../../lib/afterdesk-stack';
import { synthApp } from '../../lib/app';
import { videoConfigFromContext } from '../../lib/video';

type Statement = { Action: string | string[]; Resource: unknown };

let stack: AfterdeskStack;
let template: Template;

function statementsOf(handler: string): Statement[] {
  const fn = stack.functions[handler];
  const policy = fn?.role.node.tryFindChild('DefaultPolicy');
  if (!policy) return [];
  const id = Stack.of(stack).getLogicalId(policy.node.defaultChild as CfnPolicy);
  return template.toJSON().Resources[id].Properties.PolicyDocument.Statement as Statement[];
}
const chimeActions = (handler: string) =>
  statementsOf(handler)
    .flatMap((s) => ([] as string[]).concat(s.Action))
    .filter((a) => a.startsWith('chime:'))
    .sort();

beforeAll(() => {
  stack = synthApp({ bundle: false }).stack;
  template = Template.fromStack(stack);
});

describe('the video construct', () => {
  it('gives the route functions exactly the four Chime calls the adapter makes, on meetings only', () => {
    expect(chimeActions('video')).toEqual([
      'chime:CreateMeetingWithAttendees',
      'chime:DeleteMeeting',
      'chime:GetAttendee',
      'chime:GetMeeting',
    ]);
    expect(chimeActions('video-meeting-events')).toEqual(['chime:DeleteMeeting']);
    const chime = statementsOf('video').find((s) =>
      ([] as string[]).concat(s.Action).includes('chime:DeleteMeeting'),
    );
    expect(JSON.stringify(chime?.Resource)).toContain(':meeting/*');
    expect(JSON.stringify(chime?.Resource)).not.toBe('"*"');
  });

  it("routes Chime's meeting events from EventBridge to the state machine", () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.chime'],
        'detail-type': ['Chime Meeting State Change'],
        detail: { eventType: ['chime:AttendeeJoined', 'chime:MeetingEnded'] },
      },
    });
  });

  it("adds the shopper's video routes to the chat API and the agent's to the console's agent API", () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => ({
      key: r.Properties.RouteKey as string,
      api: JSON.stringify(r.Properties.ApiId),
      returned: r.Properties.RouteResponseSelectionExpression,
    }));
    const chatApi = JSON.stringify({ Ref: stack.getLogicalId(stack.chatApi.api.node.defaultChild as never) });
    const agentApi = JSON.stringify({
      Ref: stack.getLogicalId(stack.console.api.node.defaultChild as never),
    });
    const on = (api: string) => routes.filter((r) => r.api === api && r.key.toLowerCase().includes('video'));
    expect(
      on(chatApi)
        .map((r) => r.key)
        .sort(),
    ).toEqual(['acceptVideo', 'endVideo', 'joinVideo', 'startVideo', 'videoReport', 'videoSignal'].sort());
    // Only agents take snapshots and choose the outcome: those routes exist on the agent API alone.
    expect(
      on(agentApi)
        .map((r) => r.key)
        .sort(),
    ).toEqual(
      [
        'acceptVideo',
        'endVideo',
        'joinVideo',
        'startVideo',
        'videoOutcome',
        'videoReport',
        'videoSignal',
        'videoSnapshot',
      ].sort(),
    );
    for (const route of [...on(chatApi), ...on(agentApi)]) expect(route.returned).toBe('$default');
  });

  it("lets the video functions read only the console's presence and agent-connection partitions of Conversations", () => {
    for (const handler of ['video', 'agent-video']) {
      const queries = statementsOf(handler).filter(
        (s) =>
          ([] as string[]).concat(s.Action).includes('dynamodb:Query') &&
          JSON.stringify(s.Resource).includes('Conversations'),
      ) as Array<Statement & { Condition?: unknown }>;
      expect(queries).toHaveLength(1);
      expect(queries[0]?.Condition).toEqual({
        'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['AGENTPRESENCE', 'AGENTCONNS'] },
      });
    }
  });

  it('keeps recording off by default: no recordings bucket, no media pipeline grant', () => {
    expect(stack.video.recordings).toBeUndefined();
    expect(JSON.stringify(template.toJSON())).not.toContain('CreateMediaCapturePipeline');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ VIDEO_RECORDING: 'false' }) },
    });
  });

  it('with recording on, captures to an encrypted, TLS-only bucket that expires recordings', () => {
    const recorded = synthApp({
      bundle: false,
      context: { videoRecordingDays: 30, videoMediaRegions: 'eu-central-1,eu-west-1' },
    });
    const t = Template.fromStack(recorded.stack);
    expect(recorded.stack.video.recordings).toBeDefined();
    const bucketId = recorded.stack.getLogicalId(recorded.stack.video.recordings?.node.defaultChild as never);
    const bucket = t.toJSON().Resources[bucketId].Properties;
    expect(bucket.BucketEncryption).toBeDefined();
    expect(bucket.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ ExpirationInDays: 30, Status: 'Enabled' }),
    ]);
    expect(JSON.stringify(t.toJSON())).toContain('mediapipelines.chime.amazonaws.com');
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          VIDEO_MEDIA_REGIONS: 'eu-central-1,eu-west-1',
          VIDEO_RECORDING: 'true',
        }),
      },
    });
    expect(recorded.findings.map((f) => `${f.ruleName} ${f.constructPaths.join(',')}`)).toEqual([]);
  });

  it('refuses a media region Chime does not host', () => {
    const app = new App({ context: { videoMediaRegions: 'mars-north-1' } });
    expect(() => videoConfigFromContext(new Stack(app, 'S', { env: { region: 'eu-west-1' } }))).toThrow(
      /mars-north-1/,
    );
  });
});
