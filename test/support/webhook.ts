import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { Update } from "grammy/types";
import worker from "../../worker/index";
import { inject } from "vitest";
import { forwardWebhookReply } from "../../scripts/lib/webhook-reply";
import { TEST_BOT_TOKEN, TEST_WEBHOOK_SECRET } from "./constants";

let lastUpdateId = Math.floor(Math.random() * 1_000_000_000);
// Random per test file: files run side by side against one fake Bot API, and callback_query ids must not repeat across them.
let lastMessageId = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);

export interface TestUser {
  id: number;
  firstName: string;
  lastName?: string;
}

export function textUpdate(user: TestUser, text: string, updateId = ++lastUpdateId): Update {
  const command = /^\/\w+/.exec(text);
  return {
    update_id: updateId,
    message: {
      message_id: ++lastMessageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: "private", first_name: user.firstName },
      from: { id: user.id, is_bot: false, first_name: user.firstName, last_name: user.lastName, language_code: "vi" },
      text,
      ...(command ? { entities: [{ type: "bot_command" as const, offset: 0, length: command[0].length }] } : {}),
    },
  };
}

export function callbackUpdate(user: TestUser, messageId: number, data: string): Update {
  return {
    update_id: ++lastUpdateId,
    callback_query: {
      id: String(++lastMessageId),
      chat_instance: "test",
      from: { id: user.id, is_bot: false, first_name: user.firstName },
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user.id, type: "private", first_name: user.firstName },
        from: { id: 123456789, is_bot: true, first_name: "Bot" },
        text: "…",
      },
      data,
    },
  };
}

/** Sends an update to the worker the way Telegram does (secret header unless told otherwise). */
export async function postUpdate(update: unknown, options: { secret?: string | null } = {}): Promise<Response> {
  const secret = options.secret === undefined ? TEST_WEBHOOK_SECRET : options.secret;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== null) headers["X-Telegram-Bot-Api-Secret-Token"] = secret;
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request("https://bot.test/telegram/webhook", { method: "POST", headers, body: JSON.stringify(update) }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  // As Telegram does: a call carried by the webhook's answer is made.
  await forwardWebhookReply(response.clone(), inject("fakeTelegramUrl"), TEST_BOT_TOKEN);
  return response;
}

export function newTelegramId(): number {
  return 100_000_000 + Math.floor(Math.random() * 1_800_000_000);
}

export function documentUpdate(user: TestUser, file: { name: string; mime: string; size: number }): Update {
  const base = textUpdate(user, "x");
  const { text: _text, entities: _entities, ...message } = base.message!;
  return {
    update_id: base.update_id,
    message: {
      ...message,
      document: {
        file_id: `doc-${base.update_id}`,
        file_unique_id: `u-${base.update_id}`,
        file_name: file.name,
        mime_type: file.mime,
        file_size: file.size,
      },
    },
  } as Update;
}
