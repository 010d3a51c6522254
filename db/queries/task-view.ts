import type { AssignmentState } from "../../core/status/derive";
import type { Evidence } from "../schema";

/**
 * One task of a plan across all the units it is assigned to, and its whole
 * history: reports, evidence, reviews, extensions and the audit log, each
 * with who did it.
 */

export interface TaskHit {
  id: number;
  ref: string;
  title: string;
}

/** A plan's tasks, in the plan's order: the task search folds titles in the Worker (SQLite cannot fold Vietnamese). */
export async function planTasks(d1: D1Database, planId: number): Promise<TaskHit[]> {
  const { results } = await d1
    .prepare("select id, ref, title from tasks where plan_id = ?1 order by sort_order, id")
    .bind(planId)
    .all<TaskHit>();
  return results;
}

export interface TaskDetail {
  id: number;
  planId: number;
  ref: string;
  section: string | null;
  title: string;
  deadlineText: string | null;
  deadlineNote: string | null;
  dueOn: string | null;
  recurrence: string | null;
  checkinEvery: "monthly" | "quarterly" | "semiannual" | "yearly" | null;
  createdAt: string;
}

export interface TaskAssignment {
  id: number;
  unitId: number;
  unitName: string;
  role: "lead" | "coop";
  state: AssignmentState;
  progress: number;
  dueOverride: string | null;
  reportedDoneAt: string | null;
  lastReportAt: string | null;
  lastCheckinPeriod: string | null;
}

export async function taskWithUnits(
  d1: D1Database,
  taskId: number,
): Promise<{ task: TaskDetail; assignments: TaskAssignment[] } | null> {
  const [task, units] = (await d1.batch([
    d1
      .prepare(
        `select id, plan_id as planId, ref, section, title, deadline_text as deadlineText, deadline_note as deadlineNote,
                due_on as dueOn, recurrence, checkin_every as checkinEvery, created_at as createdAt
         from tasks where id = ?1`,
      )
      .bind(taskId),
    d1
      .prepare(
        `select a.id, a.unit_id as unitId, u.name as unitName, a.role, a.state, a.progress, a.due_override as dueOverride,
                a.reported_done_at as reportedDoneAt, a.last_report_at as lastReportAt,
                (select max(pr.period_key) from progress_reports pr where pr.assignment_id = a.id and pr.kind = 'checkin') as lastCheckinPeriod
         from assignments a join units u on u.id = a.unit_id
         where a.task_id = ?1 order by a.role = 'coop', u.name_key`,
      )
      .bind(taskId),
  ])) as [D1Result<TaskDetail>, D1Result<TaskAssignment>];
  const row = task.results[0];
  return row ? { task: row, assignments: units.results } : null;
}

export interface HistoryReport {
  id: number;
  assignmentId: number;
  unitName: string;
  kind: "progress" | "completion" | "checkin";
  percent: number | null;
  note: string | null;
  evidence: Evidence[] | null;
  reviewStatus: "pending" | "confirmed" | "returned" | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  reviewerName: string | null;
  periodKey: string | null;
  createdAt: string;
  memberName: string;
}

export interface HistoryExtension {
  id: number;
  assignmentId: number;
  unitName: string;
  originalDue: string | null;
  proposedDue: string;
  reason: string;
  status: "pending" | "approved" | "refused";
  decidedAt: string | null;
  requesterName: string;
  deciderName: string | null;
  createdAt: string;
}

export interface HistoryAudit {
  id: number;
  assignmentId: number | null;
  action: string;
  detail: Record<string, unknown> | null;
  actorName: string | null;
  createdAt: string;
}

export interface TaskHistory {
  reports: HistoryReport[];
  extensions: HistoryExtension[];
  audit: HistoryAudit[];
}

/**
 * Every event on a task's assignments, or on one of them (with the task's
 * own changes). The audit entries returned are those the reports and
 * requests do not already tell.
 */
export async function taskHistory(d1: D1Database, taskId: number, assignmentId: number | null = null): Promise<TaskHistory> {
  const [reports, extensions, audit] = (await d1.batch([
    d1
      .prepare(
        `select r.id, r.assignment_id as assignmentId, u.name as unitName, r.kind, r.percent, r.note, r.evidence,
                r.review_status as reviewStatus, r.review_note as reviewNote, r.reviewed_at as reviewedAt,
                rv.full_name as reviewerName, r.period_key as periodKey, r.created_at as createdAt, m.full_name as memberName
         from assignments a join progress_reports r on r.assignment_id = a.id
         join units u on u.id = a.unit_id join members m on m.id = r.member_id
         left join members rv on rv.id = r.reviewed_by
         where a.task_id = ?1 and (?2 is null or a.id = ?2) order by r.created_at, r.id`,
      )
      .bind(taskId, assignmentId),
    d1
      .prepare(
        `select e.id, e.assignment_id as assignmentId, u.name as unitName, e.original_due as originalDue, e.proposed_due as proposedDue,
                e.reason, e.status, e.decided_at as decidedAt, rq.full_name as requesterName, dc.full_name as deciderName, e.created_at as createdAt
         from assignments a join extension_requests e on e.assignment_id = a.id
         join units u on u.id = a.unit_id join members rq on rq.id = e.requested_by
         left join members dc on dc.id = e.decided_by
         where a.task_id = ?1 and (?2 is null or a.id = ?2) order by e.created_at, e.id`,
      )
      .bind(taskId, assignmentId),
    d1
      .prepare(
        `select l.id, case when l.entity = 'assignment' then l.entity_id end as assignmentId, l.action, l.detail,
                m.full_name as actorName, l.created_at as createdAt
         from audit_log l left join members m on m.id = l.actor_member_id
         where ((l.entity = 'assignment' and l.entity_id in (select id from assignments where task_id = ?1 and (?2 is null or id = ?2)))
                or (l.entity = 'task' and l.entity_id = ?1))
           and l.action not like 'report.%' and l.action not like 'completion.%' and l.action not like 'extension.%'
         order by l.created_at, l.id`,
      )
      .bind(taskId, assignmentId),
  ])) as [
    D1Result<HistoryReport & { evidence: string | null }>,
    D1Result<HistoryExtension>,
    D1Result<HistoryAudit & { detail: string | null }>,
  ];
  return {
    reports: reports.results.map((r) => ({ ...r, evidence: r.evidence ? (JSON.parse(r.evidence) as Evidence[]) : null })),
    extensions: extensions.results,
    audit: audit.results.map((a) => ({ ...a, detail: a.detail ? (JSON.parse(a.detail) as Record<string, unknown>) : null })),
  };
}
