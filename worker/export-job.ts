import { z } from "zod";
import { buildExportFile } from "../bot/export-file";
import { noticeRows } from "../bot/notify";
import { adminTexts } from "../bot/texts";
import { canReadPlan } from "../core/access/policy";
import { createDb } from "../db/client";
import { exportSource } from "../db/queries/export";
import { insertReminders } from "../db/queries/outbox";
import { memberCard } from "../db/queries/people";
import { planScopeById } from "../db/queries/plan-scope";
import { deliverNow } from "./deliver-now";
import type { Env } from "./env";
import { runReportJob } from "./report-job";
import { storeExport } from "./zalo/files";

/** A plan too large to export inside a chat request: the queue builds it (queue consumers have far more CPU time). */
export const exportJob = z.object({
  export: z.object({
    planId: z.number().int().positive(),
    memberId: z.number().int().positive(),
    format: z.enum(["xlsx", "csv", "docx"]),
    /** A report's period code and chosen layout (worker/report-job). */
    period: z.string().max(20).optional(),
    layout: z.enum(["party", "state"]).optional(),
  }),
});
export type ExportJob = z.infer<typeof exportJob>["export"];

/**
 * Builds the report, keeps it in R2 and tells the member through the outbox
 * (every channel they use) with a signed download link. The member's right
 * to read the plan is checked again: it may have changed since they asked.
 */
export async function runExportJob(env: Env, job: ExportJob, now = new Date()): Promise<"sent" | "refused"> {
  const db = createDb(env.DB);
  const [member, plan] = await Promise.all([memberCard(db, job.memberId), planScopeById(env.DB, job.planId)]);
  if (!member || member.removedAt || !plan || !canReadPlan({ role: member.role, unitId: member.unitId }, plan)) return "refused";
  if (job.format === "docx") return runReportJob(env, job, member, now);
  const info = {
    id: plan.id,
    number: plan.number,
    title: plan.title,
    issuerUnitId: plan.issuerUnitId,
    monitorUnitId: plan.monitorUnitId,
    monitorUnitName: "",
  };
  const file = await buildExportFile(db, info, await exportSource(env.DB, plan.id), job.format as "xlsx" | "csv", now);
  const link = await storeExport(env, file);
  const ids = await insertReminders(
    env.DB,
    noticeRows([
      { memberId: member.id, subject: `export:${crypto.randomUUID()}`, text: adminTexts.export.ready(file.caption, link) },
    ]),
  );
  const pending: Promise<unknown>[] = [];
  await deliverNow(env, ids, (p) => pending.push(p));
  await Promise.all(pending);
  return "sent";
}
