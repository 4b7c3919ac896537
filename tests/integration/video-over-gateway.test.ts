import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import type { VideoEvent } from '../../functions/core/video/protocol';
import { ShopperClient } from '../support/shopper-client';
import { startVideoTestStack, type VideoTestStack } from '../support/video-stack';

let test: VideoTestStack;
const clients: ShopperClient[] = [];
const logs: string[] = [];

type Ev = VideoEvent & { type: string };
const ofType =
  <T extends Ev['type']>(type: T, extra: (e: Extract<Ev, { type: T }>) => boolean = () => true) =>
  (e: unknown) =>
    (e as Ev).type === type && extra(e as Extract<Ev, { type: T }>);

async function shopper(customerId: string): Promise<ShopperClient> {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token(customerId),
  });
  clients.push(client);
  return client;
}
async function agent(agentId: string): Promise<ShopperClient> {
  const client = await ShopperClient.connect(test.agents.websocketUrl, {
    token: await test.agents.token(agentId),
  });
  clients.push(client);
  return client;
}
const send = (client: ShopperClient, frame: object) => client.sendRaw(JSON.stringify(frame));

async function callItem(callId: string) {
  const db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
  const { Item } = await db.send(
    new GetCommand({ TableName: test.stack.info.tables.store, Key: { pk: `VIDEO#${callId}`, sk: 'VIDEO' } }),
  );
  db.destroy();
  return Item;
}

beforeAll(async () => {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logs.push(String(chunk));
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  test = await startVideoTestStack();
});
afterAll(async () => {
  for (const client of clients) await client.close();
  await test?.stop();
});

describe('video calls over the local gateway', () => {
  it('offers photos and says when someone will be online when no agent is online', async () => {
    const ana = await shopper('c-ana');
    send(ana, { action: 'startVideo', requestId: 'req-nobody-1' });
    const reply = await ana.waitFor(ofType('videoUnavailable'));
    expect(reply).toMatchObject({ offerPhotos: true, text: expect.stringContaining('Asia/Shanghai') });
  });

  it('connects a shopper and an agent: invite, accept, join, relay signalling, outcome on the case, end', async () => {
    await test.agents.setOnline('agent-li', true);
    const sofia = await shopper('c-sofia');
    const li = await agent('agent-li');
    // The case's language is the one the shopper writes in.
    await sofia.ask('Hola, quiero una videollamada, el reloj llegó rayado');

    send(sofia, { action: 'startVideo', requestId: 'req-call-0001' });
    const invite = (await sofia.waitFor(ofType('videoJoin'))) as unknown as Extract<
      VideoEvent,
      { type: 'videoJoin' }
    >;
    expect(invite.join).toMatchObject({ mode: 'webrtc' });

    send(li, { action: 'acceptVideo', callId: invite.callId });
    const accepted = (await li.waitFor(ofType('videoJoin'))) as unknown as Extract<
      VideoEvent,
      { type: 'videoJoin' }
    >;

    send(sofia, { action: 'joinVideo', callId: invite.callId, ticket: invite.ticket });
    await sofia.waitFor(ofType('videoState', (e) => e.peerJoined === false));
    send(li, { action: 'joinVideo', callId: invite.callId, ticket: accepted.ticket });
    await li.waitFor(ofType('videoState', (e) => e.status === 'joined'));
    await sofia.waitFor(ofType('videoState', (e) => e.status === 'joined' && e.offerer === 'shopper'));

    const sdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\na=ice-pwd:SECRETPWD\r\n';
    send(sofia, { action: 'videoSignal', callId: invite.callId, signal: { kind: 'offer', sdp } });
    expect(await li.waitFor(ofType('videoSignal'))).toMatchObject({ signal: { kind: 'offer', sdp } });

    // A second shopper and a replayed join change nothing.
    const mei = await shopper('c-mei');
    send(mei, { action: 'joinVideo', callId: invite.callId, ticket: invite.ticket });
    expect(await mei.waitFor(ofType('videoError'))).toMatchObject({ code: 'video_forbidden' });
    send(sofia, { action: 'joinVideo', callId: invite.callId, ticket: invite.ticket });
    expect(await sofia.waitFor(ofType('videoError'))).toMatchObject({ code: 'video_join_replayed' });
    // Oversized and malformed signalling are refused with typed errors.
    send(sofia, {
      action: 'videoSignal',
      callId: invite.callId,
      signal: { kind: 'offer', sdp: 'x'.repeat(21_000) },
    });
    expect(await sofia.next(ofType('videoError'))).toMatchObject({ code: 'video_frame_too_large' });
    sofia.sendRaw('{"action":"videoSignal","callId":"nope"');
    expect(
      await sofia.next((e) => ['error', 'videoError'].includes((e as { type: string }).type)),
    ).toBeTruthy();

    send(li, { action: 'videoOutcome', callId: invite.callId, outcome: 'verified' });
    expect(await sofia.waitFor(ofType('videoOutcome'))).toMatchObject({
      outcome: 'verified',
      text: expect.stringContaining('Gracias'),
    });

    send(sofia, { action: 'endVideo', callId: invite.callId });
    await sofia.waitFor(ofType('videoEnded'));
    expect(await li.waitFor(ofType('videoEnded'))).toMatchObject({ reason: 'shopper_ended' });
    const item = await callItem(invite.callId);
    expect(item).toMatchObject({ type: 'video', status: 'ended', outcome: 'verified' });

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
