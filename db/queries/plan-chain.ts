/**
 * Plans that carry out other plans (issue 22): the chain above a plan, the
 * link from a child plan to the parent's assignments it carries out, and the
 * parent's roll-up of its units' plans. Rules are in core/plan-chain.
 */
import { childPlanNote, isPlanningTask, wouldMakeCycle } from "../../core/plan-chain";
import type { PlanScope } from "../../core/access/policy";
import type { Db } from "../client";
import { type BatchedQuery, OVERDUE } from "./overview";

/** The plans above `?1`, its parent first (depth 1); capped, though links refuse cycles. */
const ANCESTORS = `with recursive up(id, depth) as (
  select parent_plan_id, 1 from plans where id = ?1 and parent_plan_id is not null
  union all
  select p.parent_plan_id, up.depth + 1 from plans p join up on p.id = up.id
  where p.parent_plan_id is not null and up.depth < 64
)`;

/** The ids of the plans above this one, its parent first, up to the top. One round trip. */
export async function planAncestors(db: Db, planId: number): Promise<number[]> {
  const { results } = await db.$client
    .prepare(`${ANCESTORS} select id from up order by depth`)
    .bind(planId)
    .all<{ id: number }>();
  return results.map((r) => r.id);
}

export interface ChainPlan extends PlanScope {
  id: number;
  number: string | null;
  title: string;
  archived: number;
  parentPlanId: number | null;
}

/**
 * A plan and the scopes of the plans above it, for core/access
 * canReadPlanInChain; null when there is no such plan. One round trip.
 */
export async function planWithAncestors(db: Db, planId: number): Promise<{ plan: ChainPlan; ancestors: ChainPlan[] } | null> {
  const { results } = await db.$client
    .prepare(
      `${ANCESTORS}, chain(id, depth) as (select ?1, 0 union all select id, depth from up)
       select p.id, p.number, p.title, p.issuer_unit_id as issuerUnitId, p.monitor_unit_id as monitorUnitId,
              p.archived, p.parent_plan_id as parentPlanId
       from chain join plans p on p.id = chain.id order by chain.depth`,
    )
    .bind(planId)
    .all<ChainPlan>();
  const [plan, ...ancestors] = results;
  return plan && plan.id === planId ? { plan, ancestors } : null;
}

export interface PlanParent {
  id: number;
  number: string | null;
  title: string;
  issuedOn: string | null;
  issuerName: string;
}

/** The plan this one carries out, with its issuer's name; null when it carries out none. */
export function planParent(db: Db, planId: number): Promise<PlanParent | null> {
  return db.$client
    .prepare(
      `select p.id, p.number, p.title, p.issued_on as issuedOn, u.name as issuerName
       from plans c join plans p on p.id = c.parent_plan_id join units u on u.id = p.issuer_unit_id where c.id = ?1`,
    )
    .bind(planId)
    .first<PlanParent>();
}

export type LinkRefusal = "no_parent" | "no_child" | "cycle" | "no_assignments" | "not_in_parent" | "not_child_unit";

/** A link checked against the data (linkCheck), ready to be written. */
export interface CheckedLink {
  parentPlanId: number;
  assignmentIds: number[];
  /** Those the child plan answers in full ("xây dựng kế hoạch thực hiện…" still open): reported done with it. */
  planningAssignmentIds: number[];
  child: { number: string | null; issuedOn: string | null; title: string };
}

/**
 * Checks a link of a child plan (saved: `childPlanId`; about to be saved:
 * null, with its issuer) to assignments of a parent plan. Refused: no such
 * parent; a parent that is the child or below it (a cycle); no assignment;
 * an assignment not in the parent plan, or given to a unit that is neither
 * the child's issuer nor above it. Reads only, in one round trip.
 */
export async function linkCheck(
  db: Db,
  link: {
    parentPlanId: number;
    assignmentIds: number[];
    child: { id: number } | { issuerUnitId: number; number: string | null; issuedOn: string | null; title: string };
  },
): Promise<{ ok: true; link: CheckedLink } | { ok: false; reason: LinkRefusal }> {
  const d1 = db.$client;
  const childId = "id" in link.child ? link.child.id : null;
  const [chain, given, child, lineage] = (await d1.batch([
    d1
      .prepare(
        `${ANCESTORS} select ?1 as id, 0 as depth from plans where id = ?1 union all select id, depth from up order by depth`,
      )
      .bind(link.parentPlanId),
    d1
      .prepare(
        `select a.id, a.unit_id as unitId, a.state, t.plan_id as planId, t.title, t.deadline_text as deadlineText
         from assignments a join tasks t on t.id = a.task_id where a.id in (select value from json_each(?1))`,
      )
      .bind(JSON.stringify(link.assignmentIds)),
    d1
      .prepare("select number, issued_on as issuedOn, title, issuer_unit_id as issuerUnitId from plans where id = ?1")
      .bind(childId),
    d1
      .prepare(
        `with recursive up(id, parent_id, depth) as (
           select id, parent_id, 0 from units
           where id = coalesce((select issuer_unit_id from plans where id = ?1), ?2)
           union all
           select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id where up.depth < 64
         )
         select id from up`,
      )
      .bind(childId, "issuerUnitId" in link.child ? link.child.issuerUnitId : null),
  ])) as [
    D1Result<{ id: number }>,
    D1Result<{ id: number; unitId: number; state: string; planId: number; title: string; deadlineText: string | null }>,
    D1Result<{ number: string | null; issuedOn: string | null; title: string }>,
    D1Result<{ id: number }>,
  ];
  if (chain.results.length === 0) return { ok: false, reason: "no_parent" };
  const childRow = "id" in link.child ? child.results[0] : link.child;
  if (!childRow) return { ok: false, reason: "no_child" };
  if (
    childId !== null &&
    wouldMakeCycle(
      childId,
      chain.results.map((r) => r.id),
    )
  )
    return { ok: false, reason: "cycle" };
  const ids = [...new Set(link.assignmentIds)];
  if (ids.length === 0) return { ok: false, reason: "no_assignments" };
  if (given.results.length !== ids.length || given.results.some((a) => a.planId !== link.parentPlanId))
    return { ok: false, reason: "not_in_parent" };
  const above = new Set(lineage.results.map((r) => r.id));
  if (given.results.some((a) => !above.has(a.unitId))) return { ok: false, reason: "not_child_unit" };
  return {
    ok: true,
    link: {
      parentPlanId: link.parentPlanId,
      assignmentIds: ids,
      planningAssignmentIds: given.results
        .filter((a) => (a.state === "open" || a.state === "in_progress") && isPlanningTask(`${a.title} ${a.deadlineText ?? ""}`))
        .map((a) => a.id),
      child: { number: childRow.number, issuedOn: childRow.issuedOn, title: childRow.title },
    },
  };
}

interface Query {
  sql: string;
  params: unknown[];
}

/** A statement for a batch, in the shape writeImportedPlan's `extra` takes. */
export interface LinkStatement {
  toSQL(): Query;
}

const statement = (sql: string, ...params: unknown[]): LinkStatement => ({ toSQL: () => ({ sql, params }) });

/**
 * The writes of a checked link, for one batch: the child's parent, its links
 * (replacing any earlier ones), for each planning task a completion report
 * (pending, for the parent office to confirm) naming the child plan, and the
 * audit entry. `child`: its id, or its source hash when the same batch
 * inserts it (an import).
 */
export function linkStatements(
  link: CheckedLink,
  child: { id: number } | { sourceHash: string },
  memberId: number | null,
  now: string,
): LinkStatement[] {
  const childRef = "id" in child ? "?1" : "(select id from plans where source_hash = ?1)";
  const ref = "id" in child ? child.id : child.sourceHash;
  const statements = [
    statement(`update plans set parent_plan_id = ?2 where id = ${childRef}`, ref, link.parentPlanId),
    statement(`delete from plan_links where child_plan_id = ${childRef}`, ref),
    statement(
      `insert into plan_links (child_plan_id, assignment_id, linked_by, created_at)
       select ${childRef}, value, ?3, ?4 from json_each(?2)`,
      ref,
      JSON.stringify(link.assignmentIds),
      memberId,
      now,
    ),
  ];
  // A report needs its reporter: a link made by no one (a script) reports nothing.
  if (memberId !== null) {
    const note = childPlanNote(link.child);
    for (const assignmentId of link.planningAssignmentIds) {
      statements.push(
        statement(
          `insert into progress_reports (assignment_id, member_id, kind, percent, note, dedupe_key, review_status, created_at)
           select ?1, ?2, 'completion', 100, ?3, 'plan-link:' || ${childRef.replace("?1", "?5")} || ':' || ?1, 'pending', ?4
           from assignments where id = ?1 and state in ('open', 'in_progress')
           on conflict do nothing`,
          assignmentId,
          memberId,
          note,
          now,
          ref,
        ),
        statement(
          `update assignments set state = 'awaiting_confirmation', progress = 100, reported_done_at = ?2, last_report_at = ?2, updated_at = ?2
           where id = ?1 and state in ('open', 'in_progress') and changes() = 1`,
          assignmentId,
          now,
        ),
      );
    }
  }
  statements.push(
    statement(
      `insert into audit_log (actor_member_id, action, entity, entity_id, detail)
       values (?1, 'plan.link', 'plan', ${childRef.replace("?1", "?2")}, ?3)`,
      memberId,
      ref,
      JSON.stringify({
        parentPlanId: link.parentPlanId,
        assignmentIds: link.assignmentIds,
        reported: link.planningAssignmentIds,
      }),
    ),
  );
  return statements;
}

/**
 * Links a saved plan to the parent plan it carries out, to the parent's
 * assignments it answers: refused with a reason (nothing written) as
 * linkCheck says, else one D1 batch (linkStatements).
 */
export async function linkChildPlan(
  db: Db,
  link: { childPlanId: number; parentPlanId: number; assignmentIds: number[]; memberId: number | null; now?: string },
): Promise<{ ok: true; reported: number[] } | { ok: false; reason: LinkRefusal }> {
  const checked = await linkCheck(db, {
    parentPlanId: link.parentPlanId,
    assignmentIds: link.assignmentIds,
    child: { id: link.childPlanId },
  });
  if (!checked.ok) return checked;
  const d1 = db.$client;
  const statements = linkStatements(checked.link, { id: link.childPlanId }, link.memberId, link.now ?? new Date().toISOString());
  await d1.batch(
    statements.map((s) => {
      const q = s.toSQL();
      return d1.prepare(q.sql).bind(...q.params);
    }),
  );
  return { ok: true, reported: checked.link.planningAssignmentIds };
}

/** A plan carries out no plan any more: its parent and links are removed (reports already made stay), audited; one batch. */
export async function unlinkChildPlan(db: Db, p: { childPlanId: number; memberId: number | null }): Promise<void> {
  const d1 = db.$client;
  await d1.batch([
    d1.prepare("update plans set parent_plan_id = null where id = ?1").bind(p.childPlanId),
    d1.prepare("delete from plan_links where child_plan_id = ?1").bind(p.childPlanId),
    d1
      .prepare(
        "insert into audit_log (actor_member_id, action, entity, entity_id, detail) values (?1, 'plan.unlink', 'plan', ?2, null)",
      )
      .bind(p.memberId, p.childPlanId),
  ]);
}

export interface ChildPlanProgress {
  id: number;
  number: string | null;
  title: string;
  issuedOn: string | null;
  createdAt: string;
  issuerUnitId: number;
  tasks: number;
  assignments: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  /** Assignments not done yet (overdue ones included). */
  open: number;
}

export interface UnitChildPlans {
  unitId: number;
  unitName: string;
  plans: ChildPlanProgress[];
  /** The unit's task asking for its plan ("xây dựng kế hoạch thực hiện…"), with the deadline in force. */
  planningTask: { assignmentId: number; title: string; deadlineText: string | null; due: string | null; state: string } | null;
}

/** The due date in force and "done on time", as db/queries/overview.ts counts them. */
const DUE = "coalesce(a.due_override, t.due_on)";
const REPORTED_ON =
  "case when length(a.reported_done_at) > 10 then date(a.reported_done_at, '+7 hours') else a.reported_done_at end";
const DONE_ON_TIME = `a.state = 'done' and not (${DUE} is not null and a.reported_done_at is not null and ${REPORTED_ON} > ${DUE})`;

/**
 * Per unit assigned in the parent plan (by name): the child plans linked to
 * its assignments there, each with its progress on `today` (Vietnam date),
 * and its planning task if it has one. One statement: the bench holds a
 * parent of 100 child plans of 50 tasks each to one round trip.
 */
export async function childPlansByUnit(db: Db, parentPlanId: number, today: string): Promise<UnitChildPlans[]> {
  const query = childPlansQuery(db.$client, parentPlanId, today);
  return query.read(await query.statement.all());
}

/** childPlansByUnit as a statement, to run in another query's batch (planOverviewWith). */
export function childPlansQuery(d1: D1Database, parentPlanId: number, today: string): BatchedQuery<UnitChildPlans[]> {
  const statement = d1
    .prepare(
      `with assigned as (
         select a.unit_id, json_group_array(json_array(a.id, t.title, t.deadline_text, ${DUE}, a.state)) as tasks
         from tasks t join assignments a on a.task_id = t.id where t.plan_id = ?1 group by a.unit_id
       ), kids as (
         select distinct l.child_plan_id as plan_id, a.unit_id
         from tasks t join assignments a on a.task_id = t.id join plan_links l on l.assignment_id = a.id
         where t.plan_id = ?1
       ), progress as (
         select c.id, c.number, c.title, c.issued_on, c.created_at, c.issuer_unit_id,
                (select count(*) from tasks where plan_id = c.id) as tasks,
                count(a.id) as assignments, coalesce(sum(a.state = 'done'), 0) as done,
                coalesce(sum(${DONE_ON_TIME}), 0) as on_time, coalesce(sum(${OVERDUE}), 0) as overdue
         from plans c left join tasks t on t.plan_id = c.id left join assignments a on a.task_id = t.id
         where c.parent_plan_id = ?1 and c.archived = 0
         group by c.id
       )
       select s.unit_id as unitId, u.name as unitName, s.tasks,
              (select json_group_array(json_array(p.id, p.number, p.title, p.issued_on, p.created_at, p.issuer_unit_id,
                                                  p.tasks, p.assignments, p.done, p.on_time, p.overdue))
               from kids k join progress p on p.id = k.plan_id where k.unit_id = s.unit_id) as plans
       from assigned s join units u on u.id = s.unit_id
       order by u.name_key`,
    )
    .bind(parentPlanId, today);
  return { statement, read: (result) => readChildPlans(result.results as ChildPlanRow[]) };
}

interface ChildPlanRow {
  unitId: number;
  unitName: string;
  tasks: string;
  plans: string;
}

function readChildPlans(results: ChildPlanRow[]): UnitChildPlans[] {
  type PlanTuple = [number, string | null, string, string | null, string, number, number, number, number, number, number];
  type TaskTuple = [number, string, string | null, string | null, string];
  return results.map((r) => {
    const planning = (JSON.parse(r.tasks) as TaskTuple[])
      .filter(([, title, deadlineText]) => isPlanningTask(`${title} ${deadlineText ?? ""}`))
      .sort((a, b) => (a[3] ?? "9999").localeCompare(b[3] ?? "9999"))[0];
    return {
      unitId: r.unitId,
      unitName: r.unitName,
      plans: (JSON.parse(r.plans) as PlanTuple[])
        .map(([id, number, title, issuedOn, createdAt, issuerUnitId, tasks, assignments, done, doneOnTime, overdue]) => ({
          id,
          number,
          title,
          issuedOn,
          createdAt,
          issuerUnitId,
          tasks,
          assignments,
          done,
          doneOnTime,
          overdue,
          open: assignments - done,
        }))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id),
      planningTask: planning
        ? { assignmentId: planning[0], title: planning[1], deadlineText: planning[2], due: planning[3], state: planning[4] }
        : null,
    };
  });
}

/**
 * The child plans that carry out these assignments (a parent task's units),
 * each with its progress on `today`, by assignment. One statement.
 */
export async function childPlansOfAssignments(
  db: Db,
  assignmentIds: number[],
  today: string,
): Promise<Map<number, ChildPlanProgress[]>> {
  const { results } = await db.$client
    .prepare(
      `select l.assignment_id as assignmentId, c.id, c.number, c.title, c.issued_on as issuedOn, c.created_at as createdAt,
              c.issuer_unit_id as issuerUnitId, (select count(*) from tasks where plan_id = c.id) as tasks,
              count(a.id) as assignments, coalesce(sum(a.state = 'done'), 0) as done,
              coalesce(sum(${DONE_ON_TIME}), 0) as doneOnTime, coalesce(sum(${OVERDUE}), 0) as overdue
       from plan_links l join plans c on c.id = l.child_plan_id and c.archived = 0
         left join tasks t on t.plan_id = c.id left join assignments a on a.task_id = t.id
       where l.assignment_id in (select value from json_each(?1))
       group by l.assignment_id, c.id
       order by c.created_at, c.id`,
    )
    .bind(JSON.stringify(assignmentIds), today)
    .all<Omit<ChildPlanProgress, "open"> & { assignmentId: number }>();
  const byAssignment = new Map<number, ChildPlanProgress[]>();
  for (const { assignmentId, ...plan } of results)
    byAssignment.set(assignmentId, [...(byAssignment.get(assignmentId) ?? []), { ...plan, open: plan.assignments - plan.done }]);
  return byAssignment;
}
