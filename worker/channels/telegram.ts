import { Api } from "grammy";
import type { Update } from "grammy/types";
import { z } from "zod";
import { TelegramPort, WebhookReply } from "../../bot/ports/telegram";
import { isReadOnly, prefetchNeedFor } from "../../bot/prefetch";
import { texts } from "../../bot/texts";
import { updateChatId, updateSenderId } from "../../bot/update-sender";
import { readConfig } from "../../services/env";
import { secretMatches } from "../secret";
import type { ChannelAdapter } from "../pipeline";

/**
 * The parts of an update the bot reads, checked before anything is claimed: a
 * malformed update (a number where Telegram sends text) is dropped with 200 and
 * writes nothing, rather than failing inside a handler.
 */
const user = z.looseObject({ id: z.number().int(), is_bot: z.boolean().optional(), first_name: z.string().optional() });
const chat = z.looseObject({ id: z.number().int(), type: z.string() });
const message = z.looseObject({
  message_id: z.number().int(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  message_thread_id: z.number().int().optional(),
  document: z.looseObject({ file_id: z.string(), file_name: z.string().optional(), mime_type: z.string().optional() }).optional(),
  photo: z.array(z.looseObject({ file_id: z.string() })).optional(),
});
const updateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  edited_message: message.optional(),
  callback_query: z
    .looseObject({
      id: z.string(),
      from: user,
      data: z.string().optional(),
      message: z.looseObject({ message_id: z.number().int(), chat }).optional(),
      inline_message_id: z.string().optional(),
    })
    .optional(),
  my_chat_member: z.looseObject({ chat, from: user }).optional(),
});

/** Updates about a Business account's chats: answering would speak for the account's owner. */
const businessKinds = [
  "business_connection",
  "business_message",
  "edited_business_message",
  "deleted_business_messages",
] as const;

/** Telegram's webhook: the secret header, the update as Telegram sends it, answered through the Bot API. */
export const telegramAdapter: ChannelAdapter = async (c) => {
  // A deployment may serve Zalo only.
  if (!c.env.TELEGRAM_BOT_TOKEN) return c.text("Not Found", 404);
  const config = readConfig(c.env);
  if (!secretMatches(c.req.header("X-Telegram-Bot-Api-Secret-Token"), config.TELEGRAM_WEBHOOK_SECRET)) {
    return c.text("Unauthorized", 401);
  }
  const body = await c.req.json().catch(() => null);
  if (!body || typeof body !== "object" || !("update_id" in body)) return c.text("Bad Request", 400);
  const envelope = updateSchema.safeParse(body);
  if (!envelope.success) return c.text("OK (bỏ qua: cập nhật không hợp lệ)", 200);
  // Telegram's own update, checked for its id: grammY reads the rest as it does for any bot.
  const update = envelope.data as unknown as Update;
  if (businessKinds.some((k) => k in update)) return c.text("OK (bỏ qua)", 200);

  // Another bot's message (in a group, or relayed) is never answered: bots must not talk to each other in loops.
  const from = update.message?.from ?? update.edited_message?.from ?? update.callback_query?.from;
  if (from?.is_bot) return c.text("OK (bỏ qua)", 200);
  // A button under an inline message has no chat to answer in: its spinner is stopped, nothing else.
  if (update.callback_query && !update.callback_query.message)
    return c.json({ method: "answerCallbackQuery", callback_query_id: update.callback_query.id });

  const senderId = updateSenderId(update);
  const chatId = updateChatId(update);
  // A message without a chat, or a button under an inline message: nothing to answer in.
  if (senderId === null || chatId === null) return c.text("OK (bỏ qua)", 200);

  const input = { text: update.message?.text, callbackData: update.callback_query?.data };
  const need = prefetchNeedFor(input);
  return {
    claimKey: `tg:${update.update_id}`,
    sender: { channel: "telegram", userId: String(senderId), chatKey: String(chatId) },
    need,
    readOnly: isReadOnly(input, need),
    async prepare() {
      const reply = new WebhookReply();
      return {
        update,
        port: (ctx, deps) => new TelegramPort(ctx, deps.links ?? null, reply),
        apologize: (saved) =>
          apologize({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT }, chatId, update, saved),
        // A button's answer rides on this HTTP answer: Telegram makes the call.
        respond: (c) => (reply.call ? c.json({ method: reply.call.method, ...reply.call.params }) : c.text("OK", 200)),
      };
    },
  };
};

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
