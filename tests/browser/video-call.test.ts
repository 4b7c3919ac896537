import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { AgentClient, signInAgent } from '../support/agent-client';
import { startTestStack, type TestStack } from '../support/local-stack';
import { queryFacts } from '../support/video-facts-query';
import { openFakeMediaBrowser, startAgentPage } from './video-pages';

let test: TestStack;
let shopper: Awaited<ReturnType<typeof openFakeMediaBrowser>>;
let agent: Awaited<ReturnType<typeof openFakeMediaBrowser>>;
const WAIT = { timeout: 45_000 };

const widget = (page: Page, selector: string) => page.locator(`afterdesk-chat ${selector}`);
const callArea = (page: Page, attribute: string) =>
  page.evaluate(
    (name) =>
      document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')?.dataset[
        name
      ],
    attribute,
  );

async function openWidget(page: Page): Promise<void> {
  await page.goto(test.stack.info.webUrl);
  await widget(page, '.launcher').click();
  await page.waitForSelector('afterdesk-chat[data-state="online"]', WAIT);
}

beforeAll(async () => {
  test = await startTestStack();
  shopper = await openFakeMediaBrowser();
  agent = await openFakeMediaBrowser();
}, 180_000);
afterAll(async () => {
  await shopper?.close();
  await agent?.close();
  await test?.stop();
});

describe('a video call in Chromium with fake cameras', () => {
  it('offers photos instead when no agent is online', async () => {
    await openWidget(shopper.page);
    await shopper.page.getByRole('button', { name: 'Start video call' }).click();
    await shopper.page.getByRole('button', { name: 'Send a photo instead' }).waitFor(WAIT);
    const status = await widget(shopper.page, '.call-status').textContent();
    expect(status).toContain('the next person is expected at');
  });

  it('shopper starts, agent accepts, both decode video, a snapshot lands on the case, the outcome is recorded and the agent ends it', async () => {
    const mei = test.stack.demoAgents[0];
    if (!mei) throw new Error('no demo agent');
    const token = await signInAgent(test.stack.info.webUrl, mei.email, mei.password);
    // Presence is the console's own record: Mei says she is online, as in the console.
    const presence = await AgentClient.connect(test.stack.info.agentWebsocketUrl, token);
    expect((await presence.request({ action: 'setPresence', status: 'online' })).type).toBe('done');
    await openWidget(shopper.page);
    await startAgentPage(agent.page, test.stack.info.webUrl, test.stack.info.agentWebsocketUrl, token);

    await shopper.page.getByRole('button', { name: 'Start video call' }).click();
    // The consent line shows before the camera is used.
    expect(await widget(shopper.page, '.call-status').textContent()).toContain('camera and microphone');
    await shopper.page.waitForFunction(
      () =>
        document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')?.dataset
          .callId,
      undefined,
      WAIT,
    );
    const callId = String(await callArea(shopper.page, 'callId'));
    await agent.page.evaluate(
      (id) => (window as unknown as { acceptCall(id: string): void }).acceptCall(id),
      callId,
    );

    // Both sides decode the other's video.
    await shopper.page.waitForFunction(
      () =>
        (document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLVideoElement>('.remote')
          ?.videoWidth ?? 0) > 0,
      undefined,
      WAIT,
    );
    await agent.page.waitForFunction(
      () => (document.getElementById('remote') as HTMLVideoElement).videoWidth > 0,
      undefined,
      WAIT,
    );
    await shopper.page.getByRole('button', { name: 'End call' }).waitFor(WAIT);
    expect(Number(await callArea(shopper.page, 'firstFrameMs'))).toBeGreaterThan(0);

    await agent.page.getByRole('button', { name: 'Take snapshot' }).click();
    await agent.page.waitForFunction(
      () =>
        ((window as unknown as { agentEvents: Array<{ type: string }> }).agentEvents ?? []).some(
          (e) => e.type === 'videoSnapshot',
        ),
      undefined,
      WAIT,
    );
    await agent.page.getByRole('button', { name: 'Record outcome' }).click();
    await agent.page.getByRole('button', { name: 'End call' }).click();
    await shopper.page.waitForFunction(
      () =>
        document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')?.dataset
          .callState === 'ended',
      undefined,
      WAIT,
    );

    const db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
    const { Item } = await db.send(
      new GetCommand({
        TableName: test.stack.info.tables.store,
        Key: { pk: `VIDEO#${callId}`, sk: 'VIDEO' },
      }),
    );
    expect(Item).toMatchObject({ status: 'ended', outcome: 'verified' });
    expect(Item?.data.snapshots).toHaveLength(1);
    expect(Item?.data.endReason).toBe('agent_ended');
    const messages = await db.send(
      new QueryCommand({
        TableName: test.stack.info.tables.conversations,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `SESSION#${Item?.data.caseId}` },
      }),
    );
    expect(JSON.stringify(messages.Items)).toContain(Item?.data.snapshots[0]);
    db.destroy();

    await test.stack.streamsDrained();
    const facts = await queryFacts(test.dataDir, callId);
    expect(facts.at(-1)).toMatchObject({ status: 'ended', outcome: 'verified', snapshots: 1 });
    expect(Number(facts.at(-1)?.shopper_first_frame_ms)).toBeGreaterThan(0);
    await presence.close();
  });
});
