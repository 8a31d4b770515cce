/**
 * Drives /simulator like a citizen: open as a test citizen, type, tap, and wait
 * for the bot's bubbles. Waits are on the DOM (Playwright auto-waiting), never sleeps.
 */
import type { Locator, Page } from 'playwright-core';

export class SimulatorPage {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async open(user: { userId: string; name?: string; phone?: string }): Promise<void> {
    const q = new URLSearchParams({ user: user.userId, ...(user.name ? { name: user.name } : {}), ...(user.phone ? { phone: user.phone } : {}) });
    await this.page.goto(`${this.baseUrl}/simulator?${q}`);
    // Connected to the live stream and history loaded: nothing sent from now on can be missed.
    await this.page.waitForSelector('body[data-stream="open"]');
  }

  get botBubbles(): Locator {
    return this.page.locator('.msg.from-oa');
  }

  async botCount(): Promise<number> {
    return this.botBubbles.count();
  }

  /** Type and press Enter, as a citizen does. */
  async say(text: string): Promise<void> {
    await this.page.getByLabel('Nhập tin nhắn').fill(text);
    await this.page.getByLabel('Nhập tin nhắn').press('Enter');
  }

  /** Wait until the bot has sent more than `before` bubbles; returns the first new one. */
  async nextBotMessage(before: number, timeout = 20_000): Promise<Locator> {
    await this.botBubbles.nth(before).waitFor({ timeout });
    return this.botBubbles.nth(before);
  }

  /** Text of every bot bubble after the first `before` (a long answer comes in several parts). */
  async botTextSince(before: number): Promise<string> {
    return (await this.botBubbles.allTextContents()).slice(before).join('\n');
  }

  /** Say something and wait for the bot's first reply bubble to it. */
  async ask(text: string): Promise<Locator> {
    const before = await this.botCount();
    await this.say(text);
    return this.nextBotMessage(before);
  }

  /** A quick-reply button under the bot's messages, by its exact title (newest first). */
  quickReply(title: string): Locator {
    return this.page.locator('.from-oa .qr-btn', { hasText: title }).last();
  }
}
