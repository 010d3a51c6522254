import { chromium, type BrowserContext, type Page } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { TEST_WEBHOOK_SECRET } from "../support/constants";

/** Debian's chromium, headless, offline, with a profile of its own. */
export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "web-chromium-")), {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 412, height: 915 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
}

let updateId = Math.floor(Math.random() * 1_000_000);

/** Types a command in the chat as the given Telegram user; returns the bot's last reply to them. */
export async function chat(telegramId: number, text: string): Promise<string> {
  const response = await fetch(`${inject("webBaseUrl")}/telegram/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": TEST_WEBHOOK_SECRET },
    body: JSON.stringify({
      update_id: ++updateId,
      message: {
        message_id: updateId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: telegramId, type: "private", first_name: "Demo" },
        from: { id: telegramId, is_bot: false, first_name: "Demo" },
        text,
        entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }],
      },
    }),
  });
  if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  const messages = (await (await fetch(`${inject("browserFakeTelegramUrl")}/__fake/chats/${telegramId}/messages`)).json()) as
    | { messages?: { text?: string }[] }
    | { text?: string }[];
  const list = Array.isArray(messages) ? messages : (messages.messages ?? []);
  return list.at(-1)?.text ?? "";
}

/** The one-time link /web sends to this user. */
export async function loginLinkFor(telegramId: number): Promise<string> {
  const reply = await chat(telegramId, "/web");
  const link = /https?:\/\/\S+/.exec(reply)?.[0];
  if (!link) throw new Error(`no link in the reply to /web: ${reply}`);
  return link;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** Demo people (db/demo.ts): Telegram ids are 7 000 000 001 + their index. */
export const demo = {
  admin: 7_000_000_001, // Nguyễn Thị Lan, Ban Tổ chức Huyện ủy
  ubndMember: 7_000_000_007, // Vũ Thị Mai, UBND huyện
};
