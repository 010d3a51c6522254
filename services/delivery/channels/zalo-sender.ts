import { zaloMessage } from "../../../bot/ports/zalo-message";
import { Actions } from "../../../bot/ports/actions";
import { insertMenuStatement, keysInUse, liveMenusFrom, liveMenusStatement, zaloChatKey } from "../../../db/queries/chat-menus";
import { type ZaloApi, ZaloApiError } from "../../zalo/client";
import type { ChannelSender, SendFailure } from "./sender";

/** About one send at 10/s: the window frees a slot soon after a 429 at that pace. */
const ZALO_429_PAUSE_S = 0.1;

/**
 * Zalo: the alert as plain text with its buttons as a numbered menu, kept
 * among the chat's live menus with keys none of them uses, so typing "3"
 * does what this alert's button would, while an earlier notice's "1" still
 * acts on its own item.
 */
export function zaloSender(d1: D1Database, api: ZaloApi): ChannelSender {
  return {
    async send(chatId, payload, signal) {
      const actions = Actions.fromRows(payload.buttons);
      const chatKey = zaloChatKey(chatId);
      const live = actions.isEmpty ? [] : liveMenusFrom((await liveMenusStatement(d1, chatKey).all()).results);
      const message = zaloMessage(payload.text, { html: true, actions: actions.lines, taken: keysInUse(live) });
      for (const part of message.parts) await api.sendMessage(chatId, part, signal);
      if (message.menu) await insertMenuStatement(d1, chatKey, "notice", message.menu).run();
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
