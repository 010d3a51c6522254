import { csvBytes } from "../core/report/csv";
import { exportReport } from "../core/report/export";
import type { ExportTarget } from "../core/report/targets-sheet";
import { foldText } from "../core/text/fold";
import { formatDate, vietnamDate } from "../core/time/vietnam-date";
import { buildWorkbook } from "../core/xlsx";
import type { Db } from "../db/client";
import type { ExportSource } from "../core/report/export";
import type { PlanInfo } from "../db/queries/plans";
import { planTargets, type TargetList } from "../db/queries/targets";
import { planLabel } from "./render/plan";
import { adminTexts, exportTexts } from "./texts";

const t = adminTexts.export;

export type ExportFormat = "xlsx" | "csv";

export interface ExportFile {
  bytes: Uint8Array;
  name: string;
  mime: string;
  /** HTML. */
  caption: string;
}

/** A plan's report as a workbook (summary by unit, targets, all tasks, overdue, a sheet per unit) or CSV: the same file in chat, from the queue, and on the web. */
export async function buildExportFile(
  db: Db,
  plan: PlanInfo,
  source: ExportSource,
  format: ExportFormat,
  now: Date,
): Promise<ExportFile> {
  const today = vietnamDate(now);
  const report = exportReport(source, today, exportTexts, exportTargets(await planTargets(db, plan.id)));
  const name = exportFileName(plan, today, format);
  const label = planLabel(plan);
  if (format === "csv") {
    return {
      bytes: await csvBytes(report.csvHeader, report.csvRows()),
      name,
      mime: "text/csv",
      caption: t.csvCaption(label, formatDate(today)),
    };
  }
  // The totals are counted while the rows stream into the workbook: read them after.
  const bytes = await buildWorkbook(report.sheets, { modified: now });
  const { total, overdue } = report.totals();
  return {
    bytes,
    name,
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    caption: t.caption(label, formatDate(today), total, overdue),
  };
}

function exportTargets({ targets, values }: TargetList): ExportTarget[] {
  return targets.map((target) => ({ ...target, values: values.filter((v) => v.targetId === target.id) }));
}

/** bao-cao-ke-hoach-mau-45-2026-05-12.xlsx: ASCII, so every mail client and phone keeps it. */
export function exportFileName(plan: PlanInfo, today: string, format: ExportFormat): string {
  const slug = foldText(plan.number ?? plan.title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${t.title}-${slug || "ke-hoach"}-${today}.${format}`;
}
