import type { Page } from 'playwright-core';

export interface Bubble {
  role: string;
  text: string;
  cursor?: number;
  clientId?: string;
  replyTo?: string;
  pending: boolean;
}

const WAIT_MS = 30_000;

/** The widget as a shopper sees it, read through its (open) shadow root. */
export class WidgetPage {
  constructor(readonly page: Page) {}

  readonly launcher = () => this.page.locator('afterdesk-chat .launcher');
  readonly panel = () => this.page.locator('afterdesk-chat .panel');
  readonly input = () => this.page.locator('afterdesk-chat textarea');

  async open(): Promise<void> {
    await this.launcher().click();
    await this.waitForState('online');
  }

  async waitForState(state: string): Promise<void> {
    await this.page.waitForSelector(`afterdesk-chat[data-state="${state}"]`, { timeout: WAIT_MS });
  }

  async send(text: string): Promise<void> {
    await this.input().fill(text);
    await this.input().press('Enter');
  }

  bubbles(): Promise<Bubble[]> {
    return this.page.evaluate(() => {
      const log = document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector('.log');
      return Array.from(log?.querySelectorAll<HTMLElement>('.msg:not(.notice)') ?? [], (bubble) => ({
        role:
          ['shopper', 'assistant', 'agent', 'system'].find((role) => bubble.classList.contains(role)) ?? '',
        text: bubble.querySelector('p')?.textContent ?? '',
        cursor: bubble.dataset.cursor ? Number(bubble.dataset.cursor) : undefined,
        clientId: bubble.dataset.clientId,
        replyTo: bubble.dataset.replyTo,
        pending: bubble.classList.contains('pending'),
      }));
    });
  }

  /** Waits until the shopper's message with this text is stored and answered; returns the answer. */
  async replyTo(text: string): Promise<Bubble> {
    await this.page.waitForFunction(
      (question) => {
        const log = document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector('.log');
        const asked = Array.from(log?.querySelectorAll<HTMLElement>('.msg.shopper') ?? []).find(
          (bubble) => bubble.querySelector('p')?.textContent === question && bubble.dataset.clientId,
        );
        return Boolean(asked && log?.querySelector(`.msg[data-reply-to="${asked.dataset.clientId}"]`));
      },
      text,
      { timeout: WAIT_MS },
    );
    const bubbles = await this.bubbles();
    const asked = bubbles.find((bubble) => bubble.role === 'shopper' && bubble.text === text);
    const reply = bubbles.find(
      (bubble) => bubble.replyTo !== undefined && bubble.replyTo === asked?.clientId,
    );
    if (!reply) throw new Error(`no reply to ${text}`);
    return reply;
  }

  storedSession(): Promise<string | undefined> {
    return this.page.evaluate(() => {
      for (let index = 0; index < localStorage.length; index++) {
        const key = localStorage.key(index) ?? '';
        if (key.endsWith(':session')) return localStorage.getItem(key) ?? undefined;
      }
      return undefined;
    });
  }
}
