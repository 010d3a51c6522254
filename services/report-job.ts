import { planReport, reportFile } from "../bot/plan-report-file";
import { noticeRows } from "../bot/notify";
import { planReportTexts } from "../bot/texts";
import { periodFromCode } from "../core/plan-report/period";
import { createDb } from "../db/client";
import { insertReminders } from "../db/queries/outbox";
import { deliverNow } from "./delivery/deliver-now";
import type { Env } from "./env";
import type { ExportJob } from "./queue-messages";
import { storeExport } from "./files";

/**
 * A report (.docx) of a plan too large to draft inside a chat request: built
 * here, kept in R2, and the member gets a signed link through the outbox, as
 * a large export does. The caller has checked the member may read the plan.
 */
export async function runReportJob(env: Env, job: ExportJob, member: { id: number }, now: Date): Promise<"sent" | "refused"> {
  const period = job.period ? periodFromCode(job.period) : null;
  if (!period) return "refused";
  const built = await planReport(createDb(env.DB), { planId: job.planId, period, layout: job.layout, now });
  if (!built.ok) return "refused";
  const file = await reportFile(built.data, built.doc, now);
  const link = await storeExport(env, file);
  const ids = await insertReminders(
    env.DB,
    noticeRows([
      { memberId: member.id, subject: `report:${crypto.randomUUID()}`, text: planReportTexts.ready(file.caption, link) },
    ]),
  );
  const pending: Promise<unknown>[] = [];
  await deliverNow(env, ids, (p) => pending.push(p));
  await Promise.all(pending);
  return "sent";
}
