import type { Update } from "grammy/types";
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
  const chat = {
    id: 0,
    type: event.chatType.toUpperCase() === "PRIVATE" ? ("private" as const) : ("group" as const),
    first_name: event.displayName,
    title: "",
  };
  const from = { id: 0, is_bot: false, first_name: event.displayName || "Zalo" };
  const update_id = ++sequence;
  if (actionData !== null) {
    return {
      update_id,
      callback_query: {
        id: `zalo-${event.messageId}`,
        chat_instance: "zalo",
        from,
        message: { message_id: 0, date, chat, text: "" } as never,
        data: actionData,
      },
    };
  }
  const base = { message_id: 0, date, chat, from };
  if (photoKey !== null) {
    const photo = [{ file_id: `r2:${photoKey}`, file_unique_id: photoKey, width: 0, height: 0 }];
    return { update_id, message: { ...base, photo, ...(event.text ? { caption: event.text } : {}) } as never };
  }
  const text = (event.text ?? "").normalize("NFC");
  const command = /^\/[A-Za-z0-9_]+/.exec(text);
  const entities = command ? [{ type: "bot_command" as const, offset: 0, length: command[0].length }] : undefined;
  return { update_id, message: { ...base, text, ...(entities ? { entities } : {}) } as never };
}
