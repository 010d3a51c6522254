import { Api, GrammyError } from "grammy";
import { toInlineKeyboard } from "../../../bot/keyboards/alerts";
import type { ChannelSender, SendFailure } from "./sender";

export function telegramSender(token: string, apiRoot: string, fetchImpl?: typeof fetch): ChannelSender {
  const api = new Api(token, { apiRoot, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  return {
    async send(chatId, payload, signal) {
      await api.sendMessage(
        chatId,
        payload.text,
        { parse_mode: "HTML", reply_markup: toInlineKeyboard(payload.buttons), link_preview_options: { is_disabled: true } },
        // grammY types its signal from the abort-controller shim; the runtime's is what it uses.
        signal as unknown as Parameters<Api["sendMessage"]>[3],
      );
    },
    classify(error): SendFailure {
      const description = error instanceof Error ? error.message : String(error);
      if (!(error instanceof GrammyError)) return { kind: "transient", description };
      if (error.error_code === 429)
        return { kind: "rate_limited", retryAfterSeconds: error.parameters.retry_after ?? 1, description };
      if (error.error_code === 403) return { kind: "unreachable", description };
      if (error.error_code < 500) return { kind: "permanent", description };
      return { kind: "transient", description };
    },
  };
}
