/**
 * Webhook benchmark: one update through the whole stack in workerd (wrangler
 * dev, local D1 with the demo data, outgoing Bot API calls to the local fake),
 * beside a bare grammY echo bot measured in the same run as the floor.
 */
import { rmSync } from "node:fs";
import { demoMembers } from "../../db/demo";
import { startFakeBotApi } from "../fake-telegram/server";
import { startFakeZaloApi } from "../fake-zalo/server";
import { spawnSync } from "node:child_process";
import { applyLocalMigrations, quietWranglerEnv, startWranglerDev, type RunningWorker } from "../lib/wrangler";
import { percentile, formatMs } from "./stats";
import { CpuMeter, settle } from "./cpu";
import { forwardWebhookReply } from "../lib/webhook-reply";

const TOKEN = "123456789:BENCH-TOKEN";
const SECRET = "bench-secret";
const STATE = ".wrangler/bench-state";
const ZALO_TOKEN = "bench-zalo-token-123";
const ZALO_SECRET = "bench-zalo-secret";

export interface WebhookScenario {
  name: string;
  /** Builds the next update for this scenario's user; called once per request. */
  update: (updateId: number) => unknown;
}

export interface WebhookFigures {
  name: string;
  medianMs: number;
  p99Ms: number;
  roundTrips: number | null;
  /** D1 round trips the worker makes after answering (waitUntil): in its CPU time, not in the wait. */
  tripsAfter: number | null;
  /** The worker's workerd CPU time per update (local D1 included), ms; null where it cannot be read. */
  cpuMs: number | null;
}

export interface Timed {
  ms: number;
  roundTrips: number | null;
  tripsAfter: number | null;
}

/** To the app's Telegram webhook, or to the echo floor (with `floorTrips` D1 round trips first, scripts/bench/echo-worker.ts). */
export type Send = (target: "app" | "echo", update: unknown, floorTrips?: number) => Promise<Timed>;

export interface BenchStack {
  send: Send;
  /** Measures the CPU time of that worker's workerd (scripts/bench/cpu.ts). */
  meter: (target: "app" | "echo") => CpuMeter;
  /** A Zalo event to the app's Zalo webhook, timed like `send`. */
  sendZalo: (event: unknown) => Promise<Timed>;
  /** The bot's Zalo messages in a chat, as the fake Zalo API recorded them. */
  zaloMessages: (chatId: string) => Promise<{ text: string }[]>;
  /** The bot's messages in a chat, as the fake Bot API recorded them. */
  botMessages: (
    chatId: number,
  ) => Promise<
    { message_id: number; text?: string; reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] } }[]
  >;
}

export async function withBenchStack<T>(
  run: (stack: BenchStack) => Promise<T>,
  options: { appArgs?: string[] } = {},
): Promise<T> {
  rmSync(STATE, { recursive: true, force: true });
  applyLocalMigrations(STATE);
  const seed = spawnSync("npx", ["tsx", "scripts/seed-demo.ts", "--persist-to", STATE], {
    env: quietWranglerEnv,
    encoding: "utf8",
  });
  if (seed.status !== 0) throw new Error(`seeding failed: ${seed.stderr}`);

  const fake = await startFakeBotApi({ port: 0, rateLimit: false });
  const zalo = await startFakeZaloApi({ port: 0, rateLimit: false, token: ZALO_TOKEN });
  const vars = {
    TELEGRAM_API_ROOT: fake.url,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    ZALO_API_ROOT: zalo.url,
    ZALO_BOT_TOKEN: ZALO_TOKEN,
    ZALO_WEBHOOK_SECRET: ZALO_SECRET,
    EXPOSE_METRICS: "true",
  };
  const started: RunningWorker[] = [];
  try {
    const app = await startWranglerDev({
      port: 8797,
      persistTo: STATE,
      vars,
      logFile: `${STATE}/app.log`,
      extraArgs: options.appArgs,
    });
    started.push(app);
    const echo = await startWranglerDev({
      port: 8798,
      config: "scripts/bench/echo.wrangler.toml",
      persistTo: `${STATE}/echo`,
      vars,
      logFile: `${STATE}/echo.log`,
      healthPath: "/",
      isReady: () => true, // the echo bot has no health route; any answer means it is up
    });
    started.push(echo);
    const timed = async (url: string, headers: Record<string, string>, body: unknown) => {
      const t0 = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
      const answer = response.clone();
      await response.arrayBuffer();
      const ms = performance.now() - t0;
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      // What Telegram does after the answer (a button's answer carried by it): not the worker's time.
      await forwardWebhookReply(answer, fake.url, TOKEN);
      const count = (name: string) => (response.headers.get(name) === null ? null : Number(response.headers.get(name)));
      return { ms, roundTrips: count("X-D1-Round-Trips"), tripsAfter: count("X-D1-Round-Trips-After") };
    };
    if (app.workerdPid === null || echo.workerdPid === null)
      console.warn("workerd processes not found: CPU time is not reported");
    return await run({
      meter: (target) => new CpuMeter(target === "app" ? app.workerdPid : echo.workerdPid),
      sendZalo: (event) => timed(`${app.url}/zalo/webhook`, { "X-Bot-Api-Secret-Token": ZALO_SECRET }, event),
      async zaloMessages(chatId) {
        const response = await fetch(`${zalo.url}/__fake/chats/${encodeURIComponent(chatId)}/messages`);
        return ((await response.json()) as { messages: { text: string }[] }).messages;
      },
      async botMessages(chatId) {
        const response = await fetch(`${fake.url}/__fake/chats/${chatId}/messages`);
        return ((await response.json()) as { messages: Awaited<ReturnType<BenchStack["botMessages"]>> }).messages;
      },
      send: (target, update, floorTrips = 0) =>
        timed(
          target === "app" ? `${app.url}/telegram/webhook` : `${echo.url}${floorTrips ? `/d1/${floorTrips}` : "/"}`,
          { "X-Telegram-Bot-Api-Secret-Token": SECRET },
          update,
        ),
    });
  } finally {
    await Promise.all(started.map((w) => w.stop()));
    await fake.close();
    await zalo.close();
  }
}

let zaloSeq = 0;
/** A text a Zalo user types, as the Zalo webhook receives it. */
export const zaloTextFrom = (zaloId: string, text: string) => ({
  event_name: "message.text.received",
  message: {
    message_id: `bench-${Date.now()}-${++zaloSeq}`,
    date: Date.now(),
    from: { id: zaloId, display_name: "Bench" },
    chat: { id: zaloId, chat_type: "PRIVATE" },
    text,
  },
});

let nextUpdateId = 1;
export const callbackFrom = (telegramId: number, messageId: number, data: string) => ({
  update_id: nextUpdateId++,
  callback_query: {
    id: String(nextUpdateId),
    chat_instance: "bench",
    from: { id: telegramId, is_bot: false, first_name: "Bench" },
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: telegramId, type: "private", first_name: "Bench" },
      text: "…",
    },
    data,
  },
});

export const textFrom = (telegramId: number, text: string) => () => ({
  update_id: nextUpdateId++,
  message: {
    message_id: nextUpdateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: telegramId, type: "private", first_name: "Bench" },
    from: { id: telegramId, is_bot: false, first_name: "Bench" },
    text,
    ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] } : {}),
  },
});

/**
 * Each scenario's updates in batches (`batch` in a row to the app, then as
 * many to each echo floor), rounds of batches interleaved so drift in the
 * machine's load hits app and floors alike. One warm-up round first
 * (isolates, JIT, SQLite page cache). CPU is the worker's workerd time
 * between one request and the next (what it finished after answering
 * included); the bench's own Node process (and the fake Bot API in it) is
 * not counted.
 */
export async function measure(
  stack: BenchStack,
  scenarios: WebhookScenario[],
  runs: number,
  batch = 15,
): Promise<{ rows: WebhookFigures[]; floors: WebhookFigures[]; check: string }> {
  const appCpu = stack.meter("app");
  const echoCpu = stack.meter("echo");
  const times: number[][] = scenarios.map(() => []);
  const trips: number[][] = scenarios.map(() => []);
  const after: number[][] = scenarios.map(() => []);
  const floorTimes = newFloorTimes();
  const rounds = Math.ceil(runs / batch);
  for (let round = -1; round < rounds; round++) {
    for (const [k, scenario] of scenarios.entries()) {
      for (let i = 0; i < batch; i++) {
        appCpu.start(scenario.name);
        const a = await stack.send("app", scenario.update(0));
        if (round < 0) continue;
        times[k]!.push(a.ms);
        if (a.roundTrips !== null) trips[k]!.push(a.roundTrips);
        if (a.tripsAfter !== null) after[k]!.push(a.tripsAfter);
      }
      await settle();
      appCpu.stop();
    }
    await floorRound(stack, echoCpu, batch, round < 0 ? null : floorTimes);
    if (round < 0) resetMeters(appCpu, echoCpu);
  }
  return {
    rows: scenarios.map((s, k) => figures(s.name, times[k]!, trips[k]!, appCpu.perUpdateMs(s.name), after[k]!)),
    floors: floorFigures(floorTimes, echoCpu),
    check: cpuCheck(appCpu, echoCpu),
  };
}

export function figures(
  name: string,
  times: number[],
  trips: number[],
  cpuMs: number | null,
  tripsAfter: number[] = [],
): WebhookFigures {
  return {
    name,
    medianMs: percentile(times, 50),
    p99Ms: percentile(times, 99),
    roundTrips: trips.length ? Math.max(...trips) : null,
    tripsAfter: tripsAfter.length ? Math.max(...tripsAfter) : null,
    cpuMs,
  };
}

/**
 * The floors, measured side by side: the bare grammY echo bot (the floor the
 * ratios are taken against), and the same bot making 1, 2 or 3 D1 round
 * trips first. Locally D1 runs inside the worker's own workerd, so its work
 * counts in the worker's CPU (on Cloudflare it does not): these rows show
 * what the round trips alone cost, beside each update with as many.
 */
export const FLOORS = [
  { name: "floor: bare grammY echo bot", trips: 0 },
  { name: "floor + 1 D1 round trip (a claim written, a row read)", trips: 1 },
  { name: "floor + 2 D1 round trips (… and a write)", trips: 2 },
  { name: "floor + 3 D1 round trips (… and a read)", trips: 3 },
] as const;
export const FLOOR = FLOORS[0].name;

export type FloorTimes = Map<string, number[]>;

export const newFloorTimes = (): FloorTimes => new Map(FLOORS.map((f) => [f.name, []]));

export function floorFigures(times: FloorTimes, echoCpu: CpuMeter): WebhookFigures[] {
  return FLOORS.map((f) => figures(f.name, times.get(f.name)!, [f.trips], echoCpu.perUpdateMs(f.name)));
}

/**
 * The floors' half of an interleaved round: `count` updates to each echo
 * floor, timed (into `times` unless warming up) and metered. After the
 * app's half, so load drift hits both alike.
 */
export async function floorRound(stack: BenchStack, echoCpu: CpuMeter, count: number, times: FloorTimes | null): Promise<void> {
  for (const floor of FLOORS) {
    for (let i = 0; i < count; i++) {
      echoCpu.start(floor.name);
      const echo = await stack.send("echo", textFrom(42, "xin chào")(), floor.trips);
      times?.get(floor.name)?.push(echo.ms);
    }
    await settle();
    echoCpu.stop();
  }
}

/**
 * The end of an interleaved round of a flow: the app's half is metered up to
 * here, then the floors' half; a warm-up round's figures are dropped.
 */
export async function closeRound(
  stack: BenchStack,
  appCpu: CpuMeter,
  echoCpu: CpuMeter,
  o: { count: number; floorTimes: FloorTimes; warmUp: boolean },
): Promise<void> {
  await settle();
  appCpu.stop();
  await floorRound(stack, echoCpu, o.count, o.warmUp ? null : o.floorTimes);
  if (o.warmUp) resetMeters(appCpu, echoCpu);
}

function resetMeters(...meters: CpuMeter[]): void {
  for (const m of meters) m.reset();
}

/** schedstat (per thread, ns) against /proc/<pid>/stat utime+stime (ticks) over the whole measurement. */
export function cpuCheck(app: CpuMeter, echo: CpuMeter): string {
  const a = app.since();
  const e = echo.since();
  if (!a || !e) return "CPU: workerd not found, not measured.";
  const f = (x: number) => `${Math.round(x)} ms`;
  return `CPU check, whole measurement after warm-up (thread schedstat / process utime+stime): app ${f(a.schedstatMs)} / ${f(a.statMs)}, echo ${f(e.schedstatMs)} / ${f(e.statMs)}.`;
}

/**
 * Each update against the bare echo floor (wall and CPU), and its CPU against
 * the floor making as many D1 round trips (before and after the answer).
 */
export function webhookTable(rows: WebhookFigures[], floors: WebhookFigures[]): string {
  const floor = floors[0]!;
  const lines = [
    "| update | median | p99 | × floor (median) | CPU per update | × floor CPU | D1 round trips (+ after the answer) | × CPU of the floor with as many round trips |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const ratio = (a: number | null, b: number | null | undefined) =>
    a === null || b === null || b === undefined ? "–" : (a / b).toFixed(2);
  for (const r of [...floors, ...rows]) {
    const isFloor = floors.includes(r);
    const total = (r.roundTrips ?? 0) + (r.tripsAfter ?? 0);
    const matched = isFloor ? undefined : floors.find((f) => f.roundTrips === total);
    const trips = r.roundTrips === null ? "–" : r.tripsAfter ? `${r.roundTrips} + ${r.tripsAfter}` : String(r.roundTrips);
    const cpu = r.cpuMs === null ? "–" : formatMs(r.cpuMs);
    lines.push(
      `| ${r.name} | ${formatMs(r.medianMs)} | ${formatMs(r.p99Ms)} | ${ratio(r.medianMs, floor.medianMs)} | ${cpu} | ${ratio(r.cpuMs, floor.cpuMs)} | ${trips} | ${isFloor ? "–" : ratio(r.cpuMs, matched?.cpuMs)} |`,
    );
  }
  return lines.join("\n");
}

export const demoOfficial = demoMembers.find((m) => m.unitName === "UBND huyện" && m.role === "member")!;
export const demoAdmin = demoMembers.find((m) => m.unitName === "Ban Tổ chức Huyện ủy" && m.role === "admin")!;
