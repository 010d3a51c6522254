/**
 * A small client for the Zalo Bot Platform: POST {apiRoot}/bot<token>/<method> with a JSON body.
 * Answers are {ok, result} or {ok: false, error_code, description}; errors can come with HTTP 200.
 */

export const ZALO_API_ROOT = "https://bot-api.zaloplatforms.com";

/** Seconds to wait after a 429 that says nothing about how long. */
const DEFAULT_RETRY_AFTER = 1;

export type ZaloFetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ZaloApiOptions {
  token: string;
  /** e.g. ZALO_API_ROOT, or a local fake's URL. */
  apiRoot: string;
  fetch?: ZaloFetch;
}

export class ZaloApiError extends Error {
  override readonly name = "ZaloApiError";

  constructor(
    readonly method: string,
    readonly code: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(`Zalo ${method}: ${code} ${description}`);
  }
}

export interface ZaloSentMessage {
  message_id: string;
  date: number;
}

export interface ZaloBotInfo {
  id: string;
  account_name?: string;
  account_type?: string;
  can_join_groups?: boolean;
  [field: string]: unknown;
}

export interface ZaloWebhookInfo {
  url: string;
  updated_at?: number;
  [field: string]: unknown;
}

interface ZaloAnswer {
  ok?: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

export class ZaloApi {
  readonly #token: string;
  readonly #root: string;
  readonly #fetch: ZaloFetch;

  constructor(options: ZaloApiOptions) {
    if (!options.token) throw new Error("Zalo: thiếu bot token");
    // Checked here, once: a bad root found by fetch would put the whole URL, token included, in its TypeError.
    const root = new URL(options.apiRoot);
    if (root.protocol !== "https:" && root.protocol !== "http:")
      throw new Error(`Zalo: apiRoot phải là http(s), không phải ${root.protocol}`);
    this.#root = root.href.replace(/\/+$/, "");
    this.#token = options.token;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Never lets the token out in text that may end up in a log. */
  #redact(text: string): string {
    return text.split(this.#token).join("<token>");
  }

  #error(method: string, code: number, description: string, retryAfter?: number): ZaloApiError {
    const wait = retryAfter ?? (code === 429 ? DEFAULT_RETRY_AFTER : undefined);
    return new ZaloApiError(method, code, this.#redact(description), wait);
  }

  async call<T>(method: string, params: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
    const response = await this.#fetch(`${this.#root}/bot${this.#token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(params),
      ...(signal ? { signal } : {}),
    });
    const raw = await response.text();
    let answer: ZaloAnswer | null = null;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === "object") answer = parsed as ZaloAnswer;
    } catch {
      // not JSON: a proxy's error page or similar, reported below by its HTTP status
    }
    const headerWait = parseRetryAfter(response.headers.get("retry-after"));
    if (answer?.ok === true && response.ok) return answer.result as T;
    if (answer && answer.ok === false) {
      const code = typeof answer.error_code === "number" ? answer.error_code : response.status;
      const bodyWait = answer.parameters?.retry_after;
      throw this.#error(
        method,
        code,
        answer.description ?? `HTTP ${response.status}`,
        typeof bodyWait === "number" ? bodyWait : headerWait,
      );
    }
    const status = response.ok ? 502 : response.status;
    const detail = response.ok ? "invalid answer" : response.statusText || "request failed";
    throw this.#error(method, status, `HTTP ${response.status}: ${detail}`, headerWait);
  }

  getMe(signal?: AbortSignal): Promise<ZaloBotInfo> {
    return this.call("getMe", {}, signal);
  }

  sendMessage(chatId: string, text: string, signal?: AbortSignal): Promise<ZaloSentMessage> {
    return this.call("sendMessage", { chat_id: chatId, text }, signal);
  }

  /** `photo` is a public URL; Zalo fetches it. */
  sendPhoto(chatId: string, photo: string, caption?: string, signal?: AbortSignal): Promise<ZaloSentMessage> {
    return this.call("sendPhoto", { chat_id: chatId, photo, ...(caption ? { caption } : {}) }, signal);
  }

  sendChatAction(chatId: string, action: "typing" | "upload_photo" = "typing", signal?: AbortSignal): Promise<unknown> {
    return this.call("sendChatAction", { chat_id: chatId, action }, signal);
  }

  setWebhook(url: string, secretToken: string, signal?: AbortSignal): Promise<ZaloWebhookInfo> {
    return this.call("setWebhook", { url, secret_token: secretToken }, signal);
  }

  deleteWebhook(signal?: AbortSignal): Promise<ZaloWebhookInfo> {
    return this.call("deleteWebhook", {}, signal);
  }

  getWebhookInfo(signal?: AbortSignal): Promise<ZaloWebhookInfo> {
    return this.call("getWebhookInfo", {}, signal);
  }
}
