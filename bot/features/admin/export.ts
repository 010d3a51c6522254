import { Composer } from "grammy";
import { Actions } from "../../ports/actions";
import { csvBytes } from "../../../core/report/csv";
import { exportReport } from "../../../core/report/export";
import type { ExportTarget } from "../../../core/report/targets-sheet";
import { foldText } from "../../../core/text/fold";
import { formatDate, vietnamDate } from "../../../core/time/vietnam-date";
import { buildWorkbook } from "../../../core/xlsx";
import { exportSource } from "../../../db/queries/export";
import { planTargets, type TargetList } from "../../../db/queries/targets";
import type { PlanInfo } from "../../../db/queries/plans";
import { adminExport } from "../../callback-data";
import type { BotContext, MemberContext } from "../../context";
import { adminTexts, exportTexts } from "../../texts";
import { planFor, planLabel } from "./scope";

const t = adminTexts.export;

/**
 * /xuat [csv]: the plan's report as an Excel workbook (summary by unit,
 * targets, all assignments, overdue ones, a sheet per unit), sent as a document; CSV on
 * request or from the button under the workbook.
 */
export const exportFeature = new Composer<BotContext>();

exportFeature.command("xuat", (ctx) => sendExport(ctx as MemberContext, /csv/i.test(ctx.match) ? "csv" : "xlsx"));
exportFeature.callbackQuery(adminExport.pattern, (ctx) => sendExport(ctx as MemberContext, ctx.match[1] as "xlsx" | "csv"));

async function sendExport(ctx: MemberContext, format: "xlsx" | "csv"): Promise<void> {
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  if (ctx.callbackQuery) await ctx.port.answer();
  const now = ctx.deps.now();
  const today = vietnamDate(now);
  const [source, targets] = await Promise.all([exportSource(ctx.deps.db.$client, plan.id), planTargets(ctx.deps.db, plan.id)]);
  if (source.units.length === 0) return void (await ctx.port.send(t.empty));
  await ctx.port.working("upload_document");
  const report = exportReport(source, today, exportTexts, exportTargets(targets));
  const name = fileName(plan, today, format);
  const label = planLabel(plan);
  if (format === "csv") {
    const bytes = await csvBytes(report.csvHeader, report.csvRows());
    await ctx.port.sendFile({ bytes, name, mime: "text/csv" }, t.csvCaption(label, formatDate(today)));
    return;
  }
  const bytes = await buildWorkbook(report.sheets, { modified: now });
  const { total, overdue } = report.totals();
  await ctx.port.sendFile(
    { bytes, name, mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    t.caption(label, formatDate(today), total, overdue),
    new Actions().text(t.csvButton, adminExport.build("csv")),
  );
}

function exportTargets({ targets, values }: TargetList): ExportTarget[] {
  return targets.map((target) => ({ ...target, values: values.filter((v) => v.targetId === target.id) }));
}

/** bao-cao-ke-hoach-mau-45-2026-05-12.xlsx: ASCII, so every mail client and phone keeps it. */
function fileName(plan: PlanInfo, today: string, format: "xlsx" | "csv"): string {
  const slug = foldText(plan.number ?? plan.title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${t.title}-${slug || "ke-hoach"}-${today}.${format}`;
}
