import type { Chat, Message, Update, User } from "grammy/types";
import type { ZaloEvent } from "./update";

let sequence = 0;

/**
 * The update grammY would receive on Telegram for a Zalo event, so the same
 * composers route it: a command, typed text, a photo, or — for a key typed
 * from the last menu — the button press it stands for. Ids are placeholders:
 * the Zalo port answers by the event's own chat id, never by these.
 */
export function syntheticUpdate(event: ZaloEvent, actionData: string | null, photoKey: string | null): Update {
  const date = Math.floor(event.dateMs / 1000);
  const chat: Chat.PrivateChat | Chat.GroupChat =
    event.chatType.toUpperCase() === "PRIVATE"
      ? { id: 0, type: "private", first_name: event.displayName }
      : { id: 0, type: "group", title: "" };
  const from: User = { id: 0, is_bot: false, first_name: event.displayName || "Zalo" };
  const update_id = ++sequence;
  if (actionData !== null) {
    const message: Message = { message_id: 0, date, chat, text: "" };
    return {
      update_id,
      callback_query: { id: `zalo-${event.messageId}`, chat_instance: "zalo", from, message, data: actionData },
    };
  }
  const base = { message_id: 0, date, chat, from };
  if (photoKey !== null) {
    const photo = [{ file_id: `r2:${photoKey}`, file_unique_id: photoKey, width: 0, height: 0 }];
    return { update_id, message: { ...base, photo, ...(event.text ? { caption: event.text } : {}) } };
  }
  const text = (event.text ?? "").normalize("NFC");
  const command = /^\/[A-Za-z0-9_]+/.exec(text);
  const entities = command ? [{ type: "bot_command" as const, offset: 0, length: command[0].length }] : undefined;
  return { update_id, message: { ...base, text, ...(entities ? { entities } : {}) } };
}
