import { zaloMessage } from "../../bot/ports/zalo-message";
import { Actions } from "../../bot/ports/actions";
import { saveChatMenu, zaloChatKey } from "../../db/queries/chat-menus";
import { ZaloApi, ZaloApiError } from "../zalo/client";
import type { ChannelSender, SendFailure } from "./sender";

/**
 * Zalo: the alert as plain text with its buttons as a numbered menu, which is
 * remembered for the chat so that typing "1" does what the button would.
 */
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
      if (error.code === 429) return { kind: "rate_limited", retryAfterSeconds: error.retryAfter ?? 1, description };
      // 410 "chat_id is invalid": the person never wrote to the bot, or left it; 403: blocked.
      if (error.code === 410 || error.code === 403) return { kind: "unreachable", description };
      if (error.code < 500) return { kind: "permanent", description };
      return { kind: "transient", description };
    },
  };
}
