/**
 * Relay for a real phone: long-polls Telegram's getUpdates and POSTs each
 * update, in order, to the local worker's webhook with the secret header.
 * Telegram cannot reach 127.0.0.1, so this stands in for the webhook while
 * developing with a real bot token.
 *
 *   npx tsx scripts/relay.ts [--worker http://127.0.0.1:8787]
 *
 * (reads TELEGRAM_BOT_TOKEN / TELEGRAM_WEBHOOK_SECRET / TELEGRAM_API_ROOT from the environment or .dev.vars;
 * `npm start` starts it by itself when a real token is configured.)
 */
import { pathToFileURL } from "node:url";
import { localTelegramSettings, REAL_API_ROOT } from "./chat/env";
import { forwardWebhookReply } from "./lib/webhook-reply";

export interface RelayOptions {
  token: string;
  /** Default https://api.telegram.org. */
  apiRoot?: string;
  /** The local worker, e.g. http://127.0.0.1:8787. */
  workerUrl: string;
  secret: string;
  /** Progress lines (Vietnamese). Default: console.log. */
  log?: (line: string) => void;
  fetch?: typeof fetch;
  /** getUpdates long-poll timeout, seconds. Default 25. */
  pollTimeoutSec?: number;
  /** Attempts per update when the worker answers an HTTP error; then the update is skipped. Network errors retry forever. Default 5. */
  maxAttempts?: number;
  allowedUpdates?: string[];
  /** First retry delay, ms (doubles up to 30 s). Default 1000. */
  retryDelayMs?: number;
}

export interface Relay {
  /** Stops polling (confirms delivered updates to Telegram first). */
  stop(): Promise<void>;
  /** Settles when the relay stops; rejects on a fatal error (bad token). */
  done: Promise<void>;
  readonly delivered: number;
}

class TelegramError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(`${status} ${description}`);
  }
}

export function startRelay(options: RelayOptions): Relay {
  const {
    token,
    apiRoot = REAL_API_ROOT,
    workerUrl,
    secret,
    log = (l: string) => console.log(l),
    fetch: doFetch = fetch,
    pollTimeoutSec = 25,
    maxAttempts = 5,
    allowedUpdates,
    retryDelayMs = 1000,
  } = options;
  const base = `${apiRoot.replace(/\/+$/, "")}/bot${token}`;
  const webhook = `${workerUrl.replace(/\/+$/, "")}/telegram/webhook`;
  const stopper = new AbortController();
  let stopped = false;
  let delivered = 0;
  let offset: number | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const t = setTimeout(resolve, ms);
      stopper.signal.addEventListener("abort", () => {
        clearTimeout(t);
        resolve();
      });
    });

  async function call<T>(method: string, params: Record<string, unknown>, timeoutMs: number, useStopper = true): Promise<T> {
    const signals = [AbortSignal.timeout(timeoutMs), ...(useStopper ? [stopper.signal] : [])];
    const res = await doFetch(`${base}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(params),
      signal: AbortSignal.any(signals),
    });
    let body: { ok?: boolean; result?: T; description?: string; parameters?: { retry_after?: number } };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new TelegramError(res.status, `HTTP ${res.status}`);
    }
    if (!body.ok) throw new TelegramError(res.status, body.description ?? `HTTP ${res.status}`, body.parameters?.retry_after);
    return body.result as T;
  }

  const describe = (e: unknown) =>
    e instanceof TelegramError
      ? `${e.status} ${e.description}`
      : e instanceof Error
        ? e.cause instanceof Error
          ? `${e.message}: ${e.cause.message}`
          : e.message
        : String(e);
  const fatal = (e: unknown) => e instanceof TelegramError && (e.status === 401 || e.status === 404);

  function summary(u: Record<string, unknown>): string {
    const kind = Object.keys(u).find((k) => k !== "update_id") ?? "?";
    const body = u[kind] as { from?: { first_name?: string }; text?: string; data?: string } | undefined;
    const who = body?.from?.first_name ? ` từ ${body.from.first_name}` : "";
    const what = body?.text ?? body?.data;
    return `${kind}${who}${what ? `: ${JSON.stringify(what.length > 40 ? `${what.slice(0, 40)}…` : what)}` : ""}`;
  }

  /** true = delivered or given up (move on); false = stopped. */
  async function deliver(u: { update_id: number } & Record<string, unknown>): Promise<boolean> {
    let httpFailures = 0;
    let delay = retryDelayMs;
    while (!stopped) {
      try {
        const res = await doFetch(webhook, {
          method: "POST",
          headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret },
          body: JSON.stringify(u),
          signal: AbortSignal.any([AbortSignal.timeout(60_000), stopper.signal]),
        });
        // Telegram makes the call a webhook answer carries (a button's answer); so does the relay.
        await forwardWebhookReply(res.clone(), apiRoot, token, doFetch).catch(() => undefined);
        const text = await res.text().catch(() => "");
        if (res.ok) {
          delivered++;
          log(`→ #${u.update_id} ${summary(u)}`);
          return true;
        }
        httpFailures++;
        log(
          `⚠️  Worker trả lời ${res.status} cho #${u.update_id}${text ? `: ${text.slice(0, 120)}` : ""} (lần ${httpFailures}/${maxAttempts})`,
        );
        if (httpFailures >= maxAttempts) {
          log(`⚠️  Bỏ qua cập nhật #${u.update_id}.`);
          return true;
        }
      } catch (e) {
        if (stopped) return false;
        log(`⚠️  Không gửi được tới worker (${describe(e)}); thử lại sau ${Math.round(delay / 1000)} giây.`);
      }
      await sleep(delay);
      delay = Math.min(delay * 2, 30_000);
    }
    return false;
  }

  async function run(): Promise<void> {
    // Telegram refuses getUpdates while a webhook is set
    let delay = retryDelayMs;
    while (!stopped) {
      try {
        await call("deleteWebhook", { drop_pending_updates: false }, 30_000);
        break;
      } catch (e) {
        if (stopped) return;
        if (fatal(e)) throw new Error(`Telegram từ chối token (${describe(e)}).`);
        log(`⚠️  Không gọi được deleteWebhook (${describe(e)}); thử lại sau ${Math.round(delay / 1000)} giây.`);
        await sleep(delay);
        delay = Math.min(delay * 2, 30_000);
      }
    }
    log("Relay đang nhận tin từ Telegram…");
    delay = retryDelayMs;
    while (!stopped) {
      let updates: ({ update_id: number } & Record<string, unknown>)[];
      try {
        updates = await call(
          "getUpdates",
          {
            ...(offset !== undefined ? { offset } : {}),
            timeout: pollTimeoutSec,
            ...(allowedUpdates ? { allowed_updates: allowedUpdates } : {}),
          },
          (pollTimeoutSec + 15) * 1000,
        );
        delay = retryDelayMs;
      } catch (e) {
        if (stopped) break;
        if (fatal(e)) throw new Error(`Telegram từ chối token (${describe(e)}).`);
        if (e instanceof TelegramError && e.status === 409) {
          log(`⚠️  ${e.description}`);
          if (/webhook/i.test(e.description)) await call("deleteWebhook", {}, 30_000).catch(() => undefined);
          await sleep(3000);
          continue;
        }
        if (e instanceof TelegramError && e.status === 429) {
          await sleep((e.retryAfter ?? 1) * 1000);
          continue;
        }
        log(`⚠️  getUpdates lỗi (${describe(e)}); thử lại sau ${Math.round(delay / 1000)} giây.`);
        await sleep(delay);
        delay = Math.min(delay * 2, 30_000);
        continue;
      }
      for (const u of updates.sort((a, b) => a.update_id - b.update_id)) {
        if (offset !== undefined && u.update_id < offset) continue;
        if (!(await deliver(u))) break;
        offset = u.update_id + 1;
      }
    }
  }

  const done = run();
  // do not leave an unhandled rejection if nobody awaits `done`
  done.catch(() => undefined);

  return {
    async stop() {
      if (!stopped) {
        stopped = true;
        stopper.abort();
        await done.catch(() => undefined);
        if (offset !== undefined) {
          // confirm what was delivered, so a restart does not deliver it twice
          await call("getUpdates", { offset, timeout: 0, limit: 1 }, 5000, false).catch(() => undefined);
        }
      }
    },
    done,
    get delivered() {
      return delivered;
    },
  };
}

// ------------------------------------------------------------------ CLI

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const settings = localTelegramSettings(process.cwd());
  const i = process.argv.indexOf("--worker");
  const workerUrl = i >= 0 ? process.argv[i + 1]! : "http://127.0.0.1:8787";
  if (!settings.realToken) {
    console.error("Chưa có TELEGRAM_BOT_TOKEN thật (trong .dev.vars hoặc biến môi trường): relay không có gì để làm.");
    process.exit(1);
  }
  const relay = startRelay({
    token: settings.token,
    apiRoot: settings.apiRoot ?? REAL_API_ROOT,
    workerUrl,
    secret: settings.secret,
  });
  const stop = () => {
    console.log("Đang dừng relay…");
    void relay.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  relay.done.then(
    () => undefined,
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
