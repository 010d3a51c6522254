/**
 * The monitoring office's heaviest screens on a large database: the
 * overview (/tongquan, and the back office's /web page) and the export (/xuat) of one plan of 100,000
 * assignments (2,000 tasks × 50 units, 2,000 units, 20,000 members, from
 * the alerts benchmark's seeder, scripts/bench/alerts-seed.ts), beside a
 * plain `select count(*) from assignments` measured in the same run.
 * Reported: time (median), D1's rows_read against rows returned.
 *
 * D1 runs in workerd behind wrangler's platform proxy; the workbook is
 * built in Node (the same V8 and the same web-standard CompressionStream as
 * a Worker), so its time stands for the Worker's CPU time.
 */
import { rmSync } from "node:fs";
import { getPlatformProxy } from "wrangler";
import { exportTexts } from "../../bot/texts/admin-export";
import { csvBytes } from "../../core/report/csv";
import { exportReport } from "../../core/report/export";
import { DEFAULT_SOON_DAYS } from "../../core/status/derive";
import { addDays } from "../../core/time/vietnam-date";
import { buildWorkbook } from "../../core/xlsx";
import { exportSource } from "../../db/queries/export";
import { overdueByUnit, planOverview } from "../../db/queries/overview";
import { statsOf, type StatementStats } from "../../db/queries/stats";
import { applyLocalMigrations } from "../lib/wrangler";
import { scanSeedStatements } from "./alerts-seed";
import { planReportBenchmark } from "./plan-report";
import { renderWebOverview } from "./web-overview";
import { formatMs, percentile } from "./stats";

const TODAY = "2026-06-08";
const STATE = ".wrangler/bench-admin";

interface Row {
  name: string;
  ms: number;
  stats: StatementStats[];
}

async function timed<T>(runs: number, run: () => Promise<T>): Promise<{ ms: number; last: T }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    last = await run();
    if (i >= 2) times.push(performance.now() - t0); // two warm-up runs: SQLite page cache, JIT
  }
  return { ms: percentile(times, 50), last: last! };
}

export async function adminBenchmark(runs = 7): Promise<string> {
  rmSync(STATE, { recursive: true, force: true });
  applyLocalMigrations(STATE);
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: "wrangler.toml", persist: { path: `${STATE}/v3` } });
  try {
    const d1 = proxy.env.DB;
    // One plan holding all 100,000 assignments: the worst case for a per-plan screen.
    for (const sql of scanSeedStatements(TODAY, {
      units: 2_000,
      membersPerUnit: 10,
      plans: 1,
      tasksPerPlan: 2_000,
      unitsPerTask: 50,
    }))
      await d1.prepare(sql).run();
    await d1.prepare("update plans set archived = 0").run();
    const count = async (table: string) => (await d1.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;
    const sizes = `${await count("assignments")} assignments in one plan, ${await count("units")} units, ${await count("members")} members, ${await count("progress_reports")} progress reports`;

    const rows: Row[] = [];
    const baseline = await timed(runs, () => d1.prepare("select count(*) as n from assignments").all());
    rows.push({ name: "baseline: select count(*) from assignments", ms: baseline.ms, stats: [statsOf("count", baseline.last)] });

    // What moving 100,000 rows from D1 to the caller costs by itself, to read the export's figure against.
    const transfer = await timed(Math.min(runs, 3), () =>
      d1.prepare("select a.*, t.ref, t.title from assignments a join tasks t on t.id = a.task_id").all(),
    );
    rows.push({
      name: "baseline: 100,000 assignments with their task's title",
      ms: transfer.ms,
      stats: [statsOf("rows", transfer.last)],
    });

    const overview = await timed(runs, () =>
      planOverview(d1, { planId: 1, today: TODAY, soonUntil: addDays(TODAY, DEFAULT_SOON_DAYS) }),
    );
    rows.push({ name: "/tongquan: overview (one batch)", ms: overview.ms, stats: overview.last.stats });

    let pageBytes = 0;
    const webPage = await timed(runs, async () => {
      const page = await renderWebOverview(d1, 1, TODAY);
      pageBytes = page.html.length;
      return page;
    });
    rows.push({
      name: `web /web: overview page, three reads and the render (${Math.round(pageBytes / 1024)} KiB of HTML)`,
      ms: webPage.ms,
      stats: webPage.last.stats,
    });

    const overdue = await timed(runs, () => overdueByUnit(d1, { planId: 1, today: TODAY, offset: 0, limit: 4, perUnit: 3 }));
    rows.push({ name: "/quahan: overdue by unit, first page", ms: overdue.ms, stats: overdue.last.stats });

    // The export as /xuat runs it: rows a page at a time from D1, streamed into the workbook (and, for CSV, into the CSV).
    let xlsxBytes = 0;
    let sheetCount = 0;
    let exportStats: StatementStats[] = [];
    const workbook = await timed(Math.min(runs, 3), async () => {
      exportStats = [];
      const report = exportReport(await exportSource(d1, 1, exportStats), TODAY, exportTexts);
      const bytes = await buildWorkbook(report.sheets);
      xlsxBytes = bytes.length;
      sheetCount = report.sheets.length;
      return report.totals();
    });
    rows.push({
      name: `/xuat: workbook, rows paged from D1 (${exportStats.length} statements)`,
      ms: workbook.ms,
      stats: summed(exportStats),
    });
    let csvSize = 0;
    let csvStats: StatementStats[] = [];
    const csv = await timed(Math.min(runs, 3), async () => {
      csvStats = [];
      const report = exportReport(await exportSource(d1, 1, csvStats), TODAY, exportTexts);
      csvSize = (await csvBytes(report.csvHeader, report.csvRows())).length;
    });
    rows.push({
      name: `/xuat csv: CSV, rows paged from D1 (${csvStats.length} statements)`,
      ms: csv.ms,
      stats: summed(csvStats),
    });

    const report = await planReportBenchmark(d1, TODAY);

    const base = { ms: baseline.ms };
    const table = [
      "| step | wall time (median) | × count(*) baseline | D1 time (meta.duration) | rows read | rows returned | read ÷ returned |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ];
    for (const r of rows) {
      const read = r.stats.reduce((n, s) => n + s.rowsRead, 0);
      const returned = r.stats.reduce((n, s) => n + s.rowsReturned, 0);
      const sql = r.stats.reduce((n, s) => n + s.sqlMs, 0);
      table.push(
        `| ${r.name} | ${formatMs(r.ms)} | ${(r.ms / base.ms).toFixed(1)} | ${formatMs(sql)} | ${read} | ${returned} | ${ratio(read, returned)} |`,
      );
      if (r.stats.length > 1)
        for (const s of r.stats)
          table.push(
            `| · ${s.name} | | | ${formatMs(s.sqlMs)} | ${s.rowsRead} | ${s.rowsReturned} | ${ratio(s.rowsRead, s.rowsReturned)} |`,
          );
    }
    return [
      `Data: ${sizes}; today ${TODAY}. Median of ${runs} runs after 2 warm-up (the export: of 3).`,
      "Wall time is seen from Node through wrangler's platform proxy, which serialises every row between workerd and Node; D1 time is SQLite's own (meta.duration). The second baseline shows what moving 100,000 rows costs by itself.",
      "",
      table.join("\n"),
      "",
      `Workbook: ${(xlsxBytes / 1_048_576).toFixed(1)} MiB .xlsx, ${workbook.last.total} rows (${workbook.last.overdue} overdue), ${sheetCount} sheets (beyond 40 units no sheet per unit); CSV ${(csvSize / 1_048_576).toFixed(1)} MiB.`,
      "",
      "### /lapbaocao: the báo cáo (.docx) of the same plan, against the .xlsx export",
      "",
      report,
    ].join("\n");
  } finally {
    await proxy.dispose();
  }
}

/** A paged read as one line: the pages' figures added up. */
function summed(stats: StatementStats[]): StatementStats[] {
  return [
    stats.reduce(
      (a, s) => ({
        name: "all pages",
        rowsRead: a.rowsRead + s.rowsRead,
        rowsReturned: a.rowsReturned + s.rowsReturned,
        sqlMs: a.sqlMs + s.sqlMs,
      }),
      { name: "all pages", rowsRead: 0, rowsReturned: 0, sqlMs: 0 },
    ),
  ];
}

const ratio = (read: number, returned: number) =>
  returned === 0 ? (read === 0 ? "–" : "∞") : `${(read / returned).toFixed(1)}×`;

if (process.argv[1]?.endsWith("admin.ts")) console.log(await adminBenchmark());
