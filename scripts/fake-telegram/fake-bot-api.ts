/**
 * A fake Telegram Bot API, web-standard and runtime-neutral (no node: imports):
 * it runs in Node (see server.ts) and inside workerd (tests).
 *
 *   const api = createFakeBotApi();
 *   const res = await api.fetch(new Request("http://fake/bot123:ABC/sendMessage", { method: "POST", ... }));
 *   // or hand `api.fetchLike` to grammY as `client.fetch`
 *
 * Bot API   {root}/bot<token>/<method>   GET or POST; JSON, urlencoded or multipart (grammY's format included).
 *           Answers {ok:true,result[,description]} or {ok:false,error_code,description[,parameters]} like Telegram.
 *           getMe sendMessage editMessageText editMessageReplyMarkup editMessageCaption deleteMessage
 *           answerCallbackQuery sendDocument sendPhoto sendChatAction setMyCommands getMyCommands
 *           deleteMyCommands setWebhook deleteWebhook getWebhookInfo getUpdates getFile getChat (+ a few no-ops);
 *           any other method → 404 "Not Found".
 * Files     GET {root}/file/bot<token>/<file_path>
 *
 * Control (plain JSON, always {ok, …}):
 *   GET  /__fake/chats/<chatId>/messages?after=<message_id>&since=<seq>&all=1&deleted=1
 *                                         → {messages: StoredMessage[], seq}   (bot's messages; all=1 adds the user's)
 *   GET  /__fake/chats/<chatId>/events?since=<seq>  → {events: ChatEvent[], seq}
 *   GET  /__fake/events?chat_id=&since=              → {events, seq}
 *   GET  /__fake/chats                               → {chats: [{chat, bot_messages, last_message_id}], seq}
 *   GET  /__fake/calls?method=&chat_id=&since=       → {calls: CallRecord[], seq}
 *   POST /__fake/reset                               → {}      (everything, config included)
 *   GET|POST /__fake/config  (body: FakeConfigPatch) → {config}
 *   POST /__fake/wait?chat_id=&after=&timeout_ms=    → {messages, timed_out, seq}  bot messages with id > after
 *   POST /__fake/wait?chat_id=&since=&timeout_ms=    → {events, timed_out, seq}    anything with seq > since
 *   POST /__fake/chats/<chatId>/send  (UserMessageInput) → {update}  a user writes; deliver `update` to the webhook
 *   POST /__fake/chats/<chatId>/press (PressInput)       → {update}  a user presses an inline button
 *   GET  /__fake/files/<file_id>                     → the bytes
 *   GET  /__fake/updates                             → {updates, webhook}  (what getUpdates would return)
 *
 * Flood control (on by default): sending methods are limited to 30/s overall and, per chat, to a token bucket
 * of 5 refilled at 1/s (groups: 20/min); beyond that 429 "Too Many Requests: retry after N" with
 * parameters.retry_after. Switch off with {rateLimit: false} (option or /__fake/config).
 */
import { commandEntities, isValidUrl, parseWithMode } from "./markup";
import { boundaryOf, parseMultipart, type UploadedFile } from "./multipart";
import type {
  CallRecord,
  ChatEvent,
  FailRule,
  FakeConfig,
  FakeConfigPatch,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  MessageEntity,
  PressInput,
  RateLimitConfig,
  ReplyMarkup,
  StoredFile,
  StoredMessage,
  TgChat,
  TgUser,
  Update,
  UserMessageInput,
} from "./types";

export type * from "./types";

export interface FakeBotApiOptions {
  /** Accept only this token (401 Unauthorized for others). Default: any well-formed token. */
  token?: string;
  /** What getMe answers (id defaults to the token's numeric prefix). */
  botInfo?: Partial<TgUser> & Record<string, unknown>;
  /** Rate limits: true (default), false, or overrides of DEFAULT_RATE_LIMIT. */
  rateLimit?: boolean | Partial<RateLimitConfig>;
  /** Clock, ms since epoch (tests can drive rate limits with it). Default Date.now. */
  now?: () => number;
  /** First message_id in every chat. Default 1. */
  firstMessageId?: number;
  /** First update_id given to simulated user updates. Default 1. */
  firstUpdateId?: number;
  /** How many call records / events are kept. Default 10000. */
  maxLog?: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  enabled: true,
  globalPerSecond: 30,
  perChatPerSecond: 1,
  perChatBurst: 5,
  groupPerMinute: 20,
  methods: ["sendMessage", "sendDocument", "sendPhoto", "editMessageText", "editMessageReplyMarkup", "editMessageCaption"],
};

export const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_CALLBACK_DATA = 64;
const MAX_UPLOAD = 50 * 1024 * 1024;
const MAX_GETFILE = 20 * 1024 * 1024;

const JSON_FIELDS = new Set([
  "reply_markup",
  "entities",
  "caption_entities",
  "reply_parameters",
  "link_preview_options",
  "commands",
  "scope",
  "allowed_updates",
  "media",
  "menu_button",
]);

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const BUTTON_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

const MIME_BY_EXT: Record<string, string> = {
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  html: "text/html",
  xml: "application/xml",
  zip: "application/zip",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};

export function guessMime(fileName: string | undefined): string | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName ?? "")?.[1]?.toLowerCase();
  return ext ? MIME_BY_EXT[ext] : undefined;
}

// ------------------------------------------------------------------ helpers

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

const bad = (d: string) => new ApiError(400, `Bad Request: ${d}`);

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

function errorBody(e: ApiError) {
  return {
    ok: false as const,
    error_code: e.status,
    description: e.description,
    ...(e.parameters ? { parameters: e.parameters } : {}),
  };
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64.replace(/\s+/g, ""));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** Stable JSON for comparisons (key order independent). */
function canonical(v: unknown): string {
  if (v === undefined) return "null";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined && o[k] !== null)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(",")}}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

class Params {
  constructor(readonly raw: Map<string, unknown>) {}

  has(k: string): boolean {
    const v = this.raw.get(k);
    return v !== undefined && v !== null && v !== "";
  }

  str(k: string): string | undefined {
    const v = this.raw.get(k);
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    return undefined;
  }

  int(k: string): number | undefined {
    const v = this.raw.get(k);
    if (typeof v === "number") return Number.isInteger(v) ? v : undefined;
    if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v.trim());
    return undefined;
  }

  bool(k: string): boolean {
    const v = this.raw.get(k);
    return v === true || v === "true" || v === "1" || v === 1;
  }

  json<T>(k: string, what = "JSON object"): T | undefined {
    const v = this.raw.get(k);
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v === "string") {
      try {
        return JSON.parse(v) as T;
      } catch {
        throw bad(`can't parse ${what}`);
      }
    }
    return v as T;
  }

  file(k: string): UploadedFile | string | undefined {
    const v = this.raw.get(k);
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v === "object" && (v as UploadedFile).kind === "file") return v as UploadedFile;
    if (typeof v === "string") {
      if (v.startsWith("attach://")) {
        const part = this.raw.get(v.slice("attach://".length));
        if (part && typeof part === "object" && (part as UploadedFile).kind === "file") return part as UploadedFile;
        throw bad(`can't find attached file "${v.slice("attach://".length)}"`);
      }
      return v;
    }
    return undefined;
  }

  /** Parameters for the call log: files summarised, JSON fields parsed. */
  forLog(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.raw) {
      if (v && typeof v === "object" && (v as UploadedFile).kind === "file") {
        const f = v as UploadedFile;
        out[k] = { file_name: f.filename, mime_type: f.contentType, file_size: f.bytes.length };
      } else out[k] = v;
    }
    return out;
  }
}

class Bucket {
  tokens: number;
  last: number;
  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }
  refill(now: number) {
    const dt = Math.max(0, now - this.last) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + dt * this.perSecond);
    this.last = now;
  }
  /** Seconds until one token is available (0 = available now). */
  waitSeconds(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    return Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond));
  }
}

interface ChatState {
  id: number;
  info: TgChat;
  nextMessageId: number;
  messages: StoredMessage[];
}

interface FileEntry {
  info: StoredFile;
  bytes: Uint8Array | null;
}

interface CallbackEntry {
  chatId: number;
  messageId: number;
  answered: boolean;
}

function defaultConfig(rl: FakeBotApiOptions["rateLimit"]): FakeConfig {
  return {
    rateLimit: mergeRateLimit({ ...DEFAULT_RATE_LIMIT, methods: [...DEFAULT_RATE_LIMIT.methods] }, rl ?? true),
    blockedChats: [],
    failNext: [],
    delayMs: 0,
  };
}

function mergeRateLimit(base: RateLimitConfig, patch: boolean | Partial<RateLimitConfig>): RateLimitConfig {
  if (typeof patch === "boolean") return { ...base, enabled: patch };
  const next = { ...base, ...patch };
  if (patch.enabled === undefined) next.enabled = true;
  for (const k of ["globalPerSecond", "perChatPerSecond", "perChatBurst", "groupPerMinute"] as const) {
    if (!(typeof next[k] === "number" && next[k] > 0)) next[k] = DEFAULT_RATE_LIMIT[k];
  }
  return next;
}

function toFailRule(r: Partial<FailRule> & { count?: number }): FailRule {
  const status = r.status ?? 500;
  return {
    count: r.count ?? 1,
    ...(r.method ? { method: r.method } : {}),
    ...(r.chatId !== undefined ? { chatId: Number(r.chatId) } : {}),
    status,
    description:
      r.description ??
      (status === 500
        ? "Internal Server Error"
        : status === 502
          ? "Bad Gateway"
          : status === 429
            ? `Too Many Requests: retry after ${r.retryAfter ?? 1}`
            : status === 403
              ? "Forbidden: bot was blocked by the user"
              : status === 409
                ? "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
                : "Bad Request"),
    ...(status === 429 ? { retryAfter: r.retryAfter ?? 1 } : {}),
  };
}

// --------------------------------------------------------------- the fake

export type FakeBotApi = ReturnType<typeof createFakeBotApi>;

export function createFakeBotApi(options: FakeBotApiOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const firstMessageId = options.firstMessageId ?? 1;
  const maxLog = options.maxLog ?? 10000;

  let config: FakeConfig = defaultConfig(options.rateLimit);
  let seq = 0;
  let callSeq = 0;
  let fileCounter = 0;
  let callbackCounter = 0;
  let nextUpdateId = options.firstUpdateId ?? 1;
  let chats = new Map<number, ChatState>();
  let users = new Map<number, TgUser>();
  let events: ChatEvent[] = [];
  let calls: CallRecord[] = [];
  let files = new Map<string, FileEntry>();
  let filesByPath = new Map<string, FileEntry>();
  let callbacks = new Map<string, CallbackEntry>();
  let commands = new Map<string, { command: string; description: string }[]>();
  let webhook: { url: string; secret_token?: string; allowed_updates?: string[]; max_connections?: number } | null = null;
  let updates: Update[] = [];
  let globalBucket: Bucket | null = null;
  let chatBuckets = new Map<number, Bucket>();
  let pollGeneration = 0;
  const waiters = new Set<() => void>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let disposed = false;

  function botUser(token?: string): TgUser & Record<string, unknown> {
    const idFromToken = Number(/^(\d+):/.exec(token ?? options.token ?? "")?.[1] ?? 123456789);
    return {
      id: idFromToken,
      is_bot: true,
      first_name: "Theo dõi kế hoạch",
      username: "kehoach_demo_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      ...options.botInfo,
    };
  }
  let currentBot = botUser();

  function notify() {
    for (const w of [...waiters]) w();
  }

  function nextSeq() {
    return ++seq;
  }

  function chatState(id: number): ChatState {
    let c = chats.get(id);
    if (!c) {
      const user = users.get(id);
      const info: TgChat =
        id > 0
          ? {
              id,
              type: "private",
              first_name: user?.first_name ?? `User ${id}`,
              ...(user?.last_name ? { last_name: user.last_name } : {}),
              ...(user?.username ? { username: user.username } : {}),
            }
          : { id, type: String(id).startsWith("-100") ? "supergroup" : "group", title: `Nhóm ${id}` };
      c = { id, info, nextMessageId: firstMessageId, messages: [] };
      chats.set(id, c);
    }
    return c;
  }

  function emit(e: Omit<ChatEvent, "seq">, s = nextSeq()) {
    events.push({ ...e, seq: s });
    if (events.length > maxLog) events = events.slice(-maxLog);
    notify();
  }

  function snapshot(m: StoredMessage): StoredMessage {
    return JSON.parse(JSON.stringify(m)) as StoredMessage;
  }

  function findMessage(chatId: number, messageId: number): StoredMessage | undefined {
    return chats.get(chatId)?.messages.find((m) => m.message_id === messageId);
  }

  function fileForMessage(f: StoredFile) {
    return {
      file_id: f.file_id,
      file_unique_id: f.file_unique_id,
      ...(f.file_name ? { file_name: f.file_name } : {}),
      ...(f.mime_type ? { mime_type: f.mime_type } : {}),
      file_size: f.file_size,
    };
  }

  /** The Message object Telegram would return / put into an update. */
  function toTelegramMessage(m: StoredMessage, depth = 0): Record<string, unknown> {
    const c = chatState(m.chat_id);
    const from = m.from_bot ? currentBot : (users.get(m.chat_id) ?? { id: m.chat_id, is_bot: false, first_name: "User" });
    const out: Record<string, unknown> = {
      message_id: m.message_id,
      from,
      chat: c.info,
      date: m.date,
    };
    if (m.edit_date) out.edit_date = m.edit_date;
    if (m.reply_to_message_id && depth === 0) {
      const r = findMessage(m.chat_id, m.reply_to_message_id);
      if (r && !r.deleted) out.reply_to_message = toTelegramMessage(r, 1);
    }
    if (m.text !== undefined) {
      out.text = m.text;
      if (m.entities?.length) out.entities = m.entities;
    }
    if (m.document) out.document = fileForMessage(m.document);
    if (m.photo) {
      const base = { file_id: m.photo.file_id, file_unique_id: m.photo.file_unique_id, file_size: m.photo.file_size };
      out.photo = [
        { ...base, width: 90, height: 90 },
        { ...base, width: 800, height: 800 },
      ];
    }
    if (m.caption !== undefined) {
      out.caption = m.caption;
      if (m.caption_entities?.length) out.caption_entities = m.caption_entities;
    }
    if (m.reply_markup && "inline_keyboard" in m.reply_markup) out.reply_markup = m.reply_markup;
    return out;
  }

  // ---------------------------------------------------------- validation

  function requireChat(p: Params): number {
    const raw = p.str("chat_id");
    if (raw === undefined || raw.trim() === "") throw bad("chat_id is empty");
    const t = raw.trim();
    if (/^-?\d+$/.test(t)) {
      const id = Number(t);
      if (id === 0) throw bad("chat not found");
      return id;
    }
    if (t.startsWith("@")) {
      for (const c of chats.values()) if (c.info.username && `@${c.info.username}` === t) return c.id;
    }
    throw bad("chat not found");
  }

  function checkBlocked(chatId: number) {
    if (config.blockedChats.includes(chatId)) {
      throw new ApiError(
        403,
        chatId > 0 ? "Forbidden: bot was blocked by the user" : "Forbidden: bot was kicked from the group chat",
      );
    }
  }

  function checkRate(method: string, chatId: number) {
    const rl = config.rateLimit;
    if (!rl.enabled || !rl.methods.includes(method)) return;
    const t = now();
    globalBucket ??= new Bucket(rl.globalPerSecond, rl.globalPerSecond, t);
    let cb = chatBuckets.get(chatId);
    if (!cb) {
      cb =
        chatId > 0 ? new Bucket(rl.perChatBurst, rl.perChatPerSecond, t) : new Bucket(rl.perChatBurst, rl.groupPerMinute / 60, t);
      chatBuckets.set(chatId, cb);
    }
    const wait = Math.max(globalBucket.waitSeconds(t), cb.waitSeconds(t));
    if (wait > 0) {
      throw new ApiError(429, `Too Many Requests: retry after ${wait}`, { retry_after: wait });
    }
    globalBucket.tokens -= 1;
    cb.tokens -= 1;
  }

  function parseText(text: string, parseMode: string | undefined, entitiesParam: MessageEntity[] | undefined) {
    if (parseMode) {
      const r = parseWithMode(text, parseMode);
      if (!r.ok) {
        if (r.error === "unsupported parse_mode") throw bad("unsupported parse_mode");
        throw bad(`can't parse entities: ${r.error}`);
      }
      return { text: r.text, entities: r.entities };
    }
    return { text, entities: Array.isArray(entitiesParam) ? entitiesParam : [] };
  }

  function validateMarkup(p: Params, inlineOnly: boolean): ReplyMarkup | undefined {
    const markup = p.json<ReplyMarkup>("reply_markup", "reply keyboard markup JSON object");
    if (markup === undefined) return undefined;
    if (typeof markup !== "object" || markup === null || Array.isArray(markup)) {
      throw bad("can't parse reply keyboard markup JSON object");
    }
    if ("inline_keyboard" in markup) {
      const rows = (markup as InlineKeyboardMarkup).inline_keyboard;
      if (!Array.isArray(rows)) throw bad('can\'t parse inline keyboard markup: field "inline_keyboard" must be an Array');
      for (const row of rows) {
        if (!Array.isArray(row))
          throw bad('can\'t parse inline keyboard markup: field "inline_keyboard" must be an Array of Arrays');
        for (const b of row as InlineKeyboardButton[]) {
          if (!b || typeof b !== "object")
            throw bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
          if (typeof b.text !== "string") throw bad('can\'t parse inline keyboard button: Field "text" must be of type String');
          if (b.text.trim() === "") throw bad("BUTTON_TEXT_INVALID");
          const actions = BUTTON_ACTIONS.filter((a) => b[a] !== undefined);
          if (actions.length === 0)
            throw bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
          if (b.callback_data !== undefined) {
            const d = b.callback_data;
            if (typeof d !== "string")
              throw bad('can\'t parse inline keyboard button: Field "callback_data" must be of type String');
            const n = utf8Length(d);
            if (n === 0 || n > MAX_CALLBACK_DATA) throw bad("BUTTON_DATA_INVALID");
          }
          if (b.url !== undefined && (typeof b.url !== "string" || !isValidUrl(b.url))) {
            throw bad(`inline keyboard button URL '${String(b.url)}' is invalid: Wrong HTTP URL`);
          }
        }
      }
      return markup;
    }
    if (inlineOnly) throw bad("inline keyboard expected");
    if ("keyboard" in markup) {
      if (!Array.isArray(markup.keyboard) || markup.keyboard.some((r) => !Array.isArray(r))) {
        throw bad('can\'t parse reply keyboard markup: field "keyboard" must be an Array of Arrays');
      }
      return markup;
    }
    if ("remove_keyboard" in markup || "force_reply" in markup) return markup;
    throw bad("can't parse reply keyboard markup JSON object");
  }

  function replyTarget(p: Params, chatId: number): number | undefined {
    const rp = p.json<{ message_id?: number; allow_sending_without_reply?: boolean }>("reply_parameters");
    const id = rp?.message_id ?? p.int("reply_to_message_id");
    if (id === undefined) return undefined;
    const m = findMessage(chatId, id);
    if (!m || m.deleted) {
      if (rp?.allow_sending_without_reply || p.bool("allow_sending_without_reply")) return undefined;
      throw bad("message to be replied not found");
    }
    return id;
  }

  function storeFile(bytes: Uint8Array | null, info: Partial<StoredFile>, kind: "documents" | "photos"): FileEntry {
    const n = ++fileCounter;
    const ext = kind === "photos" ? "jpg" : (/\.([A-Za-z0-9]{1,8})$/.exec(info.file_name ?? "")?.[1] ?? "dat");
    const rand = Math.random().toString(36).slice(2, 8);
    const entry: FileEntry = {
      info: {
        file_id: `${kind === "photos" ? "AgAC" : "BQAC"}fake${n}_${rand}`,
        file_unique_id: `AQAD${n}`,
        ...(info.file_name ? { file_name: info.file_name } : {}),
        ...(info.mime_type ? { mime_type: info.mime_type } : {}),
        file_size: bytes?.length ?? 0,
        file_path: `${kind}/file_${n}.${ext}`,
        ...(info.url ? { url: info.url } : {}),
      },
      bytes,
    };
    files.set(entry.info.file_id, entry);
    filesByPath.set(entry.info.file_path, entry);
    return entry;
  }

  function fileParam(p: Params, field: "document" | "photo"): FileEntry {
    const f = p.file(field);
    if (f === undefined) throw bad(`there is no ${field} in the request`);
    const kind = field === "photo" ? "photos" : "documents";
    if (typeof f === "string") {
      const known = files.get(f);
      if (known) return known;
      if (/^https?:\/\//i.test(f) && isValidUrl(f)) {
        const name = decodeURIComponent(new URL(f).pathname.split("/").pop() || "file");
        return storeFile(null, { file_name: name, mime_type: guessMime(name) ?? "application/octet-stream", url: f }, kind);
      }
      throw bad("wrong file identifier/HTTP URL specified");
    }
    if (f.bytes.length === 0) throw bad("file must be non-empty");
    if (f.bytes.length > MAX_UPLOAD) throw new ApiError(413, "Request Entity Too Large");
    const mime =
      f.contentType && f.contentType !== "application/octet-stream" ? f.contentType : (guessMime(f.filename) ?? f.contentType);
    return storeFile(f.bytes, { file_name: f.filename, mime_type: field === "photo" ? "image/jpeg" : mime }, kind);
  }

  function addMessage(chatId: number, m: Omit<StoredMessage, "message_id" | "chat_id" | "seq" | "date">): StoredMessage {
    const c = chatState(chatId);
    const s = nextSeq();
    const msg: StoredMessage = {
      message_id: c.nextMessageId++,
      chat_id: chatId,
      date: Math.floor(now() / 1000),
      seq: s,
      ...m,
    };
    c.messages.push(msg);
    emit({ chat_id: chatId, type: "message", message: snapshot(msg) }, s);
    return msg;
  }

  function editableMessage(p: Params, chatId: number, verb: "edit" | "delete"): StoredMessage {
    const id = p.int("message_id");
    if (id === undefined) throw bad("message identifier is not specified");
    const m = findMessage(chatId, id);
    if (!m || m.deleted) throw bad(`message to ${verb} not found`);
    if (verb === "edit" && !m.from_bot) throw bad("message can't be edited");
    return m;
  }

  function applyEdit(m: StoredMessage, change: Partial<StoredMessage>, removeMarkup: boolean) {
    Object.assign(m, change);
    m.edited = true;
    if (removeMarkup) delete m.reply_markup;
    for (const k of ["entities", "caption_entities"] as const) if (m[k] && m[k].length === 0) delete m[k];
    if (!change.parse_mode && ("text" in change || "caption" in change)) delete m.parse_mode;
    m.edit_date = Math.floor(now() / 1000);
    m.seq = nextSeq();
    emit({ chat_id: m.chat_id, type: "edit", message: snapshot(m) }, m.seq);
  }

  // ------------------------------------------------------------- methods

  type Handler = (p: Params, ctx: { token: string; signal?: AbortSignal }) => unknown | Promise<unknown>;
  const withDescription = (result: unknown, description: string) => ({ __withDescription: true, result, description });

  const handlers: Record<string, Handler> = {
    getMe: () => currentBot,

    sendMessage: (p) => {
      const chatId = requireChat(p);
      checkBlocked(chatId);
      const raw = p.str("text") ?? "";
      const parseMode = p.str("parse_mode") || undefined;
      const parsed = parseText(raw, parseMode, p.json<MessageEntity[]>("entities"));
      if (parsed.text.trim() === "") throw bad("message text is empty");
      if (parsed.text.length > MAX_TEXT) throw bad("message is too long");
      const markup = validateMarkup(p, false);
      const replyTo = replyTarget(p, chatId);
      checkRate("sendMessage", chatId);
      const m = addMessage(chatId, {
        from_bot: true,
        method: "sendMessage",
        text: parsed.text,
        raw_text: raw,
        ...(parsed.entities.length ? { entities: parsed.entities } : {}),
        ...(parseMode ? { parse_mode: parseMode } : {}),
        ...(markup ? { reply_markup: markup } : {}),
        ...(replyTo ? { reply_to_message_id: replyTo } : {}),
      });
      return toTelegramMessage(m);
    },

    sendDocument: (p) => sendFile(p, "document", "sendDocument"),
    sendPhoto: (p) => sendFile(p, "photo", "sendPhoto"),

    editMessageText: (p) => {
      if (p.has("inline_message_id") && !p.has("chat_id")) throw bad("MESSAGE_ID_INVALID");
      const chatId = requireChat(p);
      checkBlocked(chatId);
      const m = editableMessage(p, chatId, "edit");
      if (m.text === undefined) throw bad("there is no text in the message to edit");
      const raw = p.str("text") ?? "";
      const parseMode = p.str("parse_mode") || undefined;
      const parsed = parseText(raw, parseMode, p.json<MessageEntity[]>("entities"));
      if (parsed.text.trim() === "") throw bad("message text is empty");
      if (parsed.text.length > MAX_TEXT) throw bad("message is too long");
      const markup = validateMarkup(p, true);
      const oldInline = m.reply_markup && "inline_keyboard" in m.reply_markup ? m.reply_markup : undefined;
      if (
        parsed.text === m.text &&
        canonical(parsed.entities) === canonical(m.entities ?? []) &&
        canonical(markup) === canonical(oldInline)
      ) {
        throw new ApiError(400, NOT_MODIFIED);
      }
      checkRate("editMessageText", chatId);
      applyEdit(
        m,
        {
          text: parsed.text,
          raw_text: raw,
          entities: parsed.entities,
          ...(parseMode ? { parse_mode: parseMode } : {}),
          ...(markup ? { reply_markup: markup } : {}),
        },
        !markup && !!oldInline,
      );
      return toTelegramMessage(m);
    },

    editMessageCaption: (p) => {
      if (p.has("inline_message_id") && !p.has("chat_id")) throw bad("MESSAGE_ID_INVALID");
      const chatId = requireChat(p);
      checkBlocked(chatId);
      const m = editableMessage(p, chatId, "edit");
      if (!m.document && !m.photo) throw bad("there is no caption in the message to edit");
      const raw = p.str("caption") ?? "";
      const parseMode = p.str("parse_mode") || undefined;
      const parsed = parseText(raw, parseMode, p.json<MessageEntity[]>("caption_entities"));
      if (parsed.text.length > MAX_CAPTION) throw bad("message caption is too long");
      const markup = validateMarkup(p, true);
      const oldInline = m.reply_markup && "inline_keyboard" in m.reply_markup ? m.reply_markup : undefined;
      if (
        parsed.text === (m.caption ?? "") &&
        canonical(parsed.entities) === canonical(m.caption_entities ?? []) &&
        canonical(markup) === canonical(oldInline)
      ) {
        throw new ApiError(400, NOT_MODIFIED);
      }
      checkRate("editMessageCaption", chatId);
      applyEdit(
        m,
        {
          caption: parsed.text,
          raw_caption: raw,
          caption_entities: parsed.entities,
          ...(parseMode ? { parse_mode: parseMode } : {}),
          ...(markup ? { reply_markup: markup } : {}),
        },
        !markup && !!oldInline,
      );
      return toTelegramMessage(m);
    },

    editMessageReplyMarkup: (p) => {
      if (p.has("inline_message_id") && !p.has("chat_id")) throw bad("MESSAGE_ID_INVALID");
      const chatId = requireChat(p);
      checkBlocked(chatId);
      const m = editableMessage(p, chatId, "edit");
      const markup = validateMarkup(p, true);
      const oldInline = m.reply_markup && "inline_keyboard" in m.reply_markup ? m.reply_markup : undefined;
      if (canonical(markup) === canonical(oldInline)) throw new ApiError(400, NOT_MODIFIED);
      checkRate("editMessageReplyMarkup", chatId);
      applyEdit(m, markup ? { reply_markup: markup } : {}, !markup);
      return toTelegramMessage(m);
    },

    deleteMessage: (p) => {
      const chatId = requireChat(p);
      checkBlocked(chatId);
      const m = editableMessage(p, chatId, "delete");
      m.deleted = true;
      m.seq = nextSeq();
      emit({ chat_id: chatId, type: "delete", message: snapshot(m) }, m.seq);
      return true;
    },

    answerCallbackQuery: (p) => {
      const id = p.str("callback_query_id");
      if (!id) throw bad("query is too old and response timeout expired or query ID is invalid");
      const cb = callbacks.get(id);
      if (cb?.answered) throw bad("query is too old and response timeout expired or query ID is invalid");
      const text = p.str("text");
      if (text && text.length > 200) throw bad("MESSAGE_TOO_LONG");
      const url = p.str("url");
      if (cb) {
        cb.answered = true;
        emit({
          chat_id: cb.chatId,
          type: "callback_answer",
          callback_query_id: id,
          ...(text ? { text } : {}),
          ...(p.bool("show_alert") ? { show_alert: true } : {}),
          ...(url ? { url } : {}),
        });
      }
      return true;
    },

    sendChatAction: (p) => {
      const chatId = requireChat(p);
      checkBlocked(chatId);
      const action = p.str("action");
      if (!action || !CHAT_ACTIONS.has(action)) throw bad("wrong parameter action in request");
      emit({ chat_id: chatId, type: "chat_action", action });
      return true;
    },

    setMyCommands: (p) => {
      const list = p.json<{ command?: unknown; description?: unknown }[]>("commands", "commands JSON object");
      if (!Array.isArray(list)) throw bad('parameter "commands" is required');
      if (list.length > 100) throw bad("too many commands");
      const clean: { command: string; description: string }[] = [];
      for (const c of list) {
        const command = typeof c?.command === "string" ? c.command.replace(/^\//, "") : "";
        if (!/^[a-z0-9_]{1,32}$/.test(command)) throw bad("BOT_COMMAND_INVALID");
        const description = typeof c?.description === "string" ? c.description : "";
        if (description.trim().length === 0 || description.length > 256) throw bad("command description is empty");
        clean.push({ command, description });
      }
      commands.set(commandsKey(p), clean);
      return true;
    },

    getMyCommands: (p) => commands.get(commandsKey(p)) ?? [],

    deleteMyCommands: (p) => {
      commands.delete(commandsKey(p));
      return true;
    },

    setWebhook: (p) => {
      const url = p.str("url") ?? "";
      if (url === "") {
        const had = webhook !== null;
        webhook = null;
        return withDescription(true, had ? "Webhook was deleted" : "Webhook is already deleted");
      }
      if (!isValidUrl(url) || !/^https?:\/\//i.test(url)) throw bad("bad webhook: invalid webhook URL specified");
      const secret = p.str("secret_token");
      if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
        throw bad("bad webhook: secret token contains unallowed characters");
      }
      if (p.bool("drop_pending_updates")) updates = [];
      const allowed = p.json<string[]>("allowed_updates");
      const maxConnections = p.int("max_connections");
      const same = webhook?.url === url;
      webhook = {
        url,
        ...(secret ? { secret_token: secret } : {}),
        ...(allowed ? { allowed_updates: allowed } : {}),
        ...(maxConnections ? { max_connections: maxConnections } : {}),
      };
      pollGeneration++;
      notify();
      return withDescription(true, same ? "Webhook is already set" : "Webhook was set");
    },

    deleteWebhook: (p) => {
      const had = webhook !== null;
      webhook = null;
      if (p.bool("drop_pending_updates")) updates = [];
      return withDescription(true, had ? "Webhook was deleted" : "Webhook is already deleted");
    },

    getWebhookInfo: () => ({
      url: webhook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: updates.length,
      ...(webhook?.max_connections ? { max_connections: webhook.max_connections } : {}),
      ...(webhook?.allowed_updates ? { allowed_updates: webhook.allowed_updates } : {}),
    }),

    getUpdates: async (p, ctx) => {
      if (webhook) {
        throw new ApiError(
          409,
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        );
      }
      const offset = p.int("offset");
      if (offset !== undefined && offset > 0) updates = updates.filter((u) => u.update_id >= offset);
      else if (offset !== undefined && offset < 0) updates = updates.slice(offset);
      const limit = Math.min(100, Math.max(1, p.int("limit") ?? 100));
      const timeout = Math.min(50, Math.max(0, p.int("timeout") ?? 0));
      const allowed = p.json<string[]>("allowed_updates");
      const pick = () => updates.filter((u) => !allowed?.length || allowed.some((k) => k in u)).slice(0, limit);
      const generation = ++pollGeneration;
      let found = pick();
      if (found.length === 0 && timeout > 0) {
        await waitUntil(() => pick().length > 0 || pollGeneration !== generation, timeout * 1000, ctx.signal);
        if (pollGeneration !== generation) {
          throw new ApiError(
            409,
            webhook
              ? "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
              : "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
          );
        }
        found = pick();
      }
      return found;
    },

    getFile: (p) => {
      const id = p.str("file_id");
      if (!id) throw bad("file_id is empty");
      const f = files.get(id);
      if (!f) throw bad("invalid file_id");
      if (!f.bytes) throw bad("wrong file_id or the file is temporarily unavailable");
      if (f.info.file_size > MAX_GETFILE) throw bad("file is too big");
      return {
        file_id: f.info.file_id,
        file_unique_id: f.info.file_unique_id,
        file_size: f.info.file_size,
        file_path: f.info.file_path,
      };
    },

    getChat: (p) => {
      const chatId = requireChat(p);
      const c = chats.get(chatId);
      if (!c) throw bad("chat not found");
      return c.info;
    },

    setMyDescription: () => true,
    setMyShortDescription: () => true,
    setMyName: () => true,
    setChatMenuButton: () => true,
    getChatMenuButton: () => ({ type: "commands" }),
  };

  function commandsKey(p: Params): string {
    const scope = p.json<Record<string, unknown>>("scope") ?? { type: "default" };
    return `${canonical(scope)}|${p.str("language_code") ?? ""}`;
  }

  function sendFile(p: Params, field: "document" | "photo", method: string) {
    const chatId = requireChat(p);
    checkBlocked(chatId);
    const raw = p.str("caption");
    const parseMode = p.str("parse_mode") || undefined;
    const parsed = raw !== undefined ? parseText(raw, parseMode, p.json<MessageEntity[]>("caption_entities")) : undefined;
    if (parsed && parsed.text.length > MAX_CAPTION) throw bad("message caption is too long");
    const markup = validateMarkup(p, false);
    const replyTo = replyTarget(p, chatId);
    const file = fileParam(p, field);
    checkRate(method, chatId);
    const m = addMessage(chatId, {
      from_bot: true,
      method,
      [field]: { ...file.info },
      ...(parsed && raw !== undefined ? { caption: parsed.text, raw_caption: raw } : {}),
      ...(parsed?.entities.length ? { caption_entities: parsed.entities } : {}),
      ...(parseMode ? { parse_mode: parseMode } : {}),
      ...(markup ? { reply_markup: markup } : {}),
      ...(replyTo ? { reply_to_message_id: replyTo } : {}),
    });
    return toTelegramMessage(m);
  }

  function waitUntil(cond: () => boolean, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (cond() || disposed || signal?.aborted) return resolve();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        waiters.delete(check);
        if (timer !== undefined) {
          clearTimeout(timer);
          timers.delete(timer);
        }
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const check = () => {
        if (cond() || disposed) done();
      };
      waiters.add(check);
      timer = setTimeout(done, Math.max(0, timeoutMs));
      timers.add(timer);
      signal?.addEventListener("abort", done);
    });
  }

  // ----------------------------------------------------- request parsing

  async function readParams(request: Request, url: URL): Promise<Params> {
    const raw = new Map<string, unknown>();
    for (const [k, v] of url.searchParams) raw.set(k, v);
    if (request.method !== "GET" && request.method !== "HEAD") {
      const ct = (request.headers.get("content-type") ?? "").toLowerCase();
      const body = new Uint8Array(await request.arrayBuffer());
      if (body.length > 0) {
        if (ct.includes("multipart/form-data")) {
          const boundary = boundaryOf(request.headers.get("content-type") ?? "");
          if (!boundary) throw bad("can't parse multipart/form-data: boundary is missing");
          for (const [k, v] of parseMultipart(body, boundary)) raw.set(k, v);
        } else if (ct.includes("application/x-www-form-urlencoded")) {
          for (const [k, v] of new URLSearchParams(new TextDecoder().decode(body))) raw.set(k, v);
        } else {
          const text = new TextDecoder().decode(body);
          let obj: unknown;
          try {
            obj = JSON.parse(text);
          } catch {
            if (ct.includes("json")) throw bad("can't parse JSON object");
            obj = undefined;
          }
          if (obj && typeof obj === "object" && !Array.isArray(obj)) {
            for (const [k, v] of Object.entries(obj as Record<string, unknown>)) raw.set(k, v);
          } else if (ct.includes("json")) {
            throw bad("can't parse JSON object");
          }
        }
      }
    }
    // JSON-serialised fields from form bodies become objects (kept as strings if invalid, the handler then errors)
    for (const [k, v] of raw) {
      if (JSON_FIELDS.has(k) && typeof v === "string" && v !== "") {
        try {
          raw.set(k, JSON.parse(v));
        } catch {
          /* handler reports it */
        }
      }
    }
    return new Params(raw);
  }

  const methodIndex = new Map(Object.keys(handlers).map((k) => [k.toLowerCase(), k]));

  function logCall(rec: Omit<CallRecord, "seq" | "time">) {
    calls.push({ seq: ++callSeq, time: now(), ...rec });
    if (calls.length > maxLog) calls = calls.slice(-maxLog);
  }

  async function handleApi(request: Request, url: URL, token: string, methodName: string): Promise<Response> {
    if (config.delayMs > 0) await sleep(config.delayMs, request.signal);
    const method = methodIndex.get(methodName.toLowerCase());
    let params: Params | undefined;
    const finish = (status: number, body: Record<string, unknown>, p?: Params) => {
      const chat = p?.str("chat_id");
      logCall({
        method: method ?? methodName,
        http_method: request.method,
        ...(chat !== undefined ? { chat_id: /^-?\d+$/.test(chat) ? Number(chat) : chat } : {}),
        params: p ? p.forLog() : {},
        status,
        ok: status === 200,
        ...(typeof body.description === "string" ? { description: body.description } : {}),
        ...(status === 200 ? { result: body.result } : {}),
      });
      return jsonResponse(status, body);
    };
    try {
      if (!/^\d+:[A-Za-z0-9_-]+$/.test(token) || (options.token !== undefined && token !== options.token)) {
        throw new ApiError(401, "Unauthorized");
      }
      currentBot = botUser(token);
      params = await readParams(request, url);
      if (!method) throw new ApiError(404, "Not Found");
      const rule = config.failNext.find(
        (r) =>
          r.count > 0 &&
          (!r.method || r.method.toLowerCase() === method.toLowerCase()) &&
          (r.chatId === undefined || params?.str("chat_id") === String(r.chatId)),
      );
      if (rule) {
        rule.count--;
        config.failNext = config.failNext.filter((r) => r.count > 0);
        throw new ApiError(
          rule.status,
          rule.description,
          rule.status === 429 ? { retry_after: rule.retryAfter ?? 1 } : undefined,
        );
      }
      const out = await handlers[method]!(params, { token, signal: request.signal });
      if (out && typeof out === "object" && (out as { __withDescription?: boolean }).__withDescription) {
        const o = out as { result: unknown; description: string };
        return finish(200, { ok: true, result: o.result, description: o.description }, params);
      }
      return finish(200, { ok: true, result: out }, params);
    } catch (e) {
      if (e instanceof ApiError) return finish(e.status, errorBody(e), params);
      const msg = e instanceof Error ? e.message : String(e);
      return finish(500, { ok: false, error_code: 500, description: `Internal Server Error: ${msg}` }, params);
    }
  }

  function handleFileDownload(token: string, path: string): Response {
    if (!/^\d+:[A-Za-z0-9_-]+$/.test(token) || (options.token !== undefined && token !== options.token)) {
      return jsonResponse(401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    const f = filesByPath.get(path);
    if (!f?.bytes) return jsonResponse(404, { ok: false, error_code: 404, description: "Not Found" });
    return new Response(f.bytes, {
      status: 200,
      headers: {
        "content-type": f.info.mime_type ?? "application/octet-stream",
        "content-length": String(f.bytes.length),
      },
    });
  }

  // ------------------------------------------------------- user side

  function rememberUser(chatId: number, from: UserMessageInput["from"]): TgUser {
    const id = from?.id ?? (chatId > 0 ? chatId : 1);
    const prev = users.get(id);
    const user: TgUser = {
      id,
      is_bot: false,
      first_name: from?.first_name ?? prev?.first_name ?? `User ${id}`,
      ...((from?.last_name ?? prev?.last_name) ? { last_name: from?.last_name ?? prev?.last_name } : {}),
      ...((from?.username ?? prev?.username) ? { username: from?.username ?? prev?.username } : {}),
      language_code: from?.language_code ?? prev?.language_code ?? "vi",
    };
    users.set(id, user);
    if (chatId > 0) {
      const c = chatState(chatId);
      c.info = {
        id: chatId,
        type: "private",
        first_name: user.first_name,
        ...(user.last_name ? { last_name: user.last_name } : {}),
        ...(user.username ? { username: user.username } : {}),
      };
    }
    return user;
  }

  function pushUpdate(body: Omit<Update, "update_id">): Update {
    const u = { update_id: nextUpdateId++, ...body } as Update;
    updates.push(u);
    if (updates.length > 1000) updates = updates.slice(-1000);
    notify();
    return u;
  }

  /** A simulated user writes to the bot: stores the message and returns the Update to deliver. */
  function sendUserMessage(chatId: number, input: UserMessageInput): Update {
    if (!Number.isInteger(chatId) || chatId === 0) throw bad("chat_id is empty");
    const user = rememberUser(chatId, input.from);
    const c = chatState(chatId);
    let document: StoredFile | undefined;
    if (input.document) {
      const bytes =
        input.document.data_base64 !== undefined
          ? base64ToBytes(input.document.data_base64)
          : new TextEncoder().encode(input.document.text ?? "");
      const name = input.document.file_name || "file";
      document = storeFile(
        bytes,
        { file_name: name, mime_type: input.document.mime_type ?? guessMime(name) ?? "application/octet-stream" },
        "documents",
      ).info;
    }
    const text = input.text;
    if (!document && (text === undefined || text === "")) throw bad("message text is empty");
    if (input.reply_to_message_id !== undefined) {
      const r = findMessage(chatId, input.reply_to_message_id);
      if (!r) throw bad("message to be replied not found");
    }
    const m = addMessage(chatId, {
      from_bot: false,
      method: "user",
      ...(document ? { document } : {}),
      ...(document && (input.caption ?? text) ? { caption: input.caption ?? text } : {}),
      ...(!document && text !== undefined ? { text } : {}),
      ...(input.reply_to_message_id !== undefined ? { reply_to_message_id: input.reply_to_message_id } : {}),
    });
    if (m.text !== undefined) {
      const ents = commandEntities(m.text);
      if (ents.length) m.entities = ents;
    } else if (m.caption !== undefined) {
      const ents = commandEntities(m.caption);
      if (ents.length) m.caption_entities = ents;
    }
    const message = toTelegramMessage(m);
    message.from = user;
    message.chat = c.info;
    return pushUpdate({ message });
  }

  /** A simulated user presses an inline button: returns the callback_query Update to deliver. */
  function pressButton(chatId: number, input: PressInput): Update {
    const user = rememberUser(chatId, input.from);
    const m = findMessage(chatId, Number(input.message_id));
    if (!m || m.deleted || !m.from_bot) throw bad("message not found");
    const rows: InlineKeyboardButton[][] =
      m.reply_markup && "inline_keyboard" in m.reply_markup ? (m.reply_markup as InlineKeyboardMarkup).inline_keyboard : [];
    const button = rows
      .flat()
      .find(
        (b) =>
          b.callback_data !== undefined &&
          (input.data !== undefined ? b.callback_data === input.data : input.text !== undefined && b.text === input.text),
      );
    if (!button) throw bad("button not found in the message");
    const id = `${4000000000000000000n + BigInt(++callbackCounter)}`;
    callbacks.set(id, { chatId, messageId: m.message_id, answered: false });
    return pushUpdate({
      callback_query: {
        id,
        from: user,
        message: toTelegramMessage(m),
        chat_instance: String(Math.abs(chatId) * 7 + 1000003),
        data: button.callback_data,
      },
    });
  }

  // ------------------------------------------------------- control API

  function filterMessages(chatId: number, q: { after?: number; since?: number; all?: boolean; deleted?: boolean }) {
    const c = chats.get(chatId);
    if (!c) return [];
    return c.messages
      .filter(
        (m) =>
          (q.all || m.from_bot) &&
          (q.deleted || q.since !== undefined || !m.deleted) &&
          (q.after === undefined || m.message_id > q.after) &&
          (q.since === undefined || m.seq > q.since),
      )
      .map(snapshot);
  }

  function filterEvents(q: { chatId?: number; since?: number }) {
    return events.filter((e) => (q.chatId === undefined || e.chat_id === q.chatId) && (q.since === undefined || e.seq > q.since));
  }

  function applyConfig(patch: FakeConfigPatch): FakeConfig {
    const next: FakeConfig = { ...config, blockedChats: [...config.blockedChats], failNext: [...config.failNext] };
    if (patch.rateLimit !== undefined) {
      next.rateLimit = mergeRateLimit(config.rateLimit, patch.rateLimit);
      globalBucket = null;
      chatBuckets = new Map();
    }
    if (patch.blockedChats) next.blockedChats = patch.blockedChats.map(Number);
    if (patch.block) next.blockedChats = [...new Set([...next.blockedChats, ...patch.block.map(Number)])];
    if (patch.unblock) next.blockedChats = next.blockedChats.filter((id) => !patch.unblock!.map(Number).includes(id));
    if (patch.failNext !== undefined) {
      const f = patch.failNext;
      if (typeof f === "number") next.failNext = f > 0 ? [toFailRule({ count: f })] : [];
      else if (Array.isArray(f)) next.failNext = f.map(toFailRule);
      else next.failNext = [...next.failNext, toFailRule(f)];
    }
    if (patch.delayMs !== undefined) next.delayMs = Math.max(0, Number(patch.delayMs) || 0);
    config = next;
    return getConfig();
  }

  function getConfig(): FakeConfig {
    return JSON.parse(JSON.stringify(config)) as FakeConfig;
  }

  function reset() {
    config = defaultConfig(options.rateLimit);
    chats = new Map();
    users = new Map();
    events = [];
    calls = [];
    files = new Map();
    filesByPath = new Map();
    callbacks = new Map();
    commands = new Map();
    webhook = null;
    updates = [];
    globalBucket = null;
    chatBuckets = new Map();
    pollGeneration++;
    // seq and update ids keep growing so that pollers never see old numbers again
    notify();
  }

  async function waitForMessages(
    chatId: number | undefined,
    q: { after?: number; timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<StoredMessage[]> {
    const pick = () =>
      chatId !== undefined
        ? filterMessages(chatId, { after: q.after ?? 0 })
        : [...chats.keys()].flatMap((id) => filterMessages(id, { after: q.after ?? 0 }));
    await waitUntil(() => pick().length > 0, q.timeoutMs ?? 10000, q.signal);
    return pick();
  }

  async function waitForEvents(q: { chatId?: number; since?: number; timeoutMs?: number; signal?: AbortSignal } = {}) {
    const since = q.since ?? seq;
    const pick = () => filterEvents({ ...(q.chatId !== undefined ? { chatId: q.chatId } : {}), since });
    await waitUntil(() => pick().length > 0, q.timeoutMs ?? 10000, q.signal);
    return pick();
  }

  const ok = (body: Record<string, unknown>) => jsonResponse(200, { ok: true, ...body });
  const controlError = (status: number, description: string) =>
    jsonResponse(status, { ok: false, error_code: status, description });

  async function readJson(request: Request): Promise<Record<string, unknown>> {
    const text = await request.text();
    if (!text.trim()) return {};
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== "object" || Array.isArray(v)) throw bad("JSON object expected");
    return v as Record<string, unknown>;
  }

  const optInt = (v: string | null) => (v !== null && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : undefined);
  const flag = (v: string | null) => v === "1" || v === "true";

  async function handleControl(request: Request, url: URL, path: string): Promise<Response> {
    const q = url.searchParams;
    const m = request.method;
    try {
      if (path === "reset" && m === "POST") {
        reset();
        return ok({});
      }
      if (path === "config") {
        if (m === "GET") return ok({ config: getConfig() });
        if (m === "POST") return ok({ config: applyConfig((await readJson(request)) as FakeConfigPatch) });
      }
      if (path === "calls" && m === "GET") {
        const method = q.get("method")?.toLowerCase();
        const chat = q.get("chat_id");
        const since = optInt(q.get("since"));
        return ok({
          calls: calls.filter(
            (c) =>
              (!method || c.method.toLowerCase() === method) &&
              (!chat || String(c.chat_id) === chat) &&
              (since === undefined || c.seq > since),
          ),
          seq: callSeq,
        });
      }
      if (path === "events" && m === "GET") {
        const chatId = optInt(q.get("chat_id"));
        const since = optInt(q.get("since"));
        return ok({
          events: filterEvents({ ...(chatId !== undefined ? { chatId } : {}), ...(since !== undefined ? { since } : {}) }),
          seq,
        });
      }
      if (path === "wait" && (m === "POST" || m === "GET")) {
        const chatId = optInt(q.get("chat_id"));
        const timeoutMs = Math.min(120000, Math.max(0, optInt(q.get("timeout_ms")) ?? 10000));
        const since = optInt(q.get("since"));
        if (since !== undefined) {
          const found = await waitForEvents({
            ...(chatId !== undefined ? { chatId } : {}),
            since,
            timeoutMs,
            signal: request.signal,
          });
          return ok({ events: found, timed_out: found.length === 0, seq });
        }
        const found = await waitForMessages(chatId, {
          after: optInt(q.get("after")) ?? 0,
          timeoutMs,
          signal: request.signal,
        });
        return ok({ messages: found, timed_out: found.length === 0, seq });
      }
      if (path === "chats" && m === "GET") {
        return ok({
          chats: [...chats.values()].map((c) => ({
            chat: c.info,
            bot_messages: c.messages.filter((x) => x.from_bot && !x.deleted).length,
            last_message_id: c.messages[c.messages.length - 1]?.message_id ?? null,
          })),
          seq,
        });
      }
      if (path === "updates" && m === "GET") return ok({ updates, webhook });
      const chatPath = /^chats\/(-?\d+)\/(messages|events|send|press)$/.exec(path);
      if (chatPath) {
        const chatId = Number(chatPath[1]);
        const what = chatPath[2];
        if (what === "messages" && m === "GET") {
          const after = optInt(q.get("after"));
          const since = optInt(q.get("since"));
          return ok({
            messages: filterMessages(chatId, {
              ...(after !== undefined ? { after } : {}),
              ...(since !== undefined ? { since } : {}),
              all: flag(q.get("all")),
              deleted: flag(q.get("deleted")),
            }),
            seq,
          });
        }
        if (what === "events" && m === "GET") {
          const since = optInt(q.get("since"));
          return ok({ events: filterEvents({ chatId, ...(since !== undefined ? { since } : {}) }), seq });
        }
        if (what === "send" && m === "POST") {
          return ok({ update: sendUserMessage(chatId, (await readJson(request)) as UserMessageInput), seq });
        }
        if (what === "press" && m === "POST") {
          return ok({ update: pressButton(chatId, (await readJson(request)) as unknown as PressInput), seq });
        }
      }
      const fileMatch = /^files\/([^/]+)$/.exec(path);
      if (fileMatch && m === "GET") {
        const f = files.get(decodeURIComponent(fileMatch[1]!));
        if (!f?.bytes) return controlError(404, "Not Found: file");
        return new Response(f.bytes, {
          headers: {
            "content-type": f.info.mime_type ?? "application/octet-stream",
            "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(f.info.file_name ?? "file")}`,
          },
        });
      }
      return controlError(404, `Not Found: /__fake/${path}`);
    } catch (e) {
      if (e instanceof ApiError) return jsonResponse(e.status, errorBody(e));
      return controlError(400, `Bad Request: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  // ------------------------------------------------------- entry point

  async function fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    const control = path.indexOf("/__fake/");
    if (control >= 0) return handleControl(request, url, path.slice(control + "/__fake/".length).replace(/\/+$/, ""));
    const file = /\/file\/bot([^/]+)\/(.+)$/.exec(path);
    if (file) return handleFileDownload(decodeURIComponent(file[1]!), decodeURIComponent(file[2]!));
    const api = /\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(path);
    if (api) return handleApi(request, url, decodeURIComponent(api[1]!), api[2]!);
    return jsonResponse(404, { ok: false, error_code: 404, description: "Not Found" });
  }

  /** `fetch`-compatible function, e.g. for grammY's `client.fetch` or to replace globalThis.fetch in tests. */
  function fetchLike(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const req =
      input instanceof Request && !init
        ? input
        : new Request(input instanceof URL ? input.href : input, { ...init, duplex: "half" } as RequestInit);
    return fetch(req);
  }

  function dispose() {
    disposed = true;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    notify();
  }

  return {
    fetch,
    fetchLike,
    /** Current configuration (a copy). */
    get config(): FakeConfig {
      return getConfig();
    },
    configure: applyConfig,
    reset,
    /** Messages in a chat: by default only the bot's, not deleted. */
    messages: (chatId: number, q: { after?: number; since?: number; all?: boolean; deleted?: boolean } = {}) =>
      filterMessages(chatId, q),
    events: (q: { chatId?: number; since?: number } = {}) => filterEvents(q),
    calls: (q: { method?: string; chatId?: number } = {}) =>
      calls.filter(
        (c) =>
          (!q.method || c.method.toLowerCase() === q.method.toLowerCase()) &&
          (q.chatId === undefined || String(c.chat_id) === String(q.chatId)),
      ),
    sendUserMessage,
    pressButton,
    waitForMessages,
    waitForEvents,
    /** A stored file and its bytes (null for URL-only files). */
    file: (fileId: string) => {
      const f = files.get(fileId);
      return f ? { info: { ...f.info }, bytes: f.bytes } : undefined;
    },
    pendingUpdates: () => [...updates],
    webhook: () => (webhook ? { ...webhook } : null),
    get seq() {
      return seq;
    },
    dispose,
  };
}
