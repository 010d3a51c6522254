/**
 * The overview of a parent plan whose 100 units each issued a plan of 50
 * tasks (issue 22): the plain overview (db/queries/overview planOverview)
 * against the same overview with the roll-up of the units' plans
 * (db/queries/plan-chain childPlansByUnit), on the same data in the same
 * run. Round trips are counted with db/round-trip-counter.ts; the roll-up
 * must stay within 2 for the whole overview.
 */
import { rmSync } from "node:fs";
import { getPlatformProxy } from "wrangler";
import { DEFAULT_SOON_DAYS } from "../../core/status/derive";
import { addDays } from "../../core/time/vietnam-date";
import { createDb } from "../../db/client";
import { planOverview, planOverviewWith } from "../../db/queries/overview";
import { childPlansByUnit, childPlansQuery } from "../../db/queries/plan-chain";
import { countRoundTrips } from "../../db/round-trip-counter";
import { applyLocalMigrations } from "../lib/wrangler";
import { formatMs, percentile } from "./stats";

const TODAY = "2026-06-08";
const STATE = ".wrangler/bench-chain";
const UNITS = 100;
const CHILD_TASKS = 50;

/** Units 100+k (k = 1…100) under the province; the parent plan (id 1) gives each a planning task and an ordinary one; unit k's plan (id 1+k) has 50 tasks in every state. */
function seedStatements(): string[] {
  const n = (to: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${to})`;
  return [
    "insert into units (id, parent_id, name, name_key) values (1, null, 'Tỉnh ủy bench', 'tinh uy bench'), (2, 1, 'Ban Tổ chức bench', 'ban to chuc bench')",
    `${n(UNITS)} insert into units (id, parent_id, name, name_key) select 100 + i, 1, 'Đảng ủy xã ' || i, 'dang uy xa ' || i from n`,
    "insert into plans (id, issuer_unit_id, monitor_unit_id, number, title) values (1, 1, 2, '1-KH/TU', 'Kế hoạch cấp tỉnh bench')",
    `${n(UNITS * 2)} insert into tasks (id, plan_id, ref, title, deadline_kind, due_on, sort_order)
       select i, 1, i, case when i % 2 = 1 then 'Xây dựng kế hoạch thực hiện' else 'Tổ chức hội nghị quán triệt' end,
              'date', date('${TODAY}', (i % 60 - 30) || ' days'), i from n`,
    `${n(UNITS * 2)} insert into assignments (id, task_id, unit_id, role, state) select i, i, 100 + (i + 1) / 2, 'lead', 'open' from n`,
    `${n(UNITS)} insert into plans (id, issuer_unit_id, monitor_unit_id, number, title, issued_on, parent_plan_id)
       select 1 + i, 100 + i, 100 + i, i || '-KH/ĐU', 'Kế hoạch của xã ' || i, date('${TODAY}', '-' || (i % 90) || ' days'), 1 from n`,
    `${n(UNITS * CHILD_TASKS)} insert into tasks (id, plan_id, ref, title, deadline_kind, due_on, sort_order)
       select 1000 + i, 2 + (i - 1) / ${CHILD_TASKS}, i, 'Nhiệm vụ ' || i, 'date', date('${TODAY}', (i % 120 - 60) || ' days'), i from n`,
    `${n(UNITS * CHILD_TASKS)} insert into assignments (id, task_id, unit_id, role, state, reported_done_at)
       select 1000 + i, 1000 + i, 101 + (i - 1) / ${CHILD_TASKS}, 'lead',
              case i % 4 when 0 then 'done' when 1 then 'in_progress' when 2 then 'open' else 'awaiting_confirmation' end,
              case when i % 4 in (0, 3) then date('${TODAY}', (i % 100 - 50) || ' days') end
       from n`,
    `${n(UNITS)} insert into plan_links (child_plan_id, assignment_id) select 1 + i, 2 * i - 1 from n`,
  ];
}

async function timed<T>(runs: number, run: () => Promise<T>): Promise<{ ms: number; last: T }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    last = await run();
    if (i >= 2) times.push(performance.now() - t0); // two warm-up runs
  }
  return { ms: percentile(times, 50), last: last! };
}

export async function planChainBenchmark(runs = 25): Promise<string> {
  rmSync(STATE, { recursive: true, force: true });
  applyLocalMigrations(STATE);
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: "wrangler.toml", persist: { path: `${STATE}/v3` } });
  try {
    const d1 = proxy.env.DB;
    for (const sql of seedStatements()) await d1.prepare(sql).run();
    const count = async (query: string) => (await d1.prepare(query).first<{ n: number }>())!.n;
    const sizes = `${await count("select count(*) as n from plans where parent_plan_id = 1")} child plans, ${await count("select count(*) as n from tasks")} tasks, ${await count("select count(*) as n from assignments")} assignments`;
    const params = { planId: 1, today: TODAY, soonUntil: addDays(TODAY, DEFAULT_SOON_DAYS), top: 5 };

    const plain = await timed(runs, async () => {
      const counted = countRoundTrips(d1);
      await planOverview(counted.d1, params);
      return counted.roundTrips();
    });
    // What the overview pages and /tongquan run: the roll-up in the overview's own batch.
    const rolled = await timed(runs, async () => {
      const counted = countRoundTrips(d1);
      const [, units] = await planOverviewWith(counted.d1, params, childPlansQuery(counted.d1, 1, TODAY));
      return { roundTrips: counted.roundTrips(), units };
    });
    const rollupOnly = await timed(runs, async () => {
      const counted = countRoundTrips(d1);
      await childPlansByUnit(createDb(counted.d1), 1, TODAY);
      return counted.roundTrips();
    });
    const issued = rolled.last.units.filter((u) => u.plans.length > 0).length;
    const childTasks = rolled.last.units.reduce((sum, u) => sum + u.plans.reduce((s, p) => s + p.tasks, 0), 0);
    const table = [
      "| step | wall time (median) | × plain overview | D1 round trips |",
      "| --- | ---: | ---: | ---: |",
      `| plain overview of the parent plan (planOverview) | ${formatMs(plain.ms)} | 1.0 | ${plain.last} |`,
      `| roll-up alone (childPlansByUnit) | ${formatMs(rollupOnly.ms)} | ${(rollupOnly.ms / plain.ms).toFixed(2)} | ${rollupOnly.last} |`,
      `| overview with the roll-up, one batch (planOverviewWith) | ${formatMs(rolled.ms)} | ${(rolled.ms / plain.ms).toFixed(2)} | ${rolled.last.roundTrips} |`,
    ];
    const verdict =
      rolled.last.roundTrips <= 2
        ? `Round trips: ${rolled.last.roundTrips} (at most 2 required).`
        : `ROUND TRIPS OVER BUDGET: ${rolled.last.roundTrips} (at most 2 required).`;
    return [
      `Data: ${sizes}; today ${TODAY}. Median of ${runs} runs after 2 warm-up; wall time seen from Node through wrangler's platform proxy.`,
      "",
      table.join("\n"),
      "",
      `${verdict} The roll-up found ${issued} units with a plan, ${childTasks} tasks in their plans.`,
    ].join("\n");
  } finally {
    await proxy.dispose();
  }
}

if (process.argv[1]?.endsWith("plan-chain.ts")) console.log(await planChainBenchmark());
