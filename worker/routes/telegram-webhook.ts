import { Hono } from "hono";
import type { Update } from "grammy/types";
import { z } from "zod";
import { TelegramPort, WebhookReply } from "../../bot/ports/telegram";
import { isReadOnly, prefetchNeedFor } from "../../bot/prefetch";
import { updateChatId, updateSenderId } from "../../bot/update-sender";
import { texts } from "../../bot/texts";
import { createDb } from "../../db/client";
import { conversationByChat, conversationFrom } from "../../db/queries/conversations";
import { activeMemberByIdentity, type MemberProfile } from "../../db/queries/members";
import { prefetchedFrom, prefetchStatements } from "../../db/queries/prefetch";
import { claimUpdate, UpdateClaim } from "../../db/queries/updates";
import { countRoundTrips } from "../../db/round-trip-counter";
import { readConfig, type Env } from "../env";
import { botDeps, runClaimed, settleAfterAnswer } from "../inbound";
import { secretMatches } from "../secret";
import { Api } from "grammy";

const updateEnvelope = z.looseObject({ update_id: z.number().int().nonnegative() });

/** Updates about a Business account's chats: answering would speak for the account's owner. */
const businessKinds = [
  "business_connection",
  "business_message",
  "edited_business_message",
  "deleted_business_messages",
] as const;

export const telegramWebhook = new Hono<{ Bindings: Env }>();

telegramWebhook.post("/webhook", async (c) => {
  // A deployment may serve Zalo only.
  if (!c.env.TELEGRAM_BOT_TOKEN) return c.text("Not Found", 404);
  const config = readConfig(c.env);
  if (!secretMatches(c.req.header("X-Telegram-Bot-Api-Secret-Token"), config.TELEGRAM_WEBHOOK_SECRET)) {
    return c.text("Unauthorized", 401);
  }
  const envelope = updateEnvelope.safeParse(await c.req.json().catch(() => null));
  if (!envelope.success) return c.text("Bad Request", 400);
  const update = envelope.data as unknown as Update;
  if (businessKinds.some((k) => k in update)) return c.text("OK (bỏ qua)", 200);

  const senderId = updateSenderId(update);
  const chatId = updateChatId(update);
  // A message without a chat, or a button under an inline message: nothing to answer in.
  if (senderId === null || chatId === null) return c.text("OK (bỏ qua)", 200);

  const counter = countRoundTrips(c.env.DB);
  const db = createDb(counter.d1);
  const t0 = performance.now();
  const input = { text: update.message?.text, callbackData: update.callback_query?.data };
  const need = prefetchNeedFor(input);
  const claim = new UpdateClaim(`tg:${update.update_id}`, isReadOnly(input, need));
  const sender = { channel: "telegram", userId: String(senderId), chatKey: String(chatId) };
  // One round trip: claim the update, load the sender's membership, their chat's open flow and what the update will read.
  const [claimed, memberRows, conversationRows, ...fetched] = await counter.d1.batch<Record<string, unknown>>([
    claimUpdate(counter.d1, claim, new Date()),
    activeMemberByIdentity(counter.d1, "telegram", sender.userId),
    conversationByChat(counter.d1, sender.chatKey),
    ...prefetchStatements(counter.d1, need, sender),
  ]);
  if (claimed!.results.length === 0) return c.text("OK (đã xử lý)", 200);
  const t1 = performance.now();

  const waitUntil = (p: Promise<unknown>) => c.executionCtx.waitUntil(p);
  const botConfig = { token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, botUsername: config.BOT_USERNAME };
  const deps = { ...botDeps(c.env, db, config.BOT_USERNAME, waitUntil), claim };
  const conversation = conversationFrom(conversationRows!.results[0]);
  const reply = new WebhookReply();
  const outcome = await runClaimed(
    createDb(c.env.DB),
    claim,
    botConfig,
    update,
    {
      deps,
      member: (memberRows!.results[0] as MemberProfile | undefined) ?? null,
      conversation,
      prefetched: prefetchedFrom(need, fetched, conversation),
      port: (ctx) => new TelegramPort(ctx, deps.links ?? null, reply),
    },
    () => apologize(botConfig, chatId, update, counter.wrote()),
  );
  if (outcome === "retry") return c.text("Service Unavailable", 503);
  // Settled after the answer: X-D1-Round-Trips counts what the person waits for.
  const tripsAfter = settleAfterAnswer(c.env.DB, claim, [], waitUntil);
  if (config.EXPOSE_METRICS === "true") {
    c.header("X-D1-Round-Trips", String(counter.roundTrips()));
    c.header("X-D1-Round-Trips-After", String(tripsAfter));
    c.header("Server-Timing", `claim;dur=${(t1 - t0).toFixed(1)}, handle;dur=${(performance.now() - t1).toFixed(1)}`);
  }
  // A button's answer rides on this HTTP answer: Telegram makes the call.
  if (reply.call) return c.json({ method: reply.call.method, ...reply.call.params });
  return c.text("OK", 200);
});

/**
 * A handler failed: the person hears so in the same chat (and topic), rather than nothing, and whether what
 * they sent was saved (`saved`: a write went through before the failure), so they do not send it twice.
 */
async function apologize(
  config: { token: string; apiRoot: string },
  chatId: number,
  update: Update,
  saved: boolean,
): Promise<void> {
  const api = new Api(config.token, { apiRoot: config.apiRoot });
  const thread = update.message?.is_topic_message ? update.message.message_thread_id : undefined;
  const text = saved ? texts.handlerFailedAfterSaving : texts.handlerFailed;
  await api.sendMessage(chatId, text, { parse_mode: "HTML", ...(thread === undefined ? {} : { message_thread_id: thread }) });
}
