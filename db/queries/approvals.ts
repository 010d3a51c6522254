/**
 * What waits for the monitoring office in one plan: completions to confirm
 * or return, extension requests to grant or refuse. Oldest first: whoever
 * has waited longest is answered first.
 */
export interface PendingCompletion {
  kind: "completion";
  id: number;
  assignmentId: number;
  unitName: string;
  ref: string;
  title: string;
  note: string | null;
  files: number;
  by: string;
  /** The member who reported it: they cannot review it themselves. */
  reporterId: number;
  at: string;
  dueOn: string | null;
  dueOverride: string | null;
  deadlineText: string | null;
}

export interface PendingExtension {
  kind: "extension";
  id: number;
  assignmentId: number;
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

export async function pendingApprovals(d1: D1Database, planId: number): Promise<PendingItem[]> {
  const [completions, extensions] = (await d1.batch([
    d1
      .prepare(
        `select 'completion' as kind, r.id, r.assignment_id as assignmentId, u.name as unitName, t.ref, t.title, r.note,
                json_array_length(coalesce(r.evidence, '[]')) as files, m.full_name as "by", r.member_id as reporterId, r.created_at as "at",
                t.due_on as dueOn, a.due_override as dueOverride, t.deadline_text as deadlineText
         from progress_reports r join assignments a on a.id = r.assignment_id join tasks t on t.id = a.task_id
         join units u on u.id = a.unit_id join members m on m.id = r.member_id
         where r.review_status = 'pending' and r.kind = 'completion' and t.plan_id = ?1`,
      )
      .bind(planId),
    d1
      .prepare(
        `select 'extension' as kind, e.id, e.assignment_id as assignmentId, u.name as unitName, t.ref, t.title, e.reason,
                e.original_due as originalDue, e.proposed_due as proposedDue, m.full_name as "by", e.created_at as "at"
         from extension_requests e join assignments a on a.id = e.assignment_id join tasks t on t.id = a.task_id
         join units u on u.id = a.unit_id join members m on m.id = e.requested_by
         where e.status = 'pending' and t.plan_id = ?1`,
      )
      .bind(planId),
  ])) as [D1Result<PendingCompletion>, D1Result<PendingExtension>];
  const items: PendingItem[] = [...completions.results, ...extensions.results];
  return items.sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
}
