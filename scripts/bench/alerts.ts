/**
 * Deadline alert benchmarks.
 *
 * (a) The due scan over a large committee (100,000 assignments, 20,000
 *     members) in a local D1: time, and D1's own rows_read against the rows
 *     returned, without and then with the indexes the scan relies on
 *     (ALERT_SCAN_INDEXES; also in the schema's migration).
 * (b) Delivery: the cron handler under `wrangler dev` finds N alerts, the
 *     local queue fans them out, the consumer sends them to a fake Bot API
 *     that allows 30 messages a second and answers 429 beyond. Reported: the
 *     rate achieved as a share of 30/s, duplicates and losses.
 */
import { spawnSync } from "node:child_process";
import { freePort } from "../lib/free-port";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { getPlatformProxy } from "wrangler";
import { WorkingCalendar } from "../../core/alerts/calendar";
import { DEFAULT_ALERT_CONFIG } from "../../core/alerts/config";
import { planAlerts } from "../../core/alerts/plan";
import { MuteSet } from "../../core/alerts/recipients";
import { checkinPeriodKeys, dueHorizon } from "../../core/alerts/rules";
import { ALERT_SCAN_INDEXES, scanDueAlerts, scanStatements, type DueScan } from "../../db/queries/alerts";
import { startFakeBotApi } from "../fake-telegram/server";
import { startFakeZaloApi } from "../fake-zalo/server";
import { applyLocalMigrations, quietWranglerEnv, startWranglerDev } from "../lib/wrangler";
import { formatMs, percentile } from "./stats";
import { deliverySeedStatements, scanSeedStatements } from "./alerts-seed";

/** A Monday, 08:00 in Vietnam: the morning cron. */
const TODAY = "2026-06-08";
const CRON_TIME = Date.parse(`${TODAY}T08:00:00+07:00`);
const TELEGRAM_LIMIT = 30;
/** Zalo publishes no limit: the bench pretends 10/s and checks the consumer reaches it without losing or repeating. */
const ZALO_BENCH_LIMIT = 10;
const TOKEN = "123456789:BENCH-TOKEN";
const ZALO_TOKEN = "bench-zalo-token-123";
/** Per process, so two benchmark runs at once (two sessions on one tree) do not share databases. */
const WORK = `.wrangler/bench-alerts-${process.pid}`;

async function withD1<T>(persistTo: string, run: (d1: D1Database) => Promise<T>): Promise<T> {
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: "wrangler.toml", persist: { path: `${persistTo}/v3` } });
  try {
    return await run(proxy.env.DB);
  } finally {
    await proxy.dispose();
  }
}

async function seed(d1: D1Database, statements: string[]): Promise<void> {
  for (const sql of statements) await d1.prepare(sql).run();
}

// ------------------------------------------------------------------ (a) the scan

export async function scanBenchmark(): Promise<string> {
  const state = `${WORK}/scan`;
  rmSync(state, { recursive: true, force: true });
  applyLocalMigrations(state);
  const calendar = new WorkingCalendar();
  const params = {
    today: TODAY,
    horizon: dueHorizon(TODAY, DEFAULT_ALERT_CONFIG, calendar),
    checkinPeriods: checkinPeriodKeys(TODAY),
  };

  const measured = await withD1(state, async (d1) => {
    await seed(
      d1,
      scanSeedStatements(TODAY, { units: 2_000, membersPerUnit: 10, plans: 20, tasksPerPlan: 100, unitsPerTask: 50 }),
    );
    const count = async (table: string) => (await d1.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;
    const sizes = `${await count("assignments")} assignments, ${await count("members")} members, ${await count("tasks")} tasks, ${await count("progress_reports")} progress reports`;

    const measure = async () => {
      const times: number[] = [];
      let last: DueScan | null = null;
      for (let i = 0; i < 8; i++) {
        const t0 = performance.now();
        last = await scanDueAlerts(d1, params);
        if (i >= 3) times.push(performance.now() - t0);
      }
      return { ms: percentile(times, 50), scan: last! };
    };
    const explain = async () => {
      const lines: string[] = [];
      for (const [name, sql] of Object.entries(scanStatements)) {
        const arg = name === "checkins" ? JSON.stringify(params.checkinPeriods) : params.horizon;
        const statement = d1.prepare(`explain query plan ${sql}`);
        const { results } = await (sql.includes("?1") ? statement.bind(arg) : statement).all<{ detail: string }>();
        lines.push(`    ${name}: ${results.map((r) => r.detail).join(" → ")}`);
      }
      return lines.join("\n");
    };

    // The migration may already have them: drop them for the "without" figures, then put them back.
    for (const sql of ALERT_SCAN_INDEXES)
      await d1.prepare(`drop index if exists ${/index if not exists (\w+)/.exec(sql)![1]}`).run();
    const before = await measure();
    const planBefore = await explain();
    for (const sql of ALERT_SCAN_INDEXES) await d1.prepare(sql).run();
    const after = await measure();
    const planAfter = await explain();

    const t0 = performance.now();
    const planned = planAlerts({
      today: TODAY,
      config: DEFAULT_ALERT_CONFIG,
      calendar,
      assignments: after.scan.assignments,
      checkins: after.scan.checkins,
      members: after.scan.members,
      admins: after.scan.admins,
      mutes: new MuteSet(after.scan.mutes, TODAY),
      extensionsPending: after.scan.extensionsPending,
      completionsPending: after.scan.completionsPending,
    });
    const planMs = performance.now() - t0;

    const rows = [
      "| statement | rows read (without the alert indexes) | rows read (with them) | rows returned | read ÷ returned (with them) |",
      "| --- | ---: | ---: | ---: | ---: |",
    ];
    const total = { before: 0, after: 0, returned: 0 };
    after.scan.stats.forEach((s, i) => {
      const b = before.scan.stats[i]!;
      total.before += b.rowsRead;
      total.after += s.rowsRead;
      total.returned += s.rowsReturned;
      rows.push(`| ${s.name} | ${b.rowsRead} | ${s.rowsRead} | ${s.rowsReturned} | ${ratio(s.rowsRead, s.rowsReturned)} |`);
    });
    rows.push(
      `| **whole scan** | **${total.before}** | **${total.after}** | **${total.returned}** | **${ratio(total.after, total.returned)}** |`,
    );
    return [
      `Data: ${sizes}; today ${TODAY}, horizon ${params.horizon}.`,
      "",
      rows.join("\n"),
      "",
      `Scan time (median of 5 after 3 warm-up, D1 reached from Node through wrangler's platform proxy, so mostly moving 50,000 rows): ${formatMs(before.ms)} without the indexes, ${formatMs(after.ms)} with them.`,
      `Planning the alerts from the scan (pure, in Node): ${formatMs(planMs)}, ${planned.length} alerts in force (most already written by earlier runs in a live system).`,
      "",
      "Query plans, without the alert indexes:",
      planBefore,
      "Query plans, with them (ALERT_SCAN_INDEXES):",
      planAfter,
    ].join("\n");
  });
  return `${measured}\n\n${await cronInWorkerd(state)}`;
}

/**
 * The same scan inside workerd, as the cron job runs it (first run: every
 * alert in force is new, so it also writes and enqueues them all). Figures
 * from the handler's own log line.
 */
async function cronInWorkerd(state: string): Promise<string> {
  const fake = await startFakeBotApi({ port: 0, rateLimit: false, maxLog: 100 });
  const logFile = `${state}-cron.log`;
  const worker = await startWranglerDev({
    port: await freePort(),
    config: frozenWorker(`${WORK}/worker`),
    persistTo: state,
    logFile,
    extraArgs: ["--test-scheduled"],
    vars: { TELEGRAM_API_ROOT: fake.url, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: "bench-secret" },
  });
  try {
    const t0 = performance.now();
    const response = await fetch(
      `${worker.url}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("0 1 * * 1-5")}&time=${CRON_TIME}`,
    );
    await response.arrayBuffer();
    const handlerMs = performance.now() - t0;
    await sleep(500);
    const line = readFileSync(logFile, "utf8")
      .split("\n")
      .find((l) => l.includes('"event":"alerts.run"'));
    if (!response.ok || !line) return `Cron run in workerd: failed (${response.status}); see ${logFile}`;
    const run = JSON.parse(line.slice(line.indexOf("{"))) as {
      scanMs: number;
      rowsRead: number;
      rowsReturned: number;
      written: number;
      enqueued: number;
    };
    return (
      `Cron run in workerd (wrangler dev, with the indexes): scan ${formatMs(run.scanMs)} (${run.rowsRead} rows read, ${run.rowsReturned} returned); ` +
      `whole handler ${formatMs(handlerMs)}, writing ${run.written} reminders to the outbox and enqueueing ${run.enqueued} — a first run, when everything in force is new.`
    );
  } finally {
    await worker.stop();
    await fake.close();
  }
}

const ratio = (read: number, returned: number) =>
  returned === 0 ? (read === 0 ? "–" : "∞") : `${(read / returned).toFixed(2)}×`;

// ------------------------------------------------------------------ (b) delivery

export interface DeliveryScenario {
  /** ALERT_RATE given to the consumer. */
  pace: number;
  /** Messages a second the fake Bot API accepts before answering 429. */
  limit: number;
}

export interface DeliveryFigures extends DeliveryScenario {
  expected: number;
  delivered: number;
  duplicates: number;
  lost: number;
  throttled: number;
  sendingSeconds: number;
  endToEndSeconds: number;
  statuses: Record<string, number>;
}

/**
 * The worker bundled once into its own folder, with a copy of wrangler.toml
 * pointing at the bundle: `wrangler dev` watches its sources and reloads
 * (dropping the local queue's messages) whenever anyone edits the tree.
 */
function frozenWorker(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const build = spawnSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", dir], {
    env: quietWranglerEnv,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${build.stdout}\n${build.stderr}`);
  const config = readFileSync("wrangler.toml", "utf8").replace(/^main = .*$/m, 'main = "index.js"\nno_bundle = true');
  writeFileSync(`${dir}/wrangler.toml`, config);
  return `${dir}/wrangler.toml`;
}

/** What a delivery run needs of a channel's fake API: where it is, its limit, and the sends it saw. */
interface FakeChannel {
  url: string;
  vars: Record<string, string>;
  limit(perSecond: number): void;
  sends(): { ok: boolean; status: number; time: number; key: string }[];
  close(): Promise<void>;
}

async function fakeTelegramChannel(maxLog: number): Promise<FakeChannel> {
  const fake = await startFakeBotApi({ port: 0, maxLog });
  return {
    url: fake.url,
    vars: { TELEGRAM_API_ROOT: fake.url },
    limit(perSecond) {
      fake.api.reset();
      fake.api.configure({ rateLimit: { globalPerSecond: perSecond } });
    },
    sends: () =>
      fake.api.calls({ method: "sendMessage" }).map((c) => ({ ok: c.ok, status: c.status, time: c.time, key: key(c) })),
    close: () => fake.close(),
  };
}

async function fakeZaloChannel(maxLog: number): Promise<FakeChannel> {
  const fake = await startFakeZaloApi({ port: 0, maxLog, token: ZALO_TOKEN });
  return {
    url: fake.url,
    vars: { ZALO_API_ROOT: fake.url, ZALO_BOT_TOKEN: ZALO_TOKEN, ZALO_WEBHOOK_SECRET: "bench-zalo-secret" },
    limit(perSecond) {
      fake.api.reset();
      fake.api.configure({ rate_limit: { perSecond } });
    },
    sends: () =>
      fake.api.calls({ method: "sendMessage" }).map((c) => ({
        ok: c.ok,
        status: c.ok ? 200 : (c.error_code ?? 0),
        time: c.time,
        key: `${c.chat_id}|${String(c.params.text)}`,
      })),
    close: () => fake.close(),
  };
}

export async function deliveryBenchmark(
  alerts: number,
  scenarios: DeliveryScenario[],
  channel: "telegram" | "zalo" = "telegram",
): Promise<string> {
  const state = `${WORK}/delivery`;
  const config = frozenWorker(`${WORK}/worker`);
  const fake = channel === "zalo" ? await fakeZaloChannel(alerts * 4 + 1000) : await fakeTelegramChannel(alerts * 4 + 1000);
  const results: DeliveryFigures[] = [];
  try {
    for (const scenario of scenarios) {
      rmSync(state, { recursive: true, force: true });
      applyLocalMigrations(state);
      await withD1(state, (d1) => seed(d1, deliverySeedStatements(TODAY, alerts, channel)));
      fake.limit(scenario.limit);
      results.push(await deliverOnce(fake, config, state, alerts, scenario, channel));
    }
  } finally {
    await fake.close();
  }
  const lines = [
    `| consumer pace (${channel === "zalo" ? "ZALO_RATE" : "ALERT_RATE"}) | ${channel === "zalo" ? "Zalo API" : "Bot API"} limit | alerts | delivered | duplicates | lost | 429s | sending | achieved | share of the limit | cron → last message | outbox after |`,
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const r of results) {
    const achieved = (r.delivered - 1) / r.sendingSeconds;
    lines.push(
      `| ${r.pace}/s | ${r.limit}/s | ${r.expected} | ${r.delivered} | ${r.duplicates} | ${r.lost} | ${r.throttled} | ${r.sendingSeconds.toFixed(1)} s | ${achieved.toFixed(1)}/s | ${((achieved / r.limit) * 100).toFixed(1)}% | ${r.endToEndSeconds.toFixed(1)} s | ${Object.entries(
        r.statuses,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")} |`,
    );
  }
  return lines.join("\n");
}

async function deliverOnce(
  fake: FakeChannel,
  config: string,
  state: string,
  expected: number,
  scenario: DeliveryScenario,
  channel: "telegram" | "zalo",
): Promise<DeliveryFigures> {
  const rate = scenario.pace;
  const worker = await startWranglerDev({
    port: await freePort(),
    config,
    persistTo: state,
    logFile: `${state}-${rate}-${scenario.limit}.log`,
    extraArgs: ["--test-scheduled"],
    vars: {
      TELEGRAM_API_ROOT: "http://127.0.0.1:9",
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_SECRET: "bench-secret",
      ALERT_SEND_HOURS: "0-24",
      ALERT_SEND_ON_DAYS_OFF: "true",
      ...fake.vars,
      ...(channel === "zalo" ? { ZALO_RATE: String(rate) } : { ALERT_RATE: String(rate) }),
    },
  });
  let figures: Omit<DeliveryFigures, "statuses">;
  try {
    const t0 = Date.now();
    const response = await fetch(
      `${worker.url}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("0 1 * * 1-5")}&time=${CRON_TIME}`,
    );
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`scheduled handler answered ${response.status}`);

    const deadline = Date.now() + (expected / Math.min(rate, scenario.limit)) * 2000 + 60_000;
    const delivered = () => fake.sends().filter((c) => c.ok);
    while (new Set(delivered().map((c) => c.key)).size < expected && Date.now() < deadline) await sleep(250);
    await sleep(3_000); // anything sent twice would arrive now
    const calls = fake.sends();
    const ok = calls.filter((c) => c.ok);
    const distinct = new Set(ok.map((c) => c.key)).size;
    const times = ok.map((c) => c.time);
    figures = {
      ...scenario,
      expected,
      delivered: distinct,
      duplicates: ok.length - distinct,
      lost: expected - distinct,
      throttled: calls.filter((c) => c.status === 429).length,
      sendingSeconds: (Math.max(...times) - Math.min(...times)) / 1000,
      endToEndSeconds: (Math.max(...times) - t0) / 1000,
    };
  } finally {
    await worker.stop();
  }
  const statuses = await withD1(state, async (d1) => {
    const { results } = await d1
      .prepare("select status, count(*) as n from reminders group by status")
      .all<{ status: string; n: number }>();
    return Object.fromEntries(results.map((r) => [r.status, r.n]));
  });
  return { ...figures, statuses };
}

const key = (c: { chat_id?: number | string; params: Record<string, unknown> }) => `${c.chat_id}|${String(c.params.text)}`;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Both alert benchmarks, as `npm run bench` prints them. Flags: `--alerts N`
 * (default 1,000), `--alerts-full` (10,000). Three deliveries: the default
 * pace against Telegram's 30/s, the pace set to the limit itself, and the
 * default pace against a Bot API allowing only 20/s (flood control: 429s).
 */
export async function alertBenchmarks(argv: string[]): Promise<string> {
  const flag = (name: string) => {
    const at = argv.indexOf(name);
    return at > 0 ? argv[at + 1] : undefined;
  };
  const alerts = argv.includes("--alerts-full") ? 10_000 : Number(flag("--alerts") ?? 1_000);
  const pace = DEFAULT_ALERT_CONFIG.messagesPerSecond;
  const scenarios: DeliveryScenario[] = [
    { pace, limit: TELEGRAM_LIMIT },
    { pace: TELEGRAM_LIMIT, limit: TELEGRAM_LIMIT },
    { pace, limit: 20 },
  ];
  const report = [
    "## Deadline alerts: the due scan (100,000 assignments, 20,000 members, local D1)\n",
    await scanBenchmark(),
    `\n## Deadline alerts: ${alerts} alerts, cron → outbox → queue → consumer → fake Bot API (429 beyond its limit)\n`,
    await deliveryBenchmark(alerts, scenarios),
    `\n## Deadline alerts on Zalo: ${alerts} alerts to members reached on Zalo, against a fake Zalo API that allows ${ZALO_BENCH_LIMIT}/s (429 beyond)\n`,
    // At the limit itself, a strict one-second window answers 429 to every few ms of network jitter; 2% under it, hardly ever.
    await deliveryBenchmark(
      alerts,
      [
        { pace: ZALO_BENCH_LIMIT, limit: ZALO_BENCH_LIMIT },
        { pace: ZALO_BENCH_LIMIT * 0.98, limit: ZALO_BENCH_LIMIT },
      ],
      "zalo",
    ),
  ].join("\n");
  // Kept after a failure: the wrangler logs in it say why.
  rmSync(WORK, { recursive: true, force: true });
  return report;
}
