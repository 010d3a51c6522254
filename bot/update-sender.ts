import type { Update } from "grammy/types";

/** The Telegram user behind an update, to load their membership before grammY runs. */
export function updateSenderId(update: Update): number | null {
  const from =
    update.message?.from ??
    update.edited_message?.from ??
    update.callback_query?.from ??
    update.inline_query?.from ??
    update.my_chat_member?.from ??
    update.chat_member?.from ??
    null;
  return from?.id ?? null;
}

/** The chat the update happened in (private chats: the same id as the user). */
export function updateChatId(update: Update): number | null {
  const chat =
    update.message?.chat ??
    update.edited_message?.chat ??
    update.callback_query?.message?.chat ??
    update.my_chat_member?.chat ??
    null;
  return chat?.id ?? null;
}
