import { Composer } from "grammy";
import { exportSource } from "../../../db/queries/export";
import { adminExport } from "../../callback-data";
import type { MemberContext } from "../../context";
import { buildExportFile, type ExportFormat } from "../../export-file";
import { Actions } from "../../ports/actions";
import { adminTexts } from "../../texts";
import { planFor, planLabel } from "./scope";

const t = adminTexts.export;

/**
 * /xuat [csv]: the plan's report as an Excel workbook (summary by unit,
 * targets, all assignments, overdue ones, a sheet per unit), sent as a
 * document (a download link where documents cannot be sent); CSV on request
 * or from the button under the workbook. A plan too large to build within one
 * chat request is built by the queue, and the link arrives when it is ready.
 */
export const exportFeature = new Composer<MemberContext>();

exportFeature.command("xuat", (ctx) => sendExport(ctx, /csv/i.test(ctx.match) ? "csv" : "xlsx"));
exportFeature.callbackQuery(adminExport.pattern, (ctx) => sendExport(ctx, ctx.match[1] as ExportFormat));

async function sendExport(ctx: MemberContext, format: ExportFormat): Promise<void> {
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  if (ctx.callbackQuery) await ctx.port.answer();
  const now = ctx.deps.now();
  const source = await exportSource(ctx.deps.db.$client, plan.id);
  if (source.units.length === 0) return void (await ctx.port.send(t.empty));
  const rows = source.units.reduce((n, u) => n + u.count, 0);
  const queue = ctx.deps.enqueueExport;
  if (queue && rows > (ctx.deps.exportInlineMaxRows ?? Infinity)) {
    await queue({ planId: plan.id, memberId: ctx.member.id, format });
    return void (await ctx.port.send(t.queued(planLabel(plan), rows), { html: true }));
  }
  await ctx.port.working("upload_document");
  const file = await buildExportFile(ctx.deps.db, plan, source, format, now);
  const actions = format === "xlsx" ? new Actions().text(t.csvButton, adminExport.build("csv")) : undefined;
  await ctx.port.sendFile(file, file.caption, actions);
}
