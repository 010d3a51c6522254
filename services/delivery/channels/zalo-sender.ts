import { zaloMessage } from "../../../bot/ports/zalo-message";
import { Actions } from "../../../bot/ports/actions";
import { saveChatMenu, zaloChatKey } from "../../../db/queries/chat-menus";
import { type ZaloApi, ZaloApiError } from "../../zalo/client";
import type { ChannelSender, SendFailure } from "./sender";

/**
 * Zalo: the alert as plain text with its buttons as a numbered menu, which is
 * remembered for the chat so that typing "1" does what the button would.
 */
/** About one send at 10/s: the window frees a slot soon after a 429 at that pace. */
const ZALO_429_PAUSE_S = 0.1;

export function zaloSender(d1: D1Database, api: ZaloApi): ChannelSender {
  return {
    async send(chatId, payload, signal) {
      const message = zaloMessage(payload.text, { html: true, actions: Actions.fromRows(payload.buttons).lines });
      for (const part of message.parts) await api.sendMessage(chatId, part, signal);
      if (message.menu) await saveChatMenu(d1, zaloChatKey(chatId), message.menu);
    },
    classify(error): SendFailure {
      const description = error instanceof Error ? error.message : String(error);
      if (!(error instanceof ZaloApiError)) return { kind: "transient", description };
      // Zalo's limit is the bot's overall pace, not the chat's, and says "wait" in whole seconds at
      // best: a short pause and the same message again loses far less than a second of silence.
      if (error.code === 429)
        return { kind: "rate_limited", retryAfterSeconds: error.retryAfter ?? 1, pauseSeconds: ZALO_429_PAUSE_S, description };
      // 410 "chat_id is invalid": the person never wrote to the bot, or left it; 403: blocked.
      if (error.code === 410 || error.code === 403) return { kind: "unreachable", description };
      if (error.code < 500) return { kind: "permanent", description };
      return { kind: "transient", description };
    },
  };
}
