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

const updateEnvelope = z.looseObject({ update_id: z.number().int().nonnegative() });

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
  const envelope = updateEnvelope.safeParse(await c.req.json().catch(() => null));
  if (!envelope.success) return c.text("Bad Request", 400);
  // Telegram's own update, checked for its id: grammY reads the rest as it does for any bot.
  const update = envelope.data as unknown as Update;
  if (businessKinds.some((k) => k in update)) return c.text("OK (bỏ qua)", 200);

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
