/**
 * Deadline alert benchmarks.
 *
 * (a) The due scan over a large committee (100,000 assignments, 20,000
 *     members) in a local D1: time, and D1's own rows_read against the rows
 *     returned, first with the schema as it is, then with the indexes the scan
 *     asks for (ALERT_SCAN_INDEXES, created in the benchmark's database only).
 * (b) Delivery: the cron handler under `wrangler dev` finds N alerts, the
 *     local queue fans them out, the consumer sends them to a fake Bot API
 *     that allows 30 messages a second and answers 429 beyond. Reported: the
 *     rate achieved as a share of 30/s, duplicates and losses.
 */
import { rmSync } from "node:fs";
import { getPlatformProxy } from "wrangler";
import { WorkingCalendar } from "../../core/alerts/calendar";
import { DEFAULT_ALERT_CONFIG } from "../../core/alerts/config";
import { planAlerts } from "../../core/alerts/plan";
import { MuteSet } from "../../core/alerts/recipients";
import { checkinPeriodKeys, dueHorizon } from "../../core/alerts/rules";
import { ALERT_SCAN_INDEXES, scanDueAlerts, scanStatements, type DueScan } from "../../db/queries/alerts";
import { startFakeBotApi } from "../fake-telegram/server";
import { applyLocalMigrations, startWranglerDev } from "../lib/wrangler";
import { formatMs, percentile } from "./stats";
import { deliverySeedStatements, scanSeedStatements } from "./alerts-seed";

/** A Monday, 08:00 in Vietnam: the morning cron. */
const TODAY = "2026-06-08";
const CRON_TIME = Date.parse(`${TODAY}T08:00:00+07:00`);
const TELEGRAM_LIMIT = 30;
const TOKEN = "123456789:BENCH-TOKEN";

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
  const state = ".wrangler/bench-alerts-scan";
  rmSync(state, { recursive: true, force: true });
  applyLocalMigrations(state);
  const calendar = new WorkingCalendar();
  const params = { today: TODAY, horizon: dueHorizon(TODAY, DEFAULT_ALERT_CONFIG, calendar), checkinPeriods: checkinPeriodKeys(TODAY) };

  return withD1(state, async (d1) => {
    await seed(d1, scanSeedStatements(TODAY, { units: 2_000, membersPerUnit: 10, plans: 20, tasksPerPlan: 100, unitsPerTask: 50 }));
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

    const rows = ["| statement | rows read (schema as is) | rows read (with indexes) | rows returned | read ÷ returned (with indexes) |", "| --- | ---: | ---: | ---: | ---: |"];
    const total = { before: 0, after: 0, returned: 0 };
    after.scan.stats.forEach((s, i) => {
      const b = before.scan.stats[i]!;
      total.before += b.rowsRead;
      total.after += s.rowsRead;
      total.returned += s.rowsReturned;
      rows.push(`| ${s.name} | ${b.rowsRead} | ${s.rowsRead} | ${s.rowsReturned} | ${ratio(s.rowsRead, s.rowsReturned)} |`);
    });
    rows.push(`| **whole scan** | **${total.before}** | **${total.after}** | **${total.returned}** | **${ratio(total.after, total.returned)}** |`);
    return [
      `Data: ${sizes}; today ${TODAY}, horizon ${params.horizon}.`,
      "",
      rows.join("\n"),
      "",
      `Scan time (median of 5 after 3 warm-up, D1 reached from Node through wrangler's platform proxy): ${formatMs(before.ms)} as is, ${formatMs(after.ms)} with the indexes.`,
      `Planning the alerts from the scan (pure, in Node): ${formatMs(planMs)}, ${planned.length} alerts in force (most already written by earlier runs in a live system).`,
      "",
      "Query plans, schema as is:",
      planBefore,
      "Query plans, with ALERT_SCAN_INDEXES:",
      planAfter,
    ].join("\n");
  });
}

const ratio = (read: number, returned: number) => (returned === 0 ? (read === 0 ? "–" : "∞") : `${(read / returned).toFixed(2)}×`);

// ------------------------------------------------------------------ (b) delivery

export interface DeliveryFigures {
  rate: number;
  expected: number;
  delivered: number;
  duplicates: number;
  lost: number;
  throttled: number;
  sendingSeconds: number;
  endToEndSeconds: number;
  statuses: Record<string, number>;
}

export async function deliveryBenchmark(alerts: number, rates: number[]): Promise<string> {
  const state = ".wrangler/bench-alerts-delivery";
  const fake = await startFakeBotApi({ port: 0, rateLimit: { globalPerSecond: TELEGRAM_LIMIT }, maxLog: alerts * 4 + 1000 });
  const results: DeliveryFigures[] = [];
  try {
    for (const rate of rates) {
      rmSync(state, { recursive: true, force: true });
      applyLocalMigrations(state);
      await withD1(state, (d1) => seed(d1, deliverySeedStatements(TODAY, alerts)));
      fake.api.reset();
      results.push(await deliverOnce(fake, state, alerts, rate));
    }
  } finally {
    await fake.close();
  }
  const lines = [
    "| consumer pace (ALERT_RATE) | alerts | delivered | duplicates | lost | 429s | sending | achieved | share of 30/s | cron → last message | outbox after |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const r of results) {
    const achieved = (r.delivered - 1) / r.sendingSeconds;
    lines.push(
      `| ${r.rate}/s | ${r.expected} | ${r.delivered} | ${r.duplicates} | ${r.lost} | ${r.throttled} | ${r.sendingSeconds.toFixed(1)} s | ${achieved.toFixed(1)}/s | ${((achieved / TELEGRAM_LIMIT) * 100).toFixed(1)}% | ${r.endToEndSeconds.toFixed(1)} s | ${Object.entries(r.statuses).map(([k, v]) => `${k} ${v}`).join(", ")} |`,
    );
  }
  return lines.join("\n");
}

async function deliverOnce(fake: Awaited<ReturnType<typeof startFakeBotApi>>, state: string, expected: number, rate: number): Promise<DeliveryFigures> {
  const worker = await startWranglerDev({
    port: 8796,
    persistTo: state,
    logFile: `${state}-${rate}.log`,
    extraArgs: ["--test-scheduled"],
    vars: {
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_SECRET: "bench-secret",
      ALERT_SEND_HOURS: "0-24",
      ALERT_SEND_ON_DAYS_OFF: "true",
      ALERT_RATE: String(rate),
    },
  });
  let figures: Omit<DeliveryFigures, "statuses">;
  try {
    const t0 = Date.now();
    const response = await fetch(`${worker.url}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("0 1 * * 1-5")}&time=${CRON_TIME}`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`scheduled handler answered ${response.status}`);

    const deadline = Date.now() + (expected / Math.min(rate, TELEGRAM_LIMIT)) * 2000 + 60_000;
    const delivered = () => fake.api.calls({ method: "sendMessage" }).filter((c) => c.ok);
    while (new Set(delivered().map(key)).size < expected && Date.now() < deadline) await sleep(250);
    await sleep(3_000); // anything sent twice would arrive now
    const calls = fake.api.calls({ method: "sendMessage" });
    const ok = calls.filter((c) => c.ok);
    const distinct = new Set(ok.map(key)).size;
    const times = ok.map((c) => c.time);
    figures = {
      rate,
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
    const { results } = await d1.prepare("select status, count(*) as n from reminders group by status").all<{ status: string; n: number }>();
    return Object.fromEntries(results.map((r) => [r.status, r.n]));
  });
  return { ...figures, statuses };
}

const key = (c: { chat_id?: number | string; params: Record<string, unknown> }) => `${c.chat_id}|${String(c.params.text)}`;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
