import { Hono } from "hono";
import type { Update } from "grammy/types";
import { z } from "zod";
import { createBot } from "../../bot/create-bot";
import { loginLink } from "../../web/links";
import { updateChatId, updateSenderId } from "../../bot/update-sender";
import { createDb } from "../../db/client";
import { conversationByChat } from "../../db/queries/conversations";
import { activeMemberByTelegramId } from "../../db/queries/members";
import { claimUpdate, releaseUpdate } from "../../db/queries/updates";
import { countRoundTrips } from "../../db/round-trip-counter";
import { readAlertConfig, readConfig, type Env } from "../env";
import { enqueuePending } from "../scheduled";
import { secretMatches } from "../secret";

const updateEnvelope = z.looseObject({ update_id: z.number().int().nonnegative() });

export const telegramWebhook = new Hono<{ Bindings: Env }>();

telegramWebhook.post("/webhook", async (c) => {
  const config = readConfig(c.env);
  if (!secretMatches(c.req.header("X-Telegram-Bot-Api-Secret-Token"), config.TELEGRAM_WEBHOOK_SECRET)) {
    return c.text("Unauthorized", 401);
  }
  const envelope = updateEnvelope.safeParse(await c.req.json().catch(() => null));
  if (!envelope.success) return c.text("Bad Request", 400);
  const update = envelope.data as unknown as Update;

  const counter = countRoundTrips(c.env.DB);
  const db = createDb(counter.d1);
  const senderId = updateSenderId(update);
  const t0 = performance.now();
  const chatId = updateChatId(update);
  // One round trip: claim the update, load the sender's membership and their chat's open flow.
  const [claimed, memberRows, conversationRows] = await db.batch([
    claimUpdate(db, update.update_id),
    activeMemberByTelegramId(db, senderId === null ? "" : String(senderId)),
    conversationByChat(db, chatId === null ? "" : String(chatId)),
  ]);
  if (claimed.length === 0) return c.text("OK (đã xử lý)", 200);
  const t1 = performance.now();

  try {
    const bot = createBot(
      { token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, botUsername: config.BOT_USERNAME },
      {
        db,
        now: () => new Date(),
        botUsername: config.BOT_USERNAME,
        enqueueReminders: (ids) => enqueuePending(c.env.DB, c.env.ALERTS, readAlertConfig(c.env), ids),
        webLoginLink: (memberId) => loginLink(c.env, memberId),
      },
      memberRows[0] ?? null,
      conversationRows[0] ?? null,
    );
    await bot.handleUpdate(update);
  } catch (error) {
    // Give the update back so Telegram's retry is processed rather than dropped.
    await releaseUpdate(db, update.update_id);
    console.error("update failed", update.update_id, error);
    return c.text("Internal Server Error", 500);
  }
  if (config.EXPOSE_METRICS === "true") {
    c.header("X-D1-Round-Trips", String(counter.roundTrips()));
    c.header("Server-Timing", `claim;dur=${(t1 - t0).toFixed(1)}, handle;dur=${(performance.now() - t1).toFixed(1)}`);
  }
  return c.text("OK", 200);
});
