import type { Evidence } from "../schema";

/**
 * What waits for the monitoring office in one plan or several: completions to confirm
 * or return, extension requests to grant or refuse. Oldest first: whoever
 * has waited longest is answered first.
 */
/** Which task and plan an item belongs to, so a page can link the task and ask the policy per plan. */
interface PendingOf {
  assignmentId: number;
  taskId: number;
  planId: number;
  planNumber: string | null;
  planTitle: string;
  issuerUnitId: number;
  monitorUnitId: number;
}

export interface PendingCompletion extends PendingOf {
  kind: "completion";
  id: number;
  unitName: string;
  ref: string;
  title: string;
  note: string | null;
  files: number;
  /** The evidence handed in with the report (Telegram file ids or "r2:<key>"), as JSON text. */
  evidence: string | null;
  by: string;
  /** The member who reported it: they cannot review it themselves. */
  reporterId: number;
  at: string;
  dueOn: string | null;
  dueOverride: string | null;
  deadlineText: string | null;
}

export interface PendingExtension extends PendingOf {
  kind: "extension";
  id: number;
  unitName: string;
  ref: string;
  title: string;
  reason: string;
  originalDue: string | null;
  proposedDue: string;
  by: string;
  at: string;
}

export type PendingItem = PendingCompletion | PendingExtension;

const OF = `a.id as assignmentId, t.id as taskId, p.id as planId, p.number as planNumber, p.title as planTitle,
            p.issuer_unit_id as issuerUnitId, p.monitor_unit_id as monitorUnitId`;

/** The evidence list of a completion, read from its JSON text. */
export function evidenceOf(item: PendingCompletion): Evidence[] {
  try {
    const list = JSON.parse(item.evidence ?? "[]") as unknown;
    return Array.isArray(list) ? (list as Evidence[]) : [];
  } catch {
    return [];
  }
}

/** One plan's items, or every plan's in `planId` (the office's page lists all the plans a member follows). */
export async function pendingApprovals(d1: D1Database, planId: number | number[]): Promise<PendingItem[]> {
  const ids = JSON.stringify(Array.isArray(planId) ? planId : [planId]);
  const [completions, extensions] = (await d1.batch([
    d1
      .prepare(
        `select 'completion' as kind, r.id, ${OF}, u.name as unitName, t.ref, t.title, r.note,
                json_array_length(coalesce(r.evidence, '[]')) as files, r.evidence, m.full_name as "by", r.member_id as reporterId, r.created_at as "at",
                t.due_on as dueOn, a.due_override as dueOverride, t.deadline_text as deadlineText
         from progress_reports r join assignments a on a.id = r.assignment_id join tasks t on t.id = a.task_id
         join plans p on p.id = t.plan_id join units u on u.id = a.unit_id join members m on m.id = r.member_id
         where r.review_status = 'pending' and r.kind = 'completion' and t.plan_id in (select value from json_each(?1))`,
      )
      .bind(ids),
    d1
      .prepare(
        `select 'extension' as kind, e.id, ${OF}, u.name as unitName, t.ref, t.title, e.reason,
                e.original_due as originalDue, e.proposed_due as proposedDue, m.full_name as "by", e.created_at as "at"
         from extension_requests e join assignments a on a.id = e.assignment_id join tasks t on t.id = a.task_id
         join plans p on p.id = t.plan_id join units u on u.id = a.unit_id join members m on m.id = e.requested_by
         where e.status = 'pending' and t.plan_id in (select value from json_each(?1))`,
      )
      .bind(ids),
  ])) as [D1Result<PendingCompletion>, D1Result<PendingExtension>];
  const items: PendingItem[] = [...completions.results, ...extensions.results];
  return items.sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
}
