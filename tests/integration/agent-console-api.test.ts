import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../functions/core/console/agent-protocol';
import type { ServerEvent } from '../../functions/core/protocol';
import { AgentClient, signInAgent } from '../support/agent-client';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

let test: TestStack;
const closers: Array<{ close(): Promise<void> }> = [];

async function agent(index: number) {
  const demo = test.stack.demoAgents[index];
  if (!demo) throw new Error('no such demo agent');
  const token = await signInAgent(test.stack.info.webUrl, demo.email, demo.password);
  const client = await AgentClient.connect(test.stack.info.agentWebsocketUrl, token);
  closers.push(client);
  return { client, demo, token };
}

async function shopper(customerId: string) {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token(customerId),
  });
  closers.push(client);
  return client;
}

const entryFor = (sessionId: string) => (event: AgentEvent) =>
  event.type === 'queueEntry' && event.entry.sessionId === sessionId;

beforeAll(async () => {
  test = await startTestStack();
});

afterAll(async () => {
  await Promise.all(closers.map((client) => client.close()));
  await test?.stop();
});

describe('the agent API over the local gateway', () => {
  it('refuses shopper tokens, forged and expired agent tokens at $connect, and agent tokens on the shopper API', async () => {
    const shopperToken = await test.token('c-ana');
    await expect(AgentClient.connect(test.stack.info.agentWebsocketUrl, shopperToken)).rejects.toMatchObject({
      statusCode: 401,
    });
    const { token } = await agent(0);
    const [header, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const promoted = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['supervisor'] })).toString(
      'base64url',
    );
    const forged = `${header}.${promoted}.${token.split('.')[2]}`;
    await expect(AgentClient.connect(test.stack.info.agentWebsocketUrl, forged)).rejects.toMatchObject({
      statusCode: 401,
    });
    await expect(ShopperClient.connect(test.stack.info.websocketUrl, { token })).rejects.toMatchObject({
      statusCode: 401,
    });
    const refused = await fetch(new URL('console/api/sign-in', test.stack.info.webUrl), {
      method: 'POST',
      body: JSON.stringify({ email: test.stack.demoAgents[0]?.email, password: 'wrong' }),
    });
    expect(refused.status).toBe(401);
  });

  it('queues a hand-off live, lets only its owner reply over the shopper socket, and hands back to the assistant', async () => {
    const mei = await agent(0);
    const lucas = await agent(1);
    expect((await mei.client.request({ action: 'setPresence', status: 'online' })).type).toBe('done');
    const queue = await mei.client.request({ action: 'listQueue' });
    expect(queue.type).toBe('queue');

    const ana = await shopper('c-ana');
    const askedFor = await ana.ask('Je veux parler à un humain, c’est inacceptable !');
    const sessionId = askedFor.sessionId;
    const pushed = (await mei.client.waitFor(entryFor(sessionId))) as Extract<
      AgentEvent,
      { type: 'queueEntry' }
    >;
    expect(pushed.entry).toMatchObject({ status: 'queued', language: 'fr' });
    // Agents get the conversation, not the shopper's internal customer id.
    expect(pushed.entry).not.toHaveProperty('customerId');
    expect(pushed.entry.orderId).toBeTruthy();

    // While waiting, the shopper hears where they stand (or, outside the demo desk's Shanghai hours,
    // when people are in), not the assistant's greeting again.
    const waiting = await ana.ask('Bonjour ? Il y a quelqu’un ?');
    expect(waiting.text).toMatch(/numéro \d+ dans la file d’attente|Un conseiller vous répondra à partir de/);

    expect(await lucas.client.request({ action: 'reply', sessionId, text: 'Hello' })).toMatchObject({
      type: 'error',
      code: 'not_owner',
    });
    expect(await mei.client.request({ action: 'takeOver', sessionId })).toMatchObject({ type: 'done' });
    const joined = await ana.waitFor(
      (event: ServerEvent) => event.type === 'handoff' && event.state === 'joined',
    );
    expect(joined).toMatchObject({ agentName: 'Mei' });
    expect(await lucas.client.request({ action: 'takeOver', sessionId })).toMatchObject({
      code: 'not_owner',
    });
    expect(await lucas.client.request({ action: 'reply', sessionId, text: 'Hi' })).toMatchObject({
      code: 'not_owner',
    });

    expect(
      await mei.client.request({
        action: 'reply',
        sessionId,
        text: 'Bonjour Ana, je regarde votre commande.',
      }),
    ).toMatchObject({ type: 'done' });
    const fromAgent = await ana.waitFor(
      (event: ServerEvent) => event.type === 'message' && event.role === 'agent',
    );
    expect(fromAgent).toMatchObject({ text: 'Bonjour Ana, je regarde votre commande.', agentName: 'Mei' });

    // The assistant stays silent while Mei owns the conversation; the follow-up reaches the agents.
    ana.say('Merci, j’attends.');
    await mei.client.waitFor(
      (event) =>
        event.type === 'message' &&
        event.sessionId === sessionId &&
        event.message.role === 'shopper' &&
        event.message.text === 'Merci, j’attends.',
    );
    await test.stack.streamsDrained();
    const opened = await mei.client.request({ action: 'openConversation', sessionId, agentLanguage: 'en' });
    if (opened.type !== 'conversation') throw new Error(opened.type);
    expect(opened.messages.at(-1)).toMatchObject({ role: 'shopper', translation: { untranslated: true } });
    expect(JSON.stringify(opened)).not.toContain('c-ana');
    expect(JSON.stringify(mei.client.pushes)).not.toContain('c-ana');
    expect(opened.messages.some((message) => message.role === 'agent' && message.agentName === 'Mei')).toBe(
      true,
    );

    expect(await mei.client.request({ action: 'handBack', sessionId })).toMatchObject({ type: 'done' });
    await ana.waitFor((event: ServerEvent) => event.type === 'handoff' && event.state === 'handed_back');
    const answered = await ana.ask('Où est ma commande ?');
    expect(answered.role).toBe('assistant');

    expect(await mei.client.request({ action: 'readAudit' })).toMatchObject({ code: 'supervisor_only' });
    const amira = await agent(2);
    const audit = await amira.client.request({ action: 'readAudit' });
    if (audit.type !== 'audit') throw new Error(audit.type);
    expect(audit.entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['take_over', 'reply', 'hand_back']),
    );
  }, 240_000);

  it('answers a malformed frame with a typed error and changes nothing', async () => {
    const { client } = await agent(0);
    expect(await client.request({ action: 'resolve', sessionId: 'x' })).toMatchObject({
      type: 'error',
      code: 'invalid_command',
    });
  });
});
