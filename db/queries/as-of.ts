/**
 * The plan's assignments as they stood at an instant: what was reported,
 * confirmed or granted after it is undone, from the reports' and requests'
 * own times. The same columns as `assignments`, so the overview's status
 * buckets (overview.ts STATUS_BUCKET) count a past day exactly as they count
 * today; at the present instant it gives the table's own values (test/report
 * checks the two agree).
 *
 * Rows written without their history (demo data, an import of finished
 * work) keep their state from the time the row itself says it changed.
 * A deadline edited after the instant is not undone: the task keeps no
 * history of it. `at` is the SQL parameter holding the instant (UTC ISO).
 */
export function assignmentsAsOf(at: string): string {
  const report = (kinds: string, extra = "") =>
    `exists (select 1 from progress_reports r where r.assignment_id = x.id and r.kind in (${kinds}) and r.created_at <= ${at}${extra})`;
  return `(select x.id, x.task_id, x.unit_id, x.role, x.progress, x.reported_done_at, x.completed_at,
    case
      when x.state = 'done' and coalesce(x.completed_at, x.reported_done_at, x.updated_at) <= ${at} then 'done'
      when (x.state in ('awaiting_confirmation', 'done') and x.reported_done_at <= ${at})
        or ${report("'completion'", ` and (r.review_status = 'pending' or r.reviewed_at > ${at})`)} then 'awaiting_confirmation'
      when ${report("'progress', 'completion'")}
        or (x.state <> 'open' and x.updated_at <= ${at}
            and not exists (select 1 from progress_reports r where r.assignment_id = x.id and r.kind <> 'checkin')) then 'in_progress'
      else 'open' end as state,
    case when exists (select 1 from extension_requests e where e.assignment_id = x.id and e.status = 'approved')
      then (select e.proposed_due from extension_requests e
            where e.assignment_id = x.id and e.status = 'approved' and e.decided_at <= ${at}
            order by e.decided_at desc, e.id desc limit 1)
      else x.due_override end as due_override
  from assignments x)`;
}

/** The end of a Vietnam calendar day as a UTC instant: 23:59:59.999 at UTC+7. */
export function endOfVietnamDay(isoDate: string): string {
  return `${isoDate}T16:59:59.999Z`;
}
