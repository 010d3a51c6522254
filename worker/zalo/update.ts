/**
 * What the Zalo webhook (or getUpdates) delivers, read tolerantly: the flat {event_name, message} body or the
 * wrapped {ok, result: {event_name, message}} one, ids as strings or numbers, fields Zalo may add ignored.
 */
import { z } from "zod";

export type ZaloEventKind = "text" | "image" | "sticker" | "voice" | "unsupported" | "other";

export interface ZaloEvent {
  eventName: string;
  messageId: string;
  userId: string;
  chatId: string;
  chatType: string;
  displayName: string;
  dateMs: number;
  /** The sender is a bot (Zalo marks it in from.is_bot): never answered. */
  fromBot: boolean;
  /** The message text; for an image, its caption if any. */
  text?: string;
  photoUrl?: string;
  kind: ZaloEventKind;
}

const KIND_BY_EVENT: Record<string, ZaloEventKind> = {
  "message.text.received": "text",
  "message.image.received": "image",
  "message.sticker.received": "sticker",
  "message.voice.received": "voice",
  "message.unsupported.received": "unsupported",
};

// A field of the wrong type is dropped, not a reason to refuse the whole event.
const optionalString = z.string().optional().catch(undefined);
const optionalId = z
  .union([z.string().min(1), z.number().transform(String)])
  .optional()
  .catch(undefined);

const messageSchema = z.object({
  message_id: z.union([z.string().min(1), z.number().transform(String)]),
  date: z
    .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
    .optional()
    .catch(undefined),
  from: z
    .object({
      id: optionalId,
      display_name: optionalString,
      name: optionalString,
      first_name: optionalString,
      is_bot: z.boolean().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  chat: z.object({ id: optionalId, chat_type: optionalString }).optional().catch(undefined),
  text: optionalString,
  caption: optionalString,
  photo_url: optionalString,
  photo: optionalString,
});

const eventSchema = z.object({ event_name: optionalString, message: messageSchema });
const bodySchema = z.union([eventSchema, z.object({ result: eventSchema })]);

type ZaloMessage = z.infer<typeof messageSchema>;

/** getUpdates answers carry no event_name; guess it from what the message holds. */
function inferEventName(message: ZaloMessage): string {
  if (message.photo_url ?? message.photo) return "message.image.received";
  if (message.text !== undefined) return "message.text.received";
  return "message.unsupported.received";
}

/** Dates are documented in ms; one in seconds would otherwise read as January 1970. */
function toMs(date: number): number {
  return date < 1e12 ? date * 1000 : date;
}

/** The event in a webhook body, or null when the body is not a message event (e.g. setWebhook's check). */
export function parseZaloWebhook(body: unknown, now: () => number = Date.now): ZaloEvent | null {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return null;
  const event = "result" in parsed.data ? parsed.data.result : parsed.data;
  const message = event.message;
  const userId = message.from?.id ?? message.chat?.id;
  const chatId = message.chat?.id ?? message.from?.id;
  if (!userId || !chatId) return null;
  const eventName = event.event_name || inferEventName(message);
  const kind = KIND_BY_EVENT[eventName] ?? "other";
  const text = message.text ?? (kind === "image" ? message.caption : undefined);
  const photoUrl = message.photo_url ?? message.photo;
  const from = message.from;
  return {
    eventName,
    messageId: message.message_id,
    userId,
    chatId,
    chatType: message.chat?.chat_type ?? "PRIVATE",
    displayName: (from?.display_name ?? from?.name ?? from?.first_name ?? "").trim(),
    fromBot: from?.is_bot === true,
    dateMs: message.date !== undefined ? toMs(message.date) : now(),
    ...(text !== undefined ? { text } : {}),
    ...(photoUrl ? { photoUrl } : {}),
    kind,
  };
}
