import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const send = (client: ShopperClient, frame: object) => client.sendRaw(JSON.stringify(frame));

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
});
