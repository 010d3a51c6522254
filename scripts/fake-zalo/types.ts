/** Shapes of the fake Zalo Bot API's records, as its /__fake/ endpoints return them. */

/** A message the bot sent, as the fake keeps it per chat. */
export interface ZaloStoredMessage {
  message_id: string;
  chat_id: string;
  /** The text, or a photo's caption ("" when none). */
  text: string;
  photo?: string;
  /** ms since epoch, as Zalo gives dates. */
  date: number;
  /** Order across the whole fake, for "what is new since" queries. */
  seq: number;
}

export interface ZaloCallRecord {
  seq: number;
  time: number;
  method: string;
  params: Record<string, unknown>;
  chat_id?: string;
  ok: boolean;
  error_code?: number;
  description?: string;
}

export interface ZaloWebhook {
  url: string;
  secret_token: string;
  updated_at: number;
}

export type ZaloRateLimit = { perSecond: number } | false;

/** What a user sends, for POST /__fake/deliver when the caller does not give a whole event. */
export interface ZaloUserMessageInput {
  chat_id: string;
  text?: string;
  photo_url?: string;
  caption?: string;
  /** Defaults to chat_id (a private chat). */
  from_id?: string;
  display_name?: string;
  event_name?: string;
}

export interface ZaloEventBody {
  event_name: string;
  message: Record<string, unknown>;
}
