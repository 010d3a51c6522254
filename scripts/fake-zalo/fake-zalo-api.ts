/**
 * A fake Zalo Bot API, web-standard and runtime-neutral (no node: imports): it runs in Node (see server.ts)
 * and inside workerd (tests hand `api.fetchLike` to the client).
 *
 * Bot API   POST {root}/bot<token>/<method>, JSON (query string and form bodies accepted too).
 *           getMe getUpdates setWebhook deleteWebhook getWebhookInfo sendMessage sendPhoto sendChatAction;
 *           any other method → HTTP 404. Errors come as {ok:false, error_code, description} with HTTP 200,
 *           like Zalo's: 401 wrong token, 400 bad parameters (text empty or over 2000), 410 "chat_id is invalid"
 *           for a chat listed as never having written; 429 (HTTP 429, Retry-After) over the rate limit.
 *
 * Control (plain JSON, always {ok, …}):
 *   GET  /__fake/chats/<chatId>/messages?since=<seq>  → {messages: ZaloStoredMessage[], seq}   (the bot's)
 *   GET  /__fake/chats                                → {chats: [{chat_id, messages}], seq}
 *   GET  /__fake/calls?method=&chat_id=&since=        → {calls: ZaloCallRecord[], seq}
 *   GET|POST /__fake/invalid-chats  {chat_ids}        → {chat_ids}   chats that never wrote (replaces the list)
 *   GET|POST /__fake/config  {rate_limit?: {perSecond}|false, invalid_chats?} → {config}
 *   GET  /__fake/webhook                              → {webhook}
 *   POST /__fake/deliver  {event} | ZaloUserMessageInput → {delivered, status, body, event}
 *        posts the event to the webhook with X-Bot-Api-Secret-Token; without a webhook it waits for getUpdates.
 *   GET  /__fake/photos/<name>.jpg                    → a tiny JPEG (the URL of a photo a user sent)
 *   GET  /__fake/photos/<name>.svg                    → an SVG with a script (a hostile "photo", for tests)
 *   POST /__fake/reset                                → {}   (everything, config included)
 */
import { buildUserEvent } from "./events";
import { SlidingWindowLimit } from "./rate-limit";
import type { ZaloCallRecord, ZaloEventBody, ZaloRateLimit, ZaloStoredMessage, ZaloUserMessageInput, ZaloWebhook } from "./types";

export type * from "./types";

export const ZALO_MAX_TEXT = 2000;
export const DEFAULT_RATE_LIMIT: ZaloRateLimit = { perSecond: 30 };
const WELL_FORMED_TOKEN = /^\d+:[A-Za-z0-9_-]+$/;
const CHAT_ACTIONS = new Set(["typing", "upload_photo"]);

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FakeZaloApiOptions {
  /** Accept only this token. Default: any well-formed one ("<digits>:<letters>"). */
  token?: string;
  /** Calls allowed per second over all chats; false for none. Default DEFAULT_RATE_LIMIT. */
  rateLimit?: ZaloRateLimit;
  /** Clock, ms since epoch (tests drive the rate limit with it). Default Date.now. */
  now?: () => number;
  /** How /__fake/deliver reaches the webhook. Default the global fetch. */
  deliverFetch?: FetchLike;
  /** How many call records are kept. Default 10000. */
  maxLog?: number;
}

export interface FakeZaloConfig {
  rate_limit: ZaloRateLimit;
  invalid_chats: string[];
}

export interface DeliverResult {
  event: ZaloEventBody;
  delivered: boolean;
  /** The webhook's HTTP status and body, when it was reached. */
  status?: number;
  body?: unknown;
  /** Why it was not delivered: no webhook (queued for getUpdates) or a network error. */
  reason?: string;
}

class FakeZaloError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly httpStatus = 200,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

const bad = (description: string) => new FakeZaloError(400, description);

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

async function readParams(request: Request, url: URL): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (request.method === "GET" || request.method === "HEAD") return params;
  const body = await request.text();
  if (!body.trim()) return params;
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return { ...params, ...Object.fromEntries(new URLSearchParams(body)) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw bad("Bad Request: invalid JSON body");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw bad("Bad Request: body must be a JSON object");
  return { ...params, ...(parsed as Record<string, unknown>) };
}

function requireText(value: unknown, field: "text" | "caption", optional: boolean): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== "string" || value.length === 0) throw bad(`${field} is required`);
  if (value.length > ZALO_MAX_TEXT) throw bad(`${field} is too long (max ${ZALO_MAX_TEXT} characters)`);
  return value;
}

export function createFakeZaloApi(options: FakeZaloApiOptions = {}) {
  const now = options.now ?? Date.now;
  const maxLog = options.maxLog ?? 10000;
  const deliverFetch: FetchLike = options.deliverFetch ?? ((input, init) => globalThis.fetch(input, init));

  let rateLimit: ZaloRateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  let limiter = rateLimit ? new SlidingWindowLimit(rateLimit.perSecond) : null;
  let invalidChats = new Set<string>();
  let chats = new Map<string, ZaloStoredMessage[]>();
  let calls: ZaloCallRecord[] = [];
  let webhook: ZaloWebhook | null = null;
  let pendingUpdates: ZaloEventBody[] = [];
  let seq = 0;
  let sentCount = 0;

  function setRateLimit(next: ZaloRateLimit) {
    rateLimit = next;
    limiter = next ? new SlidingWindowLimit(next.perSecond) : null;
  }

  function config(): FakeZaloConfig {
    return { rate_limit: rateLimit, invalid_chats: [...invalidChats] };
  }

  function configure(patch: { rate_limit?: ZaloRateLimit; invalid_chats?: string[] }): FakeZaloConfig {
    if (patch.rate_limit !== undefined) setRateLimit(patch.rate_limit);
    if (patch.invalid_chats !== undefined) invalidChats = new Set(patch.invalid_chats.map(String));
    return config();
  }

  function reset() {
    setRateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT);
    invalidChats = new Set();
    chats = new Map();
    calls = [];
    webhook = null;
    pendingUpdates = [];
    seq = 0;
    sentCount = 0;
  }

  function tokenAccepted(token: string): boolean {
    return options.token !== undefined ? token === options.token : WELL_FORMED_TOKEN.test(token);
  }

  function requireChat(params: Record<string, unknown>): string {
    const chatId = params.chat_id;
    if (typeof chatId !== "string" || chatId.trim() === "") throw bad("chat_id is required");
    if (invalidChats.has(chatId)) throw new FakeZaloError(410, "chat_id is invalid");
    return chatId;
  }

  function store(chatId: string, text: string, photo?: string): ZaloStoredMessage {
    sentCount += 1;
    const message: ZaloStoredMessage = {
      message_id: sentCount.toString(16).padStart(20, "0"),
      chat_id: chatId,
      text,
      ...(photo ? { photo } : {}),
      date: now(),
      seq: ++seq,
    };
    const list = chats.get(chatId) ?? [];
    list.push(message);
    chats.set(chatId, list);
    return message;
  }

  const sent = (m: ZaloStoredMessage) => ({ message_id: m.message_id, date: m.date });

  function runMethod(token: string, method: string, params: Record<string, unknown>): unknown {
    switch (method) {
      case "getMe":
        return { id: token.split(":")[0] ?? token, account_name: "bot.fake", account_type: "BASIC", can_join_groups: false };
      case "sendMessage": {
        const chatId = requireChat(params);
        return sent(store(chatId, requireText(params.text, "text", false)!));
      }
      case "sendPhoto": {
        const chatId = requireChat(params);
        if (!isHttpUrl(params.photo)) throw bad("photo is invalid");
        return sent(store(chatId, requireText(params.caption, "caption", true) ?? "", params.photo));
      }
      case "sendChatAction": {
        requireChat(params);
        if (typeof params.action !== "string" || !CHAT_ACTIONS.has(params.action)) throw bad("action is invalid");
        return undefined;
      }
      case "setWebhook": {
        if (!isHttpUrl(params.url)) throw bad("url is invalid");
        const secret = params.secret_token;
        if (typeof secret !== "string" || secret.length < 8 || secret.length > 256) {
          throw bad("secret_token must be 8 to 256 characters");
        }
        webhook = { url: params.url, secret_token: secret, updated_at: now() };
        return { url: webhook.url, updated_at: webhook.updated_at };
      }
      case "deleteWebhook":
        webhook = null;
        return { url: "", updated_at: now() };
      case "getWebhookInfo":
        return webhook ? { url: webhook.url, updated_at: webhook.updated_at } : { url: "", updated_at: 0 };
      case "getUpdates": {
        const next = pendingUpdates.shift();
        if (!next) throw new FakeZaloError(408, "Request timeout");
        return next;
      }
      default:
        throw new FakeZaloError(404, "Not Found", 404);
    }
  }

  function logCall(record: Omit<ZaloCallRecord, "seq" | "time">) {
    calls.push({ seq: ++seq, time: now(), ...record });
    if (calls.length > maxLog) calls.splice(0, calls.length - maxLog);
  }

  async function handleApi(request: Request, url: URL, token: string, method: string): Promise<Response> {
    let params: Record<string, unknown> = {};
    try {
      params = await readParams(request, url);
      if (!tokenAccepted(token)) throw new FakeZaloError(401, "Unauthorized");
      const wait = limiter?.take(now()) ?? 0;
      if (wait > 0) throw new FakeZaloError(429, "Too many requests", 429, wait);
      const result = runMethod(token, method, params);
      logCall({ method, params, ...chatOf(params), ok: true });
      return json(200, result === undefined ? { ok: true } : { ok: true, result });
    } catch (e) {
      const error = e instanceof FakeZaloError ? e : new FakeZaloError(500, `Internal error: ${String(e)}`, 500);
      logCall({ method, params, ...chatOf(params), ok: false, error_code: error.code, description: error.description });
      const retry = error.retryAfter;
      return json(
        error.httpStatus,
        {
          ok: false,
          error_code: error.code,
          description: error.description,
          ...(retry ? { parameters: { retry_after: retry } } : {}),
        },
        retry ? { "retry-after": String(retry) } : {},
      );
    }
  }

  function chatOf(params: Record<string, unknown>): { chat_id?: string } {
    return typeof params.chat_id === "string" ? { chat_id: params.chat_id } : {};
  }

  /** A user writes to the bot: from then on the chat is valid, and the event goes to the webhook if there is one. */
  async function deliver(input: { event: ZaloEventBody } | ZaloUserMessageInput): Promise<DeliverResult> {
    const event = "event" in input ? input.event : buildUserEvent(input, now());
    const chat = (event.message?.chat as { id?: unknown } | undefined)?.id;
    if (chat !== undefined) invalidChats.delete(String(chat));
    if (!webhook) {
      pendingUpdates.push(event);
      return { event, delivered: false, reason: "no webhook set: queued for getUpdates" };
    }
    try {
      const response = await deliverFetch(webhook.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-bot-api-secret-token": webhook.secret_token },
        body: JSON.stringify(event),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // the webhook may answer with plain text
      }
      return { event, delivered: true, status: response.status, body };
    } catch (e) {
      return { event, delivered: false, reason: e instanceof Error ? e.message : String(e) };
    }
  }

  function messages(chatId: string, q: { since?: number } = {}): ZaloStoredMessage[] {
    return (chats.get(chatId) ?? []).filter((m) => q.since === undefined || m.seq > q.since).map((m) => ({ ...m }));
  }

  function filterCalls(q: { method?: string; chatId?: string; since?: number } = {}): ZaloCallRecord[] {
    const method = q.method?.toLowerCase();
    return calls.filter(
      (c) =>
        (!method || c.method.toLowerCase() === method) &&
        (q.chatId === undefined || c.chat_id === q.chatId) &&
        (q.since === undefined || c.seq > q.since),
    );
  }

  async function readJson(request: Request): Promise<Record<string, unknown>> {
    const text = await request.text();
    if (!text.trim()) return {};
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("body must be a JSON object");
    return parsed as Record<string, unknown>;
  }

  const optInt = (v: string | null) => (v !== null && /^\d+$/.test(v) ? Number(v) : undefined);
  const ok = (body: Record<string, unknown>) => json(200, { ok: true, ...body });
  const controlError = (status: number, description: string) => json(status, { ok: false, error_code: status, description });

  async function handleControl(request: Request, url: URL, path: string): Promise<Response> {
    const q = url.searchParams;
    const m = request.method;
    try {
      if (path === "reset" && m === "POST") {
        reset();
        return ok({});
      }
      if (path === "config") {
        if (m === "GET") return ok({ config: config() });
        if (m === "POST") return ok({ config: configure(await readJson(request)) });
      }
      if (path === "invalid-chats") {
        if (m === "POST") {
          const ids = (await readJson(request)).chat_ids;
          if (!Array.isArray(ids)) return controlError(400, "Bad Request: chat_ids must be an array");
          configure({ invalid_chats: ids.map(String) });
        }
        if (m === "GET" || m === "POST") return ok({ chat_ids: [...invalidChats] });
      }
      if (path === "calls" && m === "GET") {
        const method = q.get("method") ?? undefined;
        const chatId = q.get("chat_id") ?? undefined;
        const since = optInt(q.get("since"));
        return ok({ calls: filterCalls({ method, chatId, ...(since !== undefined ? { since } : {}) }), seq });
      }
      if (path === "webhook" && m === "GET") return ok({ webhook });
      if (path === "chats" && m === "GET") {
        return ok({ chats: [...chats.entries()].map(([chat_id, list]) => ({ chat_id, messages: list.length })), seq });
      }
      if (path === "deliver" && m === "POST") {
        const body = await readJson(request);
        if (!("event" in body) && typeof body.chat_id !== "string") {
          return controlError(400, "Bad Request: give {event} or {chat_id, text | photo_url}");
        }
        const result = await deliver(body as { event: ZaloEventBody } | ZaloUserMessageInput);
        return ok({ ...result });
      }
      // Photos users "send": Zalo hands the bot a URL to fetch, served here like Zalo's CDN would (a few bytes of JPEG).
      const photo = /^photos\/([A-Za-z0-9_.-]+\.jpg)$/.exec(path);
      if (photo && m === "GET") {
        return new Response(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]), {
          headers: { "content-type": "image/jpeg" },
        });
      }
      // A hostile "photo" (issue 18): an SVG carrying a script, served as an image.
      if (/^photos\/[A-Za-z0-9_.-]+\.svg$/.test(path) && m === "GET") {
        return new Response('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>', {
          headers: { "content-type": "image/svg+xml" },
        });
      }
      const chatMessages = /^chats\/([^/]+)\/messages$/.exec(path);
      if (chatMessages && m === "GET") {
        const since = optInt(q.get("since"));
        return ok({ messages: messages(decodeURIComponent(chatMessages[1]!), since !== undefined ? { since } : {}), seq });
      }
      return controlError(404, `Not Found: ${m} /__fake/${path}`);
    } catch (e) {
      return controlError(400, `Bad Request: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    const control = path.indexOf("/__fake/");
    if (control >= 0) return handleControl(request, url, path.slice(control + "/__fake/".length).replace(/\/+$/, ""));
    const api = /\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(path);
    if (api) return handleApi(request, url, decodeURIComponent(api[1]!), api[2]!);
    return json(404, { ok: false, error_code: 404, description: "Not Found" });
  }

  /** `fetch`-compatible, to hand to ZaloApi in tests that run the fake in process. */
  function fetchLike(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request && !init ? input : new Request(input instanceof URL ? input.href : input, init);
    return handle(request);
  }

  return {
    fetch: handle,
    fetchLike,
    reset,
    configure,
    get config(): FakeZaloConfig {
      return config();
    },
    /** The bot's messages in a chat, oldest first. */
    messages,
    calls: filterCalls,
    deliver,
    webhook: (): ZaloWebhook | null => (webhook ? { ...webhook } : null),
    pendingUpdates: () => [...pendingUpdates],
    get seq() {
      return seq;
    },
  };
}

export type FakeZaloApi = ReturnType<typeof createFakeZaloApi>;
