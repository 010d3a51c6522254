/**
 * The báo cáo (.docx) of the benchmark's plan of 100,000 assignments against
 * the .xlsx export of the same plan, interleaved in the same run: CPU of the
 * caller (Node, standing for the Worker: the same V8 and CompressionStream)
 * and of workerd (local D1's SQL), each as a ratio to the export's.
 */
import { readdirSync, readFileSync } from "node:fs";
import { planReport, reportFile } from "../../bot/plan-report-file";
import { exportTexts } from "../../bot/texts/admin-export";
import { periodFromCode, type ReportPeriod } from "../../core/plan-report/period";
import { exportReport } from "../../core/report/export";
import { buildWorkbook } from "../../core/xlsx";
import { createDb } from "../../db/client";
import { exportSource } from "../../db/queries/export";
import type { StatementStats } from "../../db/queries/stats";
import { cpuNs } from "./cpu";
import { formatMs, percentile } from "./stats";

/** Processes started under this one (wrangler's workerd): their CPU is the local D1's. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone */
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, p] of parent) {
      if (p !== pid) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

interface Sample {
  wallMs: number;
  nodeMs: number;
  workerdMs: number;
}

async function sample(run: () => Promise<unknown>, others: number[]): Promise<Sample> {
  const others0 = others.reduce((n, pid) => n + cpuNs(pid), 0);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const others1 = others.reduce((n, pid) => n + cpuNs(pid), 0);
  return { wallMs, nodeMs: (cpu.user + cpu.system) / 1000, workerdMs: (others1 - others0) / 1e6 };
}

const median = (xs: Sample[], key: keyof Sample) =>
  percentile(
    xs.map((x) => x[key]),
    50,
  );

export async function planReportBenchmark(d1: D1Database, today: string, runs = 2): Promise<string> {
  const now = new Date(`${today}T05:00:00.000Z`);
  const workerd = descendants(process.pid);
  const db = createDb(d1);
  const running = periodFromCode(`${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`)!;
  const past = periodFromCode(`${Number(today.slice(0, 4)) - 1}`)!;
  let bytes = { xlsx: 0, running: 0, past: 0 };
  const stats: Record<string, StatementStats[]> = {};
  const xlsx = async () => {
    const report = exportReport(await exportSource(d1, 1), today, exportTexts);
    bytes.xlsx = (await buildWorkbook(report.sheets)).length;
  };
  const docx = (period: ReportPeriod, key: "running" | "past") => async () => {
    const built = await planReport(db, { planId: 1, period, layout: "party", now });
    if (!built.ok) throw new Error(`report refused: ${built.reason}`);
    stats[key] = built.stats;
    bytes = { ...bytes, [key]: (await reportFile(built.data, built.doc, now)).bytes.length };
  };
  const samples: Record<"xlsx" | "running" | "past", Sample[]> = { xlsx: [], running: [], past: [] };
  // One warm-up round, then rounds that interleave the three, so load on the machine falls on each alike.
  for (let round = 0; round <= runs; round++) {
    const x = await sample(xlsx, workerd);
    const r = await sample(docx(running, "running"), workerd);
    const p = await sample(docx(past, "past"), workerd);
    if (round === 0) continue;
    samples.xlsx.push(x);
    samples.running.push(r);
    samples.past.push(p);
  }
  const base = { node: median(samples.xlsx, "nodeMs"), workerd: median(samples.xlsx, "workerdMs") };
  const line = (name: string, s: Sample[], size: number, st?: StatementStats[]) => {
    const node = median(s, "nodeMs");
    const sql = median(s, "workerdMs");
    const read = st ? st.reduce((n, x) => n + x.rowsRead, 0) : null;
    return `| ${name} | ${formatMs(median(s, "wallMs"))} | ${formatMs(node)} | ${(node / base.node).toFixed(2)} | ${formatMs(sql)} | ${(sql / base.workerd).toFixed(2)} | ${formatMs(node + sql)} | ${((node + sql) / (base.node + base.workerd)).toFixed(2)} | ${(size / 1024).toFixed(0)} KiB | ${read ?? "–"} |`;
  };
  return [
    `Median of ${runs} interleaved rounds after one warm-up. CPU of the caller (Node: what the Worker does) and of workerd (local D1's SQL; on Cloudflare not the Worker's CPU), each against the .xlsx export of the same plan in the same round.`,
    "",
    "| step | wall | caller CPU | × export | D1 (workerd) CPU | × export | CPU total | × export | file | rows read |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    line("/xuat: .xlsx export (baseline)", samples.xlsx, bytes.xlsx),
    line(`/lapbaocao: .docx, ${running.label} (running: as of now)`, samples.running, bytes.running, stats.running),
    line(`/lapbaocao: .docx, ${past.label} (past: as of its end)`, samples.past, bytes.past, stats.past),
    workerd.length === 0 ? "\n(workerd's process was not found: its CPU reads 0.)" : "",
  ].join("\n");
}
