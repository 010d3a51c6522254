/**
 * What the chat needs of the chain of plans beyond db/queries/plan-chain.ts:
 * the units that have not issued their implementing plan by its deadline
 * (the digests, /quahan), the completions a link reported (the parent
 * office's notice), and the plans linked to one assignment (its card).
 */
import { isPlanningTask } from "../../core/plan-chain";

/** The due date in force: an approved extension, else the task's own (db/queries/overview.ts). */
const DUE = "coalesce(a.due_override, t.due_on)";

export interface UnissuedPlan {
  planId: number;
  monitorUnitId: number;
  unitId: number;
  unitName: string;
  /** The planning task's deadline in force, already past. */
  due: string;
}

/**
 * Units whose planning task ("xây dựng kế hoạch thực hiện…") in a live plan
 * is past its deadline and not done, while no live plan of theirs is linked
 * to that plan: the plans given (`planIds`) or those the offices given
 * (`monitorUnitIds`) monitor. Per unit and plan, the earliest such deadline;
 * most overdue first. One round trip; the planning task is told by its words
 * (core/plan-chain isPlanningTask), so only overdue assignments are read.
 */
export async function unissuedPlans(
  d1: D1Database,
  p: { today: string } & ({ planIds: number[] } | { monitorUnitIds: number[] }),
): Promise<UnissuedPlan[]> {
  const byPlan = "planIds" in p;
  const ids = byPlan ? p.planIds : p.monitorUnitIds;
  if (ids.length === 0) return [];
  const { results } = await d1
    .prepare(
      `select p.id as plan_id, p.monitor_unit_id, a.unit_id, u.name as unit_name, t.title, t.deadline_text, ${DUE} as due
       from plans p join tasks t on t.plan_id = p.id join assignments a on a.task_id = t.id join units u on u.id = a.unit_id
       where p.archived = 0 and ${byPlan ? "p.id" : "p.monitor_unit_id"} in (select value from json_each(?1))
         and a.state <> 'done' and ${DUE} < ?2
         and not exists (
           select 1 from plans c join plan_links l on l.child_plan_id = c.id join assignments la on la.id = l.assignment_id
           join tasks lt on lt.id = la.task_id
           where c.parent_plan_id = p.id and c.archived = 0 and lt.plan_id = p.id and la.unit_id = a.unit_id
         )
       order by due, u.name_key, p.id`,
    )
    .bind(JSON.stringify(ids), p.today)
    .all<{
      plan_id: number;
      monitor_unit_id: number;
      unit_id: number;
      unit_name: string;
      title: string;
      deadline_text: string | null;
      due: string;
    }>();
  const seen = new Set<string>();
  const unissued: UnissuedPlan[] = [];
  for (const r of results) {
    const key = `${r.plan_id}:${r.unit_id}`;
    if (seen.has(key) || !isPlanningTask(`${r.title} ${r.deadline_text ?? ""}`)) continue;
    seen.add(key);
    unissued.push({ planId: r.plan_id, monitorUnitId: r.monitor_unit_id, unitId: r.unit_id, unitName: r.unit_name, due: r.due });
  }
  return unissued;
}

/** The live plans linked to an assignment (the plans a unit issued to carry it out), oldest first. */
export async function plansLinkedTo(
  d1: D1Database,
  assignmentId: number,
): Promise<{ id: number; number: string | null; title: string; issuedOn: string | null }[]> {
  const { results } = await d1
    .prepare(
      `select c.id, c.number, c.title, c.issued_on as issuedOn from plan_links l join plans c on c.id = l.child_plan_id
       where l.assignment_id = ?1 and c.archived = 0 order by c.id`,
    )
    .bind(assignmentId)
    .all<{ id: number; number: string | null; title: string; issuedOn: string | null }>();
  return results;
}

export interface LinkCompletion {
  reportId: number;
  assignmentId: number;
  ref: string;
  title: string;
  unitName: string;
  /** The parent plan's monitoring unit: its admins confirm. */
  monitorUnitId: number;
}

/** The completions a link reported for these planning tasks (db/queries/plan-chain linkStatements), still waiting for the parent office. */
export async function linkCompletions(d1: D1Database, assignmentIds: number[]): Promise<LinkCompletion[]> {
  if (assignmentIds.length === 0) return [];
  const { results } = await d1
    .prepare(
      `select r.id as reportId, a.id as assignmentId, t.ref, t.title, u.name as unitName, p.monitor_unit_id as monitorUnitId
       from progress_reports r join assignments a on a.id = r.assignment_id join tasks t on t.id = a.task_id
       join plans p on p.id = t.plan_id join units u on u.id = a.unit_id
       where r.assignment_id in (select value from json_each(?1)) and r.kind = 'completion' and r.review_status = 'pending'
         and r.dedupe_key like 'plan-link:%'
       order by t.sort_order, t.id`,
    )
    .bind(JSON.stringify(assignmentIds))
    .all<LinkCompletion>();
  return results;
}
