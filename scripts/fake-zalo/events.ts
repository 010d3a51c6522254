/** Builds the webhook bodies Zalo sends when a user writes to the bot. */
import type { ZaloEventBody, ZaloUserMessageInput } from "./types";

/** From the clock: the worker's local D1 keeps its claims between runs, so ids must not repeat after a restart. */
let counter = Date.now() * 1000;

/** Zalo message ids are 20 hex digits; these count up so they stay unique. */
export function nextUserMessageId(): string {
  counter += 1;
  return `u${counter.toString(16).padStart(19, "0")}`;
}

export function buildUserEvent(input: ZaloUserMessageInput, now: number): ZaloEventBody {
  const isImage = Boolean(input.photo_url);
  const eventName = input.event_name ?? (isImage ? "message.image.received" : "message.text.received");
  return {
    event_name: eventName,
    message: {
      from: { id: input.from_id ?? input.chat_id, display_name: input.display_name ?? "Người dùng thử", is_bot: false },
      chat: { id: input.chat_id, chat_type: "PRIVATE" },
      message_id: nextUserMessageId(),
      date: now,
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(isImage ? { photo_url: input.photo_url, ...(input.caption ? { caption: input.caption } : {}) } : {}),
    },
  };
}
