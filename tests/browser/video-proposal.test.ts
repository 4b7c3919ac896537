import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { startTestStack, type TestStack } from '../support/local-stack';
import { openFakeMediaBrowser, signInConsole } from './video-pages';

let test: TestStack;
let shopper: Awaited<ReturnType<typeof openFakeMediaBrowser>>;
let agent: Awaited<ReturnType<typeof openFakeMediaBrowser>>;
const WAIT = { timeout: 45_000 };

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

describe('the assistant’s video-call card in Chromium', () => {
  it('a shopper who asks for a call gets the card, and accepting it rings the agent’s console', async () => {
    const mei = test.stack.demoAgents[0];
    if (!mei) throw new Error('no demo agent');
    await signInConsole(agent.page, test.stack.info.consoleUrl, mei.email, mei.password);

    const page = shopper.page;
    await page.goto(test.stack.info.webUrl);
    await page.locator('afterdesk-chat .launcher').click();
    await page.waitForSelector('afterdesk-chat[data-state="online"]', WAIT);
    await page.locator('afterdesk-chat textarea').fill('Can we do a video call so I can show you?');
    await page.locator('afterdesk-chat textarea').press('Enter');

    // The card arrives with the assistant's reply, through the protocol, worded for the shopper.
    const accept = page.getByRole('button', { name: 'Start a video call' });
    await accept.waitFor(WAIT);
    expect(await page.locator('afterdesk-chat .video-offer p').textContent()).toContain('video call');
    await accept.click();

    // Accepting starts the same call as the Start button: the consent line, then the invitation.
    expect(await page.locator('afterdesk-chat .call-status').textContent()).toContain(
      'camera and microphone',
    );
    await page.waitForFunction(
      () =>
        document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')?.dataset
          .callId,
      undefined,
      WAIT,
    );
    const callId = await page.evaluate(
      () =>
        document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')?.dataset
          .callId,
    );

    // The console rings: the call waits on the conversation with `Accept video call`.
    await agent.page
      .getByText('Incoming video call')
      .first()
      .waitFor({ state: 'attached', ...WAIT });
    await agent.page.locator('ul[aria-label="Queue"] li button').first().click(WAIT);
    await agent.page.getByRole('button', { name: 'Accept video call' }).waitFor(WAIT);

    const db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
    const { Item } = await db.send(
      new GetCommand({
        TableName: test.stack.info.tables.store,
        Key: { pk: `VIDEO#${callId}`, sk: 'VIDEO' },
      }),
    );
    db.destroy();
    expect(Item).toMatchObject({ status: 'invited' });
    expect(Item?.data.startedBy).toBe('assistant');
  });
});
