import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import type { VideoEvent } from '../../functions/core/video/protocol';
import { AgentClient, signInAgent } from '../support/agent-client';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

let test: TestStack;
const closers: Array<{ close(): Promise<void> }> = [];
const logs: string[] = [];

type Ev = VideoEvent & { type: string };
type Join = Extract<VideoEvent, { type: 'videoJoin' }>;
const ofType =
  <T extends Ev['type']>(type: T, extra: (e: Extract<Ev, { type: T }>) => boolean = () => true) =>
  (e: unknown) =>
    (e as Ev).type === type && extra(e as Extract<Ev, { type: T }>);

async function shopper(customerId: string): Promise<ShopperClient> {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token(customerId),
  });
  closers.push(client);
  return client;
}

/** A demo agent signed in like the console does, on the console's own agent API. */
async function agent(index: number): Promise<AgentClient> {
  const demo = test.stack.demoAgents[index];
  if (!demo) throw new Error('no such demo agent');
  const token = await signInAgent(test.stack.info.webUrl, demo.email, demo.password);
  const client = await AgentClient.connect(test.stack.info.agentWebsocketUrl, token);
  closers.push(client);
  return client;
}

const send = (client: ShopperClient | AgentClient, frame: object) =>
  client instanceof AgentClient
    ? client.socket.send(JSON.stringify(frame))
    : client.sendRaw(JSON.stringify(frame));
const agentSaw = (client: AgentClient, match: (e: unknown) => boolean) =>
  client.waitFor((event) => match(event)) as Promise<unknown> as Promise<Ev>;
/** The next matching push after now (an earlier one of the same kind does not count). */
const agentNext = (client: AgentClient, match: (e: unknown) => boolean) => {
  const seen = client.pushes.length;
  return client.waitFor(
    (event) => match(event) && client.pushes.indexOf(event) >= seen,
  ) as Promise<unknown> as Promise<Ev>;
};

beforeAll(async () => {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logs.push(String(chunk));
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  test = await startTestStack();
});
afterAll(async () => {
  for (const client of closers) await client.close();
  await test?.stop();
});

describe("video calls over the console's agent gateway", () => {
  it('offers photos and says when someone will be online when no agent is online', async () => {
    const ana = await shopper('c-ana');
    send(ana, { action: 'startVideo', requestId: 'req-nobody-1' });
    const reply = await ana.waitFor(ofType('videoUnavailable'));
    expect(reply).toMatchObject({
      offerPhotos: true,
      nextAgentAt: expect.any(String),
      text: expect.stringContaining('the next person is expected at'),
    });
  });

  it('rings the online agent, both join, signalling is relayed, the outcome lands on the case, either side ends it', async () => {
    const mei = await agent(0);
    const lucas = await agent(1);
    // Presence is the console's own: the agent says they are online as they do in the console.
    expect((await mei.request({ action: 'setPresence', status: 'online' })).type).toBe('done');

    const sofia = await shopper('c-sofia');
    // The case's language is the one the shopper writes in.
    await sofia.ask('Hola, quiero una videollamada, el reloj llegó rayado');

    send(sofia, { action: 'startVideo', requestId: 'req-call-0001' });
    const invite = (await sofia.waitFor(ofType('videoJoin'))) as unknown as Join;
    expect(invite.join).toMatchObject({ mode: 'webrtc' });
    // Mei (online) hears it ring on her console socket; Lucas (no presence) does not.
    expect(await agentSaw(mei, ofType('videoIncoming'))).toMatchObject({
      callId: invite.callId,
      caseId: invite.caseId,
      startedBy: 'shopper',
    });

    send(mei, { action: 'acceptVideo', callId: invite.callId });
    const accepted = (await agentSaw(mei, ofType('videoJoin'))) as unknown as Join;
    // Once Mei owns the call, another agent cannot take it over.
    send(lucas, { action: 'acceptVideo', callId: invite.callId });
    expect(await agentSaw(lucas, ofType('videoError'))).toMatchObject({ code: 'video_forbidden' });
    expect(lucas.pushes.some(ofType('videoIncoming'))).toBe(false);

    send(sofia, { action: 'joinVideo', callId: invite.callId, ticket: invite.ticket });
    await sofia.waitFor(ofType('videoState', (e) => e.peerJoined === false));
    send(mei, { action: 'joinVideo', callId: invite.callId, ticket: accepted.ticket });
    await agentSaw(
      mei,
      ofType('videoState', (e) => e.status === 'joined'),
    );
    await sofia.waitFor(ofType('videoState', (e) => e.status === 'joined' && e.offerer === 'agent'));

    const sdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\na=ice-pwd:SECRETPWD\r\n';
    send(sofia, { action: 'videoSignal', callId: invite.callId, signal: { kind: 'offer', sdp } });
    expect(await agentSaw(mei, ofType('videoSignal'))).toMatchObject({ signal: { kind: 'offer', sdp } });
    send(mei, { action: 'videoSignal', callId: invite.callId, signal: { kind: 'answer', sdp } });
    expect(await sofia.waitFor(ofType('videoSignal'))).toMatchObject({ signal: { kind: 'answer' } });

    // A second shopper, a replayed join and Mei's ticket on Lucas's socket change nothing.
    const other = await shopper('c-mei');
    send(other, { action: 'joinVideo', callId: invite.callId, ticket: invite.ticket });
    expect(await other.waitFor(ofType('videoError'))).toMatchObject({ code: 'video_forbidden' });
    send(sofia, { action: 'joinVideo', callId: invite.callId, ticket: invite.ticket });
    expect(await sofia.waitFor(ofType('videoError'))).toMatchObject({ code: 'video_join_replayed' });
    const stolen = agentNext(lucas, ofType('videoError'));
    send(lucas, { action: 'joinVideo', callId: invite.callId, ticket: accepted.ticket });
    expect(await stolen).toMatchObject({ code: 'video_forbidden' });

    send(mei, { action: 'videoOutcome', callId: invite.callId, outcome: 'verified' });
    expect(await sofia.waitFor(ofType('videoOutcome'))).toMatchObject({
      outcome: 'verified',
      text: expect.stringContaining('Gracias'),
    });

    send(sofia, { action: 'endVideo', callId: invite.callId });
    await sofia.waitFor(ofType('videoEnded'));
    expect(await agentSaw(mei, ofType('videoEnded'))).toMatchObject({ reason: 'shopper_ended' });

    const db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
    const { Item } = await db.send(
      new GetCommand({
        TableName: test.stack.info.tables.store,
        Key: { pk: `VIDEO#${invite.callId}`, sk: 'VIDEO' },
      }),
    );
    expect(Item).toMatchObject({ type: 'video', status: 'ended', outcome: 'verified' });
    expect(Item?.data.agent.principal).toBe('agent-mei');
    // The outcome is written on the case, in the shopper's language.
    const messages = await db.send(
      new QueryCommand({
        TableName: test.stack.info.tables.conversations,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `SESSION#${invite.caseId}` },
      }),
    );
    db.destroy();
    const system = (messages.Items ?? []).filter((item) => item.role === 'system');
    expect(system.some((item) => String(item.text).includes('Gracias'))).toBe(true);

    // The video fact reaches the local analytics (Parquet) through the Store stream.
    await test.stack.streamsDrained();
    const { queryFacts } = await import('../support/video-facts-query');
    const rows = await queryFacts(test.dataDir, invite.callId);
    expect(rows.at(-1)).toMatchObject({ status: 'ended', outcome: 'verified', started_by: 'shopper' });

    // Neither SDP nor join tickets reach the logs.
    const logged = logs.join('');
    expect(logged).not.toContain('SECRETPWD');
    expect(logged).not.toContain(invite.ticket);
  });
});
