import { chromium, type BrowserContext, type Page } from "playwright-core";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { TEST_WEBHOOK_SECRET } from "../support/constants";

/** Debian's chromium, headless, offline, with a profile of its own. */
/** A fresh browser with one desktop-size page: what each browser test file starts from. */
export async function openDesktop(): Promise<{ browser: BrowserContext; page: Page }> {
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.setViewportSize(screens.desktop);
  return { browser, page };
}

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

/** The two screens the back office is made for: an office's desk and an official's phone. */
export const screens = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export type Screen = keyof typeof screens;

/** How far the page reaches past the window sideways (0: nothing to scroll to). */
export async function sideOverflow(page: Page): Promise<number> {
  // Runs in the page: the project's types have no DOM, so the globals are named through globalThis.
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return g.document.documentElement.scrollWidth - g.innerWidth;
  });
}

/**
 * The page as it is now, at the desk's size and at the phone's: neither
 * scrolls sideways, and each is kept as test-results/screenshots/<name>-<screen>.png.
 * Leaves the window at the phone's size when `end` says so, else the desk's.
 */
export async function atBothScreens(page: Page, name: string, end: Screen = "desktop"): Promise<void> {
  for (const screen of end === "desktop" ? (["phone", "desktop"] as const) : (["desktop", "phone"] as const)) {
    await page.setViewportSize(screens[screen]);
    await screenshot(page, `${name}-${screen}`);
    const overflow = await sideOverflow(page);
    if (overflow > 0) throw new Error(`${name} scrolls sideways by ${overflow}px at the ${screen} size (${page.url()})`);
  }
}

/** Opens a one-time /web link and presses its button: only that POST signs in (a chat app's preview cannot use the link up). */
export async function openLinkAndSignIn(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/web/dang-nhap"), page.click('button[type="submit"]')]);
}

/** Opens the one-time /web link as the given demo user, in a fresh session. */
export async function signInAs(browser: BrowserContext, page: Page, telegramId: number): Promise<void> {
  await browser.clearCookies();
  await openLinkAndSignIn(page, await loginLinkFor(telegramId));
}

/** Demo people (db/demo.ts): Telegram ids are 7 000 000 001 + their index. */
export const demo = {
  admin: 7_000_000_001, // Nguyễn Thị Lan, Ban Tổ chức Huyện ủy
  ubndMember: 7_000_000_007, // Vũ Thị Mai, UBND huyện
  hdndMember: 7_000_000_005, // Đỗ Văn Nam, HĐND huyện: no other browser test reports for this unit
};

/** The reference plan as a file to upload, made unique so the import's duplicate check lets it in. */
export function referencePlanFile(label: string) {
  const text = readFileSync(new URL("../../../shared/plans/yen-dung-45-NQ-TW.txt", import.meta.url), "utf8");
  return {
    name: `ke-hoach-${label}.txt`,
    mimeType: "text/plain",
    buffer: Buffer.from(`${text}\n\nBản thử trên trình duyệt ${label} ${Date.now()}\n`),
  };
}

/** The demo plan's name, as the picker and the cards show it. */
export const DEMO_PLAN = "Kế hoạch mẫu 45";

/**
 * Opens the demo plan's overview with the picker, whichever plan /web opened
 * (other test files of the same run may have imported newer plans).
 */
export async function openDemoPlan(page: Page): Promise<string> {
  const options = await page.locator("#plan-pick option").allTextContents();
  await page.selectOption("#plan-pick", { index: options.findIndex((o) => o.includes(DEMO_PLAN)) });
  await page.click(".plan-picker button");
  return page.url();
}

/** An official's task cards of the demo plan (cards name their plan only when the unit has tasks in several). */
export async function demoPlanCards(page: Page) {
  const all = page.locator("#unit-tasks article");
  const named = all.filter({ hasText: DEMO_PLAN });
  return (await named.count()) > 0 ? named : all;
}
