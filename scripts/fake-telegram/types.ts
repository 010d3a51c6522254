/**
 * Shapes used by the fake Telegram Bot API and its clients (terminal chat,
 * relay, tests). Runtime-neutral: type declarations only.
 *
 * Telegram objects are typed loosely on purpose: the fake mirrors what the Bot
 * API sends, but callers mostly look at a handful of fields.
 */

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface TgChat {
  id: number;
  type: "private" | "group" | "supergroup" | "channel";
  first_name?: string;
  last_name?: string;
  username?: string;
  title?: string;
}

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  user?: TgUser;
  custom_emoji_id?: string;
}

export interface InlineKeyboardButton {
  text: string;
  callback_data?: string;
  url?: string;
  [key: string]: unknown;
}

export interface InlineKeyboardMarkup {
  inline_keyboard: InlineKeyboardButton[][];
}

export interface ReplyKeyboardMarkup {
  keyboard: ({ text: string; [key: string]: unknown } | string)[][];
  [key: string]: unknown;
}

/** Any reply_markup the Bot API accepts (inline keyboard, reply keyboard, remove, force reply). */
export type ReplyMarkup =
  | InlineKeyboardMarkup
  | ReplyKeyboardMarkup
  | { remove_keyboard: true; [key: string]: unknown }
  | { force_reply: true; [key: string]: unknown };

/** A file known to the fake (uploaded by the bot or by a simulated user). */
export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size: number;
  file_path: string;
  /** Set when the bot sent an HTTP URL instead of uploading bytes (the fake does not download it). */
  url?: string;
}

/** A message in a chat, as the fake stores it. */
export interface StoredMessage {
  message_id: number;
  chat_id: number;
  /** true: the bot sent it; false: a simulated user sent it through /__fake/chats/<id>/send. */
  from_bot: boolean;
  /** The Bot API method that created it (sendMessage, sendDocument, …, or "user"). */
  method: string;
  /** Unix time, seconds. */
  date: number;
  /** Text as Telegram shows it: markup parsed away, HTML entities decoded. */
  text?: string;
  /** Text exactly as the bot sent it (with HTML tags when parse_mode is HTML). */
  raw_text?: string;
  entities?: MessageEntity[];
  caption?: string;
  raw_caption?: string;
  caption_entities?: MessageEntity[];
  parse_mode?: string;
  reply_markup?: ReplyMarkup;
  reply_to_message_id?: number;
  document?: StoredFile;
  photo?: StoredFile;
  /** Unix time of the last edit. */
  edit_date?: number;
  /** true once the bot edited it (text, caption or buttons). */
  edited?: boolean;
  deleted?: boolean;
  /** Global change counter of the last change to this message (see events). */
  seq: number;
}

export type ChatEventType = "message" | "edit" | "delete" | "callback_answer" | "chat_action";

/** Something the bot did in a chat; the terminal chat follows these. */
export interface ChatEvent {
  seq: number;
  chat_id: number;
  type: ChatEventType;
  /** Snapshot of the message after the change (message, edit, delete). */
  message?: StoredMessage;
  /** callback_answer: the toast/alert text; chat_action: the action. */
  text?: string;
  show_alert?: boolean;
  url?: string;
  action?: string;
  callback_query_id?: string;
}

export interface CallRecord {
  seq: number;
  /** ms since epoch (fake clock). */
  time: number;
  method: string;
  /** The HTTP method used (GET/POST). */
  http_method: string;
  chat_id?: number | string;
  /** Parsed parameters; uploaded files appear as { file_name, mime_type, file_size }. */
  params: Record<string, unknown>;
  status: number;
  ok: boolean;
  description?: string;
  result?: unknown;
}

export interface RateLimitConfig {
  enabled: boolean;
  /** Sending methods per second across all chats (token bucket, burst = this value). */
  globalPerSecond: number;
  /** Sustained sending methods per second in one private chat. */
  perChatPerSecond: number;
  /** Burst allowance per chat (token bucket size). */
  perChatBurst: number;
  /** Sustained sending methods per minute in one group chat (negative chat id). */
  groupPerMinute: number;
  /** Methods that count as sending. */
  methods: string[];
}

export interface FailRule {
  /** How many more calls fail. */
  count: number;
  /** Only calls of this method fail (any method when absent). */
  method?: string;
  /** Only calls for this chat fail. */
  chatId?: number;
  status: number;
  description: string;
  retryAfter?: number;
}

export interface FakeConfig {
  rateLimit: RateLimitConfig;
  blockedChats: number[];
  failNext: FailRule[];
  /** Delay before every Bot API answer, ms. */
  delayMs: number;
}

/**
 * Body of POST /__fake/config. Every field is optional; absent ones keep their value.
 * - rateLimit: false | true | partial RateLimitConfig
 * - blockedChats: replaces the set; block / unblock: add / remove ids
 * - failNext: a count (500 Internal Server Error), a rule, or a list of rules; 0 clears
 */
export interface FakeConfigPatch {
  rateLimit?: boolean | Partial<RateLimitConfig>;
  blockedChats?: number[];
  block?: number[];
  unblock?: number[];
  failNext?: number | (Partial<FailRule> & { count?: number }) | (Partial<FailRule> & { count?: number })[];
  delayMs?: number;
}

/** Body of POST /__fake/chats/<chatId>/send: a simulated user writes to the bot. */
export interface UserMessageInput {
  from?: Partial<TgUser> & { id?: number };
  text?: string;
  caption?: string;
  document?: {
    file_name: string;
    mime_type?: string;
    /** File content, base64. */
    data_base64?: string;
    /** File content as UTF-8 text (alternative to data_base64). */
    text?: string;
  };
  reply_to_message_id?: number;
}

/** Body of POST /__fake/chats/<chatId>/press: a simulated user presses an inline button. */
export interface PressInput {
  from?: Partial<TgUser> & { id?: number };
  message_id: number;
  /** The button's callback_data. */
  data?: string;
  /** Or the button's text. */
  text?: string;
}

export type Update = {
  update_id: number;
  message?: Record<string, unknown>;
  callback_query?: Record<string, unknown>;
  [key: string]: unknown;
};
