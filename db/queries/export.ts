import type { ExportRow } from "../../core/report/export";
import { statsOf, type StatementStats } from "./stats";

/**
 * Every assignment of a plan for the report workbook, in print order (unit,
 * then the plan's order), with its latest report and who made it. Each
 * latest report is one index seek (progress_reports by assignment and time).
 */
export async function exportRows(d1: D1Database, planId: number): Promise<{ rows: ExportRow[]; stats: StatementStats[] }> {
  const result = await d1
    .prepare(
      `select a.id as assignmentId, a.unit_id as unitId, u.name as unitName, a.role, a.state, a.progress,
              a.due_override as dueOverride, a.reported_done_at as reportedDoneAt, a.completed_at as completedAt,
              t.ref, t.title, t.deadline_text as deadlineText, t.deadline_note as deadlineNote, t.due_on as dueOn,
              t.recurrence, t.checkin_every as checkinEvery, t.created_at as assignedAt,
              (select max(c.period_key) from progress_reports c where c.assignment_id = a.id and c.kind = 'checkin') as lastCheckinPeriod,
              r.created_at as lastReportAt, r.note as lastReportNote, m.full_name as lastReportBy
       from tasks t
       join assignments a on a.task_id = t.id
       join units u on u.id = a.unit_id
       left join progress_reports r on r.id = (
         select r2.id from progress_reports r2 where r2.assignment_id = a.id order by r2.created_at desc, r2.id desc limit 1)
       left join members m on m.id = r.member_id
       where t.plan_id = ?1
       order by u.name_key, u.id, t.sort_order, t.id`,
    )
    .bind(planId)
    .all<ExportRow>();
  return { rows: result.results, stats: [statsOf("assignments with latest report", result)] };
}
