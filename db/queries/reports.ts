import { desc, eq, sql, type SQL } from "drizzle-orm";
import { isPercent } from "../../core/reporting/input";
import type { Db } from "../client";
import { members, progressReports, type Evidence } from "../schema";
import type { drizzle as drizzleBuilder } from "drizzle-orm/d1";
import type { SelectedFields } from "drizzle-orm/sqlite-core";
import { compileSelect, compiledRows, compiledStatement } from "../compiled";
import { auditInsert } from "./audit";
import { pickedAssignmentId } from "./chat-menus";
import { endConversationStatement } from "./conversations";
import { writeSettling, type UpdateClaim } from "./updates";

type Builder = ReturnType<typeof drizzleBuilder>;

export interface NewReport {
  assignmentId: number;
  memberId: number;
  chatId: string;
  kind: "progress" | "completion" | "checkin";
  percent: number | null;
  note: string;
  evidence: Evidence[];
  /** The flow's token: a second submission of the same flow is refused by a unique index. */
  dedupeKey: string;
  periodKey: string | null;
  now: string;
}

export type SubmitResult = { ok: true; reportId: number } | { ok: false; reason: "duplicate" };

/**
 * The report, the assignment's new progress and state, the audit entry and
 * the end of the flow, in one batch: all or nothing. Plain SQL: the last
 * step of every report. `claim`: the update's, settled in the same batch
 * (db/queries/updates).
 */
export async function submitReport(db: Db, r: NewReport, claim?: UpdateClaim): Promise<SubmitResult> {
  // The flow checks what the official typed or pressed; a value past it here is a bug.
  if (r.percent !== null && !isPercent(r.percent)) throw new Error(`submitReport: percent ${r.percent} is not 0–100`);
  const d1 = db.$client;
  const assignmentChange =
    r.kind === "completion"
      ? d1
          .prepare(
            `update assignments set state = 'awaiting_confirmation', progress = 100, reported_done_at = ?2, last_report_at = ?2, updated_at = ?2 where id = ?1`,
          )
          .bind(r.assignmentId, r.now)
      : r.kind === "progress"
        ? d1
            .prepare(
              `update assignments set state = case when state = 'open' then 'in_progress' else state end, progress = ?3, last_report_at = ?2, updated_at = ?2
               where id = ?1`,
            )
            .bind(r.assignmentId, r.now, r.percent)
        : d1.prepare(`update assignments set last_report_at = ?2, updated_at = ?2 where id = ?1`).bind(r.assignmentId, r.now);
  try {
    const [inserted] = await writeSettling(d1, claim, [
      d1
        .prepare(
          `insert into progress_reports (assignment_id, member_id, kind, percent, note, evidence, dedupe_key, review_status, period_key, created_at)
           values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) returning id`,
        )
        .bind(
          r.assignmentId,
          r.memberId,
          r.kind,
          r.percent,
          r.note,
          r.evidence.length > 0 ? JSON.stringify(r.evidence) : null,
          r.dedupeKey,
          r.kind === "completion" ? "pending" : null,
          r.periodKey,
          r.now,
        ),
      assignmentChange,
      auditInsert(d1, {
        actorMemberId: r.memberId,
        action: `report.${r.kind}`,
        entity: "assignment",
        entityId: r.assignmentId,
        detail: { percent: r.percent, files: r.evidence.length, period: r.periodKey },
      }),
      endConversationStatement(d1, r.chatId),
    ]);
    return { ok: true, reportId: (inserted!.results[0] as { id: number }).id };
  } catch (error) {
    if (String(error).includes("UNIQUE constraint failed: progress_reports.dedupe_key"))
      return { ok: false, reason: "duplicate" };
    throw error;
  }
}

/** Whether the flow with this token already sent its report (a second "Gửi" after the first). */
export async function reportSentByFlow(db: Db, token: string): Promise<boolean> {
  const row = await db.$client.prepare("select 1 as sent from progress_reports where dedupe_key = ?1").bind(token).first();
  return row !== null;
}

export function reportById(db: Db, reportId: number) {
  return db
    .select({
      id: progressReports.id,
      assignmentId: progressReports.assignmentId,
      memberId: progressReports.memberId,
      kind: progressReports.kind,
      note: progressReports.note,
      reviewStatus: progressReports.reviewStatus,
      createdAt: progressReports.createdAt,
      reporterName: members.fullName,
    })
    .from(progressReports)
    .innerJoin(members, eq(members.id, progressReports.memberId))
    .where(eq(progressReports.id, reportId))
    .limit(1);
}

export interface Review {
  reportId: number;
  assignmentId: number;
  adminId: number;
  decision: "confirmed" | "returned";
  note: string | null;
  now: string;
}

/**
 * Confirms or returns a completion. Guarded so that two admins deciding at
 * once change it once: the assignment and audit rows follow only when the
 * report was still pending (SQLite's changes() between statements of a batch).
 * Never by the member who reported it (core/access canReviewCompletion).
 */
export async function reviewCompletion(db: Db, r: Review): Promise<boolean> {
  const d1 = db.$client;
  const assignmentUpdate =
    r.decision === "confirmed"
      ? `update assignments set state = 'done', completed_at = ?2, updated_at = ?2 where id = ?1 and state = 'awaiting_confirmation' and changes() = 1`
      : `update assignments set state = 'in_progress', reported_done_at = null, updated_at = ?2 where id = ?1 and state = 'awaiting_confirmation' and changes() = 1`;
  const [reviewed] = await d1.batch([
    d1
      .prepare(
        `update progress_reports set review_status = ?2, reviewed_by = ?3, reviewed_at = ?4, review_note = ?5
         where id = ?1 and review_status = 'pending' and member_id <> ?3 returning id`,
      )
      .bind(r.reportId, r.decision, r.adminId, r.now, r.note),
    d1.prepare(assignmentUpdate).bind(r.assignmentId, r.now),
    d1
      .prepare(
        `insert into audit_log (actor_member_id, action, entity, entity_id, detail)
         select ?1, ?2, 'assignment', ?3, json_object('report', ?4, 'note', ?5) where changes() = 1`,
      )
      .bind(r.adminId, `completion.${r.decision}`, r.assignmentId, r.reportId, r.note),
  ]);
  return reviewed!.results.length === 1;
}

const reportView = {
  id: progressReports.id,
  kind: progressReports.kind,
  percent: progressReports.percent,
  note: progressReports.note,
  evidence: progressReports.evidence,
  reviewStatus: progressReports.reviewStatus,
  reviewNote: progressReports.reviewNote,
  reviewedAt: progressReports.reviewedAt,
  periodKey: progressReports.periodKey,
  createdAt: progressReports.createdAt,
  memberName: members.fullName,
};

/** The newest few reports, newest first: what a task card shows. */
const newestReports = (db: Db | Builder, fields: SelectedFields, assignmentId: SQL = sql`${sql.placeholder("assignmentId")}`) =>
  (db as Builder)
    // Typed as the view: the compiled query selects the same columns, each named after its key.
    .select(fields as typeof reportView)
    .from(progressReports)
    .innerJoin(members, eq(members.id, progressReports.memberId))
    .where(eq(progressReports.assignmentId, assignmentId))
    .orderBy(desc(progressReports.createdAt), desc(progressReports.id))
    .limit(3);

export type LatestReport = Awaited<ReturnType<typeof newestReports>>[number];
/** Evidence comes back as D1 keeps it (JSON text) from the compiled query. */
type StoredReport = Omit<LatestReport, "evidence"> & { evidence: string | null };
const latest = compileSelect<StoredReport>(reportView, newestReports);
const latestByPick = compileSelect<StoredReport>(reportView, (db, f) => newestReports(db, f, pickedAssignmentId(true)));

export function latestReportsStatement(d1: D1Database, assignmentId: number): D1PreparedStatement {
  return compiledStatement(d1, latest, { assignmentId });
}

/** As `latestReportsStatement`, for the task whose card a typed menu key opens. */
export function pickedReportsStatement(d1: D1Database, chatKey: string, key: string): D1PreparedStatement {
  return compiledStatement(d1, latestByPick, { chatKey, key });
}

export function latestReportsFrom(result: D1Result<unknown> | undefined): LatestReport[] {
  return compiledRows(latest, result).map((r) => ({
    ...r,
    evidence: r.evidence === null ? null : (JSON.parse(r.evidence) as Evidence[]),
  }));
}

export function reportEvidence(db: Db, reportId: number) {
  return db
    .select({ assignmentId: progressReports.assignmentId, evidence: progressReports.evidence })
    .from(progressReports)
    .where(eq(progressReports.id, reportId))
    .limit(1);
}
