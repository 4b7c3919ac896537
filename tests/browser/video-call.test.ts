import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { startTestStack, type TestStack } from '../support/local-stack';
import { queryFacts } from '../support/video-facts-query';
import { openFakeMediaBrowser, signInConsole } from './video-pages';

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

  it('shopper starts, the agent accepts in the console, both decode video, a snapshot lands on the case, the outcome is recorded and the agent ends it', async () => {
    const mei = test.stack.demoAgents[0];
    if (!mei) throw new Error('no demo agent');
    // Signing in to the console marks Mei online (the console's own presence).
    await signInConsole(agent.page, test.stack.info.consoleUrl, mei.email, mei.password);
    await openWidget(shopper.page);

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

    // The call waits in the console's queue; Mei opens it and accepts.
    await agent.page.locator('ul[aria-label="Queue"] li button').first().click(WAIT);
    await agent.page.getByRole('button', { name: 'Accept video call' }).click(WAIT);

    // Both sides decode the other's video.
    await shopper.page.waitForFunction(
      () =>
        (document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLVideoElement>('.remote')
          ?.videoWidth ?? 0) > 0,
      undefined,
      WAIT,
    );
    await agent.page.waitForFunction(
      () => ((document.getElementById('call-remote') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0,
      undefined,
      WAIT,
    );
    expect(await agent.page.getByRole('button', { name: 'Start video call' }).count()).toBe(0);
    await shopper.page.getByRole('button', { name: 'End call' }).waitFor(WAIT);
    expect(Number(await callArea(shopper.page, 'firstFrameMs'))).toBeGreaterThan(0);

    await agent.page.getByRole('button', { name: 'Take snapshot' }).click();
    const consoleCall = (key: string, value: string) =>
      agent.page.waitForFunction(
        ([k, v]) => (document.querySelector('.call') as HTMLElement | null)?.dataset[k as string] === v,
        [key, value],
        WAIT,
      );
    await consoleCall('snapshots', '1');
    await agent.page.getByLabel('Outcome').selectOption('verified');
    await agent.page.getByRole('button', { name: 'Record outcome' }).click();
    await consoleCall('outcome', 'verified');
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
  });

  it('steps down to audio only when the WebRTC stats say the network cannot carry video, then offers the shopper a photo', async () => {
    // The same signal the call's stats monitor reads: Chromium's outbound video limited by bandwidth.
    await shopper.context.addInitScript(() => {
      const original = RTCPeerConnection.prototype.getStats;
      RTCPeerConnection.prototype.getStats = async function (this: RTCPeerConnection) {
        const report = await original.call(this);
        if (!(globalThis as { weakNetwork?: boolean }).weakNetwork) return report;
        const limited = new Map<string, unknown>();
        report.forEach((value, key) => {
          limited.set(
            key,
            value.type === 'outbound-rtp' && value.kind === 'video'
              ? { ...value, qualityLimitationReason: 'bandwidth' }
              : value,
          );
        });
        return limited as unknown as RTCStatsReport;
      };
    });
    await openWidget(shopper.page);
    await shopper.page.getByRole('button', { name: 'Start video call' }).click();
    await agent.page.locator('ul[aria-label="Queue"] li button').first().click(WAIT);
    await agent.page.getByRole('button', { name: 'Accept video call' }).click(WAIT);
    await shopper.page.waitForFunction(
      () =>
        document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')?.dataset
          .callState === 'live',
      undefined,
      WAIT,
    );
    const callId = String(await callArea(shopper.page, 'callId'));
    expect(await shopper.page.getByRole('button', { name: 'Send a photo instead' }).isVisible()).toBe(false);

    await shopper.page.evaluate(() => {
      (globalThis as { weakNetwork?: boolean }).weakNetwork = true;
    });
    await shopper.page.waitForFunction(
      () =>
        document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')?.dataset
          .callState === 'audio_only',
      undefined,
      WAIT,
    );
    // The shopper is told what happened, and offered a photo; the call goes on with audio.
    expect(await widget(shopper.page, '.call-status').textContent()).toContain('audio only');
    const photo = shopper.page.getByRole('button', { name: 'Send a photo instead' });
    expect(await photo.isVisible()).toBe(true);
    const chooser = shopper.page.waitForEvent('filechooser', WAIT);
    await photo.click();
    expect((await chooser).isMultiple()).toBe(false);
    expect(await shopper.page.getByRole('button', { name: 'End call' }).isVisible()).toBe(true);
    const videoSent = await shopper.page.evaluate(() => {
      const local = document
        .querySelector('afterdesk-chat')
        ?.shadowRoot?.querySelector<HTMLVideoElement>('.local');
      return (local?.srcObject as MediaStream | null)?.getVideoTracks().some((track) => track.enabled);
    });
    expect(videoSent).toBe(false);

    // The step-down is recorded on the call (it reaches analytics as step_downs).
    const db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
    await expect
      .poll(
        async () =>
          (
            await db.send(
              new GetCommand({
                TableName: test.stack.info.tables.store,
                Key: { pk: `VIDEO#${callId}`, sk: 'VIDEO' },
              }),
            )
          ).Item?.data.stepDowns,
        WAIT,
      )
      .toBe(1);
    db.destroy();
    await shopper.page.getByRole('button', { name: 'End call' }).click();
  });
});
