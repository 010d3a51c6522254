import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { inject } from "vitest";
import worker from "../../worker/index";
import { chatMessages, pressButton, say as sayTelegram } from "./fake-telegram";
import { documentUpdate, postUpdate, textUpdate, type TestUser } from "./webhook";
import { ZALO_TEST_WEBHOOK_SECRET } from "./zalo-constants";

/**
 * A person at their phone, on one channel: the same scenario is written once
 * and run on Telegram (buttons) and Zalo (typed menu keys). Texts are read as
 * the person sees them.
 */
export interface ChatDriver {
  readonly channel: "telegram" | "zalo";
  /** Makes an existing test member reachable on this channel (a Zalo account linked to them). */
  link(user: TestUser & { memberId: number }): Promise<void>;
  /** Types a message; returns the bot's last message after it. */
  say(user: TestUser, text: string): Promise<string>;
  /** Takes the action labelled so on the latest screen that offers it (a button, or its menu key). */
  press(user: TestUser, label: string | RegExp): Promise<void>;
  /** Sends a photo (Zalo) or a PDF (Telegram) as evidence. */
  sendEvidence(user: TestUser): Promise<string>;
  /** Everything the bot said in this person's chat, oldest first. */
  texts(user: TestUser): Promise<string[]>;
  last(user: TestUser): Promise<string>;
}

export const telegramDriver: ChatDriver = {
  channel: "telegram",
  async link() {},
  say: (user, text) => sayTelegram(user, text),
  async press(user, label) {
    await pressButton(user, label);
  },
  async sendEvidence(user) {
    await postUpdate(documentUpdate(user, { name: "bien-ban.pdf", mime: "application/pdf", size: 50_000 }));
    return this.last(user);
  },
  async texts(user) {
    return (await chatMessages(user.id)).map((m) => m.text ?? "");
  },
  async last(user) {
    return (await this.texts(user)).at(-1) ?? "";
  },
};

const zaloRoot = () => inject("fakeZaloUrl");
export const zaloUserId = (user: TestUser) => `z${user.id}`;
let zaloMessageSeq = Math.floor(Math.random() * 1e9);

/** Posts an event to the Worker the way Zalo does (secret header, flat body). */
export async function postZalo(body: unknown, secret: string | null = ZALO_TEST_WEBHOOK_SECRET): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== null) headers["X-Bot-Api-Secret-Token"] = secret;
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request("https://bot.test/zalo/webhook", { method: "POST", headers, body: JSON.stringify(body) }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

export function zaloEvent(
  user: TestUser,
  kind: "text" | "image" | "sticker" | "voice" | "unsupported",
  text?: string,
  messageId = `m${++zaloMessageSeq}`,
) {
  const id = zaloUserId(user);
  const message: Record<string, unknown> = {
    message_id: messageId,
    date: Date.now(),
    from: { id, display_name: user.firstName },
    chat: { id, chat_type: "PRIVATE" },
  };
  if (kind === "text") message.text = text;
  if (kind === "image") message.photo_url = `${zaloRoot()}/__fake/photos/anh-${messageId}.jpg`;
  return { event_name: `message.${kind}.received`, message };
}

export async function zaloMessages(user: TestUser): Promise<string[]> {
  const response = await fetch(`${zaloRoot()}/__fake/chats/${encodeURIComponent(zaloUserId(user))}/messages`);
  const body = (await response.json()) as { messages: { text?: string }[] };
  return body.messages.map((m) => m.text ?? "");
}

/** Menu lines "3. Label" of a Zalo message; numbered list buttons ("3") have no line of their own. */
function menuKey(message: string, label: string | RegExp): string | null {
  for (const line of message.split("\n")) {
    const m = /^([0-9]{1,3}|[a-z])\. (.+)$/.exec(line);
    if (m && (typeof label === "string" ? m[2] === label : label.test(m[2]!))) return m[1]!;
  }
  return null;
}

export const zaloDriver: ChatDriver = {
  channel: "zalo",
  async link(user) {
    await env.DB.prepare("insert into member_channels (channel, user_id, member_id, chat_id) values ('zalo', ?1, ?2, ?1)")
      .bind(zaloUserId(user), user.memberId)
      .run();
  },
  async say(user, text) {
    await postZalo(zaloEvent(user, "text", text));
    return this.last(user);
  },
  async press(user, label) {
    // A bare number is the list line printed with it; a label is looked for in the newest menu that shows it.
    if (typeof label === "string" && /^\d{1,3}$/.test(label)) {
      await postZalo(zaloEvent(user, "text", label));
      return;
    }
    const messages = await zaloMessages(user);
    for (const message of [...messages].reverse()) {
      if (!message.includes("↪")) continue;
      const key = menuKey(message, label);
      if (key) {
        await postZalo(zaloEvent(user, "text", key));
        return;
      }
    }
    throw new Error(`no "${label}" in a Zalo menu of ${zaloUserId(user)}; last message: ${messages.at(-1)}`);
  },
  async sendEvidence(user) {
    await postZalo(zaloEvent(user, "image"));
    return this.last(user);
  },
  texts: (user) => zaloMessages(user),
  async last(user) {
    return (await zaloMessages(user)).at(-1) ?? "";
  },
};

export const drivers = [telegramDriver, zaloDriver];

/** /viec, then the number of the line with this title: the task's card. */
export async function openTask(chat: ChatDriver, user: TestUser, title: string): Promise<string> {
  const list = await chat.say(user, "/viec");
  const line = list.split("\n").find((l) => l.includes(title));
  if (!line) throw new Error(`"${title}" is not in /viec: ${list}`);
  await chat.press(user, /^\d+/.exec(line.trim())![0]);
  return chat.last(user);
}

/** Telegram's text update, for tests that need the raw shape. */
export { textUpdate };
