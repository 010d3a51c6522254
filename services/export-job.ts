import { buildExportFile } from "../bot/export-file";
import { noticeRows } from "../bot/notify";
import { adminTexts } from "../bot/texts";
import { canReadPlan } from "../core/access/policy";
import { createDb } from "../db/client";
import { exportSource } from "../db/queries/export";
import { insertReminders } from "../db/queries/outbox";
import { memberCard } from "../db/queries/people";
import { planScopeById } from "../db/queries/plan-scope";
import { deliverNow } from "./delivery/deliver-now";
import type { Env } from "./env";
import type { ExportJob } from "./queue-messages";
import { storeExport } from "./files";

/**
 * Builds the report, keeps it in R2 and tells the member through the outbox
 * (every channel they use) with a signed download link. The member's right
 * to read the plan is checked again: it may have changed since they asked.
 */
export async function runExportJob(env: Env, job: ExportJob, now = new Date()): Promise<"sent" | "refused"> {
  const db = createDb(env.DB);
  const [member, plan] = await Promise.all([memberCard(db, job.memberId), planScopeById(env.DB, job.planId)]);
  if (!member || member.removedAt || !plan || !canReadPlan({ role: member.role, unitId: member.unitId }, plan)) return "refused";
  const info = {
    id: plan.id,
    number: plan.number,
    title: plan.title,
    issuerUnitId: plan.issuerUnitId,
    monitorUnitId: plan.monitorUnitId,
    monitorUnitName: "",
  };
  const file = await buildExportFile(db, info, await exportSource(env.DB, plan.id), job.format, now);
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

/** Above this many assignments an export is built by the queue: about 3 s of CPU per 100,000 rows would not fit a chat request. */
const EXPORT_INLINE_MAX_ROWS = 5_000;

export function exportInlineMaxRows(env: Env): number {
  const configured = Number(env.EXPORT_INLINE_MAX_ROWS);
  return Number.isInteger(configured) && configured > 0 ? configured : EXPORT_INLINE_MAX_ROWS;
}

/** Puts a large export on the queue; undefined without a queue binding (exports are then built in the request). */
export function exportEnqueuer(env: Env): ((job: ExportJob) => Promise<void>) | undefined {
  const queue = env.ALERTS;
  return queue ? async (job) => void (await queue.send({ export: job })) : undefined;
}
