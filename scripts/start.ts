/**
 * `npm start` / `npm run dev`: everything needed to talk to the bot locally.
 *
 *   npx tsx scripts/start.ts [--no-chat] [--port 8787] [--fake] [--user N]
 *
 *  1. settings from the environment / .dev.vars (local demo token and secret by default)
 *  2. D1 migrations (local)            3. demo data (idempotent)
 *  4. the fake Bot API, unless a real TELEGRAM_BOT_TOKEN is configured (--fake forces it)
 *  5. `wrangler dev`, output in .wrangler/dev.log, waits for GET /health
 *  6. the terminal chat; with a real token the relay; with --no-chat nothing (prints URLs)
 *  7. Ctrl-C / :q stops wrangler (its whole process group) and the fake
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runChat } from "./chat/chat";
import { localTelegramSettings, REAL_API_ROOT } from "./chat/env";
import { startFakeBotApi, type RunningFakeBotApi } from "./fake-telegram/server";
import { runZaloChat } from "./chat/zalo-chat";
import { startFakeZaloApi } from "./fake-zalo/server";
import { startRelay, type Relay } from "./relay";
import { demoAdminLoginLink } from "./lib/web-login";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEV_LOG = resolve(ROOT, ".wrangler/dev.log");
const QUIET_ENV = {
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
};

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const color = !!process.stdout.isTTY && !process.env.NO_COLOR;
const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
const red = (s: string) => (color ? `\x1b[31m${s}\x1b[39m` : s);

class StepError extends Error {
  constructor(
    message: string,
    readonly details?: string,
  ) {
    super(message);
  }
}

// ------------------------------------------------------------ processes

let wrangler: ChildProcess | null = null;
let fake: RunningFakeBotApi | null = null;
let fakeZalo: Awaited<ReturnType<typeof startFakeZaloApi>> | null = null;
/** The local Zalo bot: always a fake (the terminal chat or a script talks to it). */
const LOCAL_ZALO_TOKEN = "local-zalo-demo-token";
const LOCAL_ZALO_SECRET = "local-zalo-secret";
let relay: Relay | null = null;
let shuttingDown = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: npx, wrangler, workerd
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

async function stopWrangler() {
  const child = wrangler;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((res) => child.once("exit", () => res()));
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    if (relay) await relay.stop().catch(() => undefined);
    await stopWrangler();
    if (fake) await fake.close().catch(() => undefined);
    if (fakeZalo) await fakeZalo.close().catch(() => undefined);
    if (code === 0) console.log(dim("Đã dừng."));
  }
  process.exit(code);
}

process.on("exit", () => {
  // last resort (e.g. an uncaught error): never leave workerd behind
  if (wrangler) killGroup(wrangler, "SIGKILL");
});
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(sig, () => {
    console.log("");
    void shutdown(0);
  });
}

function tail(text: string, lines = 25): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

async function step<T>(label: string, fn: () => Promise<T>, done: (r: T) => string = () => "xong"): Promise<T> {
  process.stdout.write(`▸ ${label}… `);
  const t0 = Date.now();
  try {
    const r = await fn();
    const secs = ((Date.now() - t0) / 1000).toFixed(1).replace(".", ",");
    console.log(`${done(r)} ${dim(`(${secs} s)`)}`);
    return r;
  } catch (e) {
    console.log(red("lỗi"));
    console.error(red(`✗ ${e instanceof Error ? e.message : String(e)}`));
    if (e instanceof StepError && e.details) console.error(dim(e.details));
    return shutdown(1);
  }
}

/** Runs a command to completion; rejects with its output's tail on failure. */
function run(
  cmd: string,
  cmdArgs: string[],
  what: string,
  env: Record<string, string> = {},
  timeoutMs = 180_000,
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, cmdArgs, {
      cwd: ROOT,
      env: { ...process.env, ...QUIET_ENV, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      killGroup(child, "SIGKILL");
      reject(new StepError(`${what}: quá ${timeoutMs / 1000} giây.`, tail(out)));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new StepError(`${what}: không chạy được ${cmd} (${e.message}).`));
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(out);
      else reject(new StepError(`${what} thất bại (${signal ?? `mã ${code}`}).`, tail(out)));
    });
  });
}

function portFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((res) => {
    const srv = createServer();
    srv.once("error", () => res(false));
    srv.listen(port, host, () => srv.close(() => res(true)));
  });
}

async function freePortFrom(port: number): Promise<number> {
  for (let p = port; p < port + 20; p++) if (await portFree(p)) return p;
  throw new StepError(`Không tìm được cổng trống từ ${port}.`);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    if (wrangler && (wrangler.exitCode !== null || wrangler.signalCode !== null)) {
      throw new StepError(`wrangler dev đã dừng (mã ${wrangler.exitCode ?? wrangler.signalCode}).`, logTail());
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new StepError(`${url} chưa trả lời 200 sau ${timeoutMs / 1000} giây (${last}).`, logTail());
}

function logTail(): string {
  try {
    return `— ${relative(process.cwd(), DEV_LOG)} (cuối) —\n${tail(readFileSync(DEV_LOG, "utf8"), 30)}`;
  } catch {
    return "";
  }
}

// ------------------------------------------------------------ main

async function main() {
  const noChat = flag("--no-chat");
  console.log(bold("Khởi động bot theo dõi kế hoạch trên máy này") + dim("  (Ctrl-C để dừng)"));

  // 1. settings
  const settings = await step(
    "Đọc cấu hình (.dev.vars)",
    async () => localTelegramSettings(ROOT),
    (s) =>
      s.realToken && !flag("--fake")
        ? "token thật → relay qua Telegram"
        : s.realToken
          ? "token thật nhưng --fake → Bot API giả"
          : "token demo → Bot API giả",
  );
  const useFake = !settings.realToken || flag("--fake");

  // 2. migrations
  await step(
    "Áp dụng migration D1 (local)",
    () => run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local"], "Migration", { CI: "true" }),
    (out) => (/No migrations to apply/i.test(out) ? "đã mới nhất" : "xong"),
  );

  // 3. demo data
  const seedScript = resolve(ROOT, "scripts/seed-demo.ts");
  await step(
    "Nạp dữ liệu mẫu",
    async () => (existsSync(seedScript) ? run("npx", ["tsx", "scripts/seed-demo.ts"], "Nạp dữ liệu mẫu", { CI: "true" }) : null),
    (out) => (out === null ? "bỏ qua (chưa có scripts/seed-demo.ts)" : tail(out, 1).trim() || "xong"),
  );

  // 4. fake Bot API
  let apiRoot = settings.apiRoot ?? REAL_API_ROOT;
  if (useFake) {
    fake = await step(
      "Chạy Bot API giả",
      async () => {
        // ids keep growing across runs, so a worker that remembers update/message ids in D1 never sees them again
        const base = Math.floor((Date.now() - Date.UTC(2024, 0, 1)) / 100);
        const opts = { firstUpdateId: base, firstMessageId: Math.floor(base / 10) };
        try {
          return await startFakeBotApi({ port: 8790, ...opts });
        } catch {
          return await startFakeBotApi({ port: 0, ...opts });
        }
      },
      (f) => f.url,
    );
    apiRoot = fake.url;
  }

  // 4b. fake Zalo API: its webhook is set once the worker is up
  const zalo = await step(
    "Chạy Zalo Bot API giả",
    async () => {
      try {
        return await startFakeZaloApi({ port: 8791, rateLimit: false, token: LOCAL_ZALO_TOKEN });
      } catch {
        return await startFakeZaloApi({ port: 0, rateLimit: false, token: LOCAL_ZALO_TOKEN });
      }
    },
    (f) => f.url,
  );
  fakeZalo = zalo;

  // 5. wrangler dev
  const wantedPort = Number(option("--port") ?? 8787);
  const port = await freePortFrom(wantedPort);
  if (port !== wantedPort) console.log(dim(`  (cổng ${wantedPort} đang bận, dùng ${port})`));
  const workerUrl = `http://127.0.0.1:${port}`;
  await step(
    "Chạy worker (wrangler dev)",
    async () => {
      mkdirSync(dirname(DEV_LOG), { recursive: true });
      const fd = openSync(DEV_LOG, "w");
      wrangler = spawn(
        "npx",
        [
          "wrangler",
          "dev",
          "--port",
          String(port),
          "--ip",
          "127.0.0.1",
          "--test-scheduled",
          // A local run on the demo's secrets, said explicitly (the deployed Worker refuses them).
          "--var",
          "ALLOW_DEMO_SECRETS:true",
          "--var",
          `TELEGRAM_API_ROOT:${apiRoot}`,
          "--var",
          `TELEGRAM_BOT_TOKEN:${settings.token}`,
          "--var",
          `TELEGRAM_WEBHOOK_SECRET:${settings.secret}`,
          "--var",
          `ZALO_API_ROOT:${zalo.url}`,
          "--var",
          // Photos sent in the terminal chat come from the fake, on 127.0.0.1 (allowed in a local run only).
          `ZALO_PHOTO_HOSTS:${new URL(zalo.url).origin}`,
          "--var",
          `ZALO_BOT_TOKEN:${LOCAL_ZALO_TOKEN}`,
          "--var",
          `ZALO_WEBHOOK_SECRET:${LOCAL_ZALO_SECRET}`,
          "--var",
          `PUBLIC_URL:${workerUrl}`,
        ],
        { cwd: ROOT, env: { ...process.env, ...QUIET_ENV }, stdio: ["ignore", fd, fd], detached: true },
      );
      closeSync(fd);
      wrangler.on("error", () => undefined);
      await waitForHealth(`${workerUrl}/health`, 60_000);
      wrangler.on("exit", (code, signal) => {
        if (shuttingDown) return;
        console.error(red(`\n⚠️  wrangler dev đã dừng (${signal ?? `mã ${code}`}).`));
        console.error(dim(logTail()));
        void shutdown(1);
      });
    },
    () => `${workerUrl} ${dim(`(log: ${relative(process.cwd(), DEV_LOG)})`)}`,
  );

  // The fake delivers what a "Zalo user" types to the worker's Zalo webhook, as Zalo would.
  await fetch(`${zalo.url}/bot${LOCAL_ZALO_TOKEN}/setWebhook`, {
    method: "POST",
    body: JSON.stringify({ url: `${workerUrl}/zalo/webhook`, secret_token: LOCAL_ZALO_SECRET }),
  });

  const webLink = await demoAdminLoginLink({ root: ROOT, workerUrl, webhookSecret: settings.secret }).catch(() => null);
  console.log(
    `Trang quản lý: ${bold(`${workerUrl}/web`)}${webLink ? `\n  ${dim("đăng nhập (quản trị mẫu, dùng một lần, 10 phút):")} ${webLink}` : ""}`,
  );

  // 6. what to do now
  if (noChat) {
    console.log("");
    console.log(`Worker:        ${bold(workerUrl)}  ${dim("(webhook POST /telegram/webhook)")}`);
    if (fake) {
      console.log(`Bot API giả:   ${bold(fake.url)}  ${dim("(tin bot gửi: /__fake/chats/<id>/messages, log: /__fake/calls)")}`);
      console.log(`Chat ở terminal khác: ${bold(`npx tsx scripts/chat/chat.ts --worker ${workerUrl} --fake ${fake.url}`)}`);
      console.log(
        `Zalo API giả:  ${bold(zalo.url)}  ${dim("(webhook đã đặt tới /zalo/webhook; gửi tin: POST /__fake/deliver {chat_id, text})")}`,
      );
    } else {
      relay = startRelay({ token: settings.token, apiRoot, workerUrl, secret: settings.secret });
      relayFatal(relay);
    }
    console.log(`Log worker:    ${relative(process.cwd(), DEV_LOG)}`);
    console.log(dim("Ctrl-C để dừng."));
    return; // keeps running: the servers hold the event loop
  }
  if (!fake) {
    console.log("");
    console.log(`Nhắn cho bot trên điện thoại; relay chuyển tin tới ${workerUrl}. ${dim("Ctrl-C để dừng.")}`);
    relay = startRelay({ token: settings.token, apiRoot, workerUrl, secret: settings.secret });
    relayFatal(relay);
    return;
  }
  const user = option("--user");
  if (flag("--zalo")) {
    await runZaloChat({ fakeUrl: zalo.url, root: ROOT, ...(user !== undefined ? { user: Number(user) } : {}) });
    return shutdown(0);
  }
  console.log(dim("  (Trò chuyện như người dùng Zalo: npm start -- --zalo)"));
  await runChat({
    workerUrl,
    fakeUrl: fake.url,
    secret: settings.secret,
    token: settings.token,
    root: ROOT,
    ...(user !== undefined ? { user: Number(user) } : {}),
  });
  await shutdown(0);
}

function relayFatal(r: Relay) {
  r.done.catch((e: unknown) => {
    console.error(red(`✗ Relay dừng: ${e instanceof Error ? e.message : String(e)}`));
    void shutdown(1);
  });
}

main().catch((e: unknown) => {
  console.error(red(`✗ ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  void shutdown(1);
});
