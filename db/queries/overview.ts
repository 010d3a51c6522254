import { assignmentsAsOf } from "./as-of";
import { statsOf, type StatementStats } from "./stats";

/**
 * The plan at a glance, aggregated in D1: a plan of 100,000 assignments
 * must not travel to the Worker to be counted. Plain statements, so D1's
 * rows_read can be reported beside the rows returned.
 */

/** The due date in force: an approved extension, else the task's own. */
const DUE = "coalesce(a.due_override, t.due_on)";
/** The Vietnam calendar day of the completion report (instants are UTC). */
const REPORTED_ON =
  "case when length(a.reported_done_at) > 10 then date(a.reported_done_at, '+7 hours') else a.reported_done_at end";

/**
 * core/status/derive.ts deriveStatus, in SQL, for counting. Recurring duties
 * without a due date count as one bucket ("recurring"): splitting them by
 * check-in period needs the check-in history, which the task view shows.
 * test/admin/overview.test.ts checks the two agree.
 */
export const STATUS_BUCKET = `case
  when a.state = 'done' then case when ${DUE} is not null and a.reported_done_at is not null and ${REPORTED_ON} > ${DUE} then 'done_late' else 'done_on_time' end
  when a.state = 'awaiting_confirmation' then 'awaiting_confirmation'
  when ${DUE} is not null then case when ?2 > ${DUE} then 'overdue' when ${DUE} <= ?3 then 'due_soon' when a.state = 'in_progress' then 'in_progress' else 'not_due' end
  when t.recurrence is not null then 'recurring'
  when a.state = 'in_progress' then 'in_progress'
  else 'no_deadline' end`;

export const OVERDUE = `a.state in ('open', 'in_progress') and ${DUE} < ?2`;

export type Bucket =
  | "overdue"
  | "due_soon"
  | "awaiting_confirmation"
  | "in_progress"
  | "not_due"
  | "recurring"
  | "no_deadline"
  | "done_late"
  | "done_on_time";

export interface UnitCount {
  unitId: number;
  unitName: string;
  count: number;
  /** The due date of its oldest overdue assignment: units with as many overdue are ordered by how long they are late. */
  oldestDue: string;
}

export interface Overview {
  counts: Record<Bucket, number>;
  total: number;
  /** Tasks of the plan (an assignment is a task given to one unit: a task for three units is three). */
  tasks: number;
  /** Units with overdue assignments, most first (at most `top`). */
  worstUnits: UnitCount[];
  unitsOverdue: number;
  completionsPending: number;
  extensionsPending: number;
  stats: StatementStats[];
}

export interface OverviewParams {
  planId: number;
  today: string;
  /** Last day of the "sắp đến hạn" window. */
  soonUntil: string;
  top?: number;
  /**
   * Counts as the plan stood at this instant (UTC ISO; db/queries/as-of):
   * the reports' view of a past day. `today` is then that day.
   */
  asOf?: string;
  /** Only these units (a committee member's units in charge). */
  unitIds?: number[];
}

/**
 * Where the counted rows come from: the table itself, or as it stood at ?5;
 * and which units (?6). Parameters 1–4 are the overview's own.
 */
function scope(p: OverviewParams): { from: string; units: string; binds: (string | null)[] } {
  const binds: (string | null)[] = [];
  if (p.asOf !== undefined || p.unitIds !== undefined) binds.push(p.asOf ?? null);
  if (p.unitIds !== undefined) binds.push(JSON.stringify(p.unitIds));
  return {
    from: p.asOf === undefined ? "assignments" : assignmentsAsOf("?5"),
    units: p.unitIds === undefined ? "" : " and a.unit_id in (select value from json_each(?6))",
    binds,
  };
}

/** A statement to run in the overview's own batch (one D1 round trip), and how to read its result. */
export interface BatchedQuery<T> {
  statement: D1PreparedStatement;
  read: (result: D1Result) => T;
}

export async function planOverview(d1: D1Database, p: OverviewParams): Promise<Overview> {
  return readOverview((await d1.batch(overviewStatements(d1, p))) as OverviewResults);
}

/** The overview and another query of the same screen (the roll-up of plans below), in one round trip. */
export async function planOverviewWith<T>(d1: D1Database, p: OverviewParams, other: BatchedQuery<T>): Promise<[Overview, T]> {
  const results = await d1.batch([...overviewStatements(d1, p), other.statement]);
  return [readOverview(results.slice(0, 2) as OverviewResults), other.read(results[2]!)];
}

type OverviewResults = [
  D1Result<Record<Bucket | "total", number> & { worst: string }>,
  D1Result<{ completions: number; extensions: number; tasks: number }>,
];

function overviewStatements(d1: D1Database, p: OverviewParams): D1PreparedStatement[] {
  // One scan of the plan, with no sort of all its assignments (SQLite's
  // GROUP BY sorts through a temporary b-tree, which D1 counts as rows read
  // again): the buckets are summed in one row, and only the overdue
  // assignments' unit ids are collected, then counted per unit. 'overdue' is
  // exactly OVERDUE: the four states leave no other way to it. `limit -1`
  // keeps the inner select from being flattened into the sums, which would
  // evaluate STATUS_BUCKET once per bucket.
  const { from, units, binds } = scope(p);
  const at = p.asOf === undefined ? null : "?5";
  return [
    d1
      .prepare(
        `with scan as materialized (
           select count(*) as total, ${BUCKETS.map((b) => `coalesce(sum(bucket = '${b}'), 0) as ${b}`).join(", ")},
                  json_group_array(json_array(unit_id, due)) filter (where bucket = 'overdue') as overdue_units
           from (select a.unit_id, ${DUE} as due, ${STATUS_BUCKET} as bucket from tasks t join ${from} a on a.task_id = t.id where t.plan_id = ?1${units} limit -1)
         ), per_unit as (
           select j.value ->> 0 as unit_id, count(*) as n, min(j.value ->> 1) as oldest
           from scan, json_each(scan.overdue_units) j group by j.value ->> 0
         ), worst as (
           select p.unit_id, u.name as unit_name, p.n, p.oldest, count(*) over () as units,
                  row_number() over (order by p.n desc, p.oldest, u.name_key) as rank
           from per_unit p join units u on u.id = p.unit_id
           order by p.n desc, p.oldest, u.name_key limit ?4
         )
         select scan.*, (select json_group_array(json_array(unit_id, unit_name, n, units, rank, oldest)) from worst) as worst from scan`,
      )
      .bind(p.planId, p.today, p.soonUntil, p.top ?? 5, ...binds),
    d1
      .prepare(
        `select
           (select count(*) from progress_reports r join assignments a on a.id = r.assignment_id join tasks t on t.id = a.task_id
            where r.kind = 'completion' and t.plan_id = ?1${units}
              and ${at ? `r.created_at <= ${at} and (r.review_status = 'pending' or r.reviewed_at > ${at})` : "r.review_status = 'pending'"}) as completions,
           (select count(*) from extension_requests e join assignments a on a.id = e.assignment_id join tasks t on t.id = a.task_id
            where t.plan_id = ?1${units}
              and ${at ? `e.created_at <= ${at} and (e.status = 'pending' or e.decided_at > ${at})` : "e.status = 'pending'"}) as extensions,
           (select count(*) from tasks where plan_id = ?1) as tasks`,
      )
      // ?2–?4 are unused here; they are bound only to reach ?5 and ?6 by position.
      .bind(...(binds.length === 0 ? [p.planId] : [p.planId, p.today, p.soonUntil, p.top ?? 5, ...binds])),
  ];
}

function readOverview([scan, waiting]: OverviewResults): Overview {
  const row = scan.results[0];
  const counts = Object.fromEntries(BUCKETS.map((b) => [b, row?.[b] ?? 0])) as Record<Bucket, number>;
  // [unit_id, unit_name, n, units, rank, oldest] per unit, most overdue first.
  const worst = (JSON.parse(row?.worst ?? "[]") as [number, string, number, number, number, string][]).sort(
    (a, b) => a[4] - b[4],
  );
  return {
    counts,
    total: row?.total ?? 0,
    tasks: waiting.results[0]?.tasks ?? 0,
    worstUnits: worst.map(([unitId, unitName, count, , , oldestDue]) => ({ unitId, unitName, count, oldestDue })),
    unitsOverdue: worst[0]?.[3] ?? 0,
    completionsPending: waiting.results[0]?.completions ?? 0,
    extensionsPending: waiting.results[0]?.extensions ?? 0,
    stats: [statsOf("counts by status, overdue by unit (one scan)", scan), statsOf("waiting for approval", waiting)],
  };
}

export const BUCKETS: Bucket[] = [
  "overdue",
  "due_soon",
  "awaiting_confirmation",
  "in_progress",
  "not_due",
  "recurring",
  "no_deadline",
  "done_late",
  "done_on_time",
];

export interface OverdueItem {
  assignmentId: number;
  ref: string;
  title: string;
  due: string;
}

export interface OverdueUnit {
  unitId: number;
  unitName: string;
  count: number;
  items: OverdueItem[];
}

/**
 * Overdue assignments grouped by unit, the unit with most first; one page of
 * units, each with its `perUnit` oldest items. One statement: window
 * functions rank the units and the items inside each.
 */
export async function overdueByUnit(
  d1: D1Database,
  p: { planId: number; today: string; offset: number; limit: number; perUnit: number; unitId?: number },
): Promise<{ units: OverdueUnit[]; unitCount: number; total: number; stats: StatementStats[] }> {
  const result = await d1
    .prepare(
      `with od as (
         select a.id, a.unit_id, u.name as unit_name, u.name_key, t.ref, t.title, t.sort_order, ${DUE} as due,
                row_number() over (partition by a.unit_id order by ${DUE}, t.sort_order, t.id) as rn,
                count(*) over (partition by a.unit_id) as n
         from tasks t join assignments a on a.task_id = t.id join units u on u.id = a.unit_id
         where t.plan_id = ?1 and ${OVERDUE} and (?6 is null or a.unit_id = ?6)
       ), ranked as (
         select *, dense_rank() over (order by n desc, name_key, unit_id) as unit_rank,
                count(*) over () as total
         from od
       )
       select id, unit_id, unit_name, ref, title, due, n, unit_rank, total,
              (select max(unit_rank) from ranked) as unit_count
       from ranked where rn <= ?5 and unit_rank > ?3 and unit_rank <= ?3 + ?4
       order by unit_rank, rn`,
    )
    .bind(p.planId, p.today, p.offset, p.limit, p.perUnit, p.unitId ?? null)
    .all<{
      id: number;
      unit_id: number;
      unit_name: string;
      ref: string;
      title: string;
      due: string;
      n: number;
      unit_rank: number;
      total: number;
      unit_count: number;
    }>();
  const units = new Map<number, OverdueUnit>();
  for (const r of result.results) {
    const unit = units.get(r.unit_id) ?? { unitId: r.unit_id, unitName: r.unit_name, count: r.n, items: [] };
    unit.items.push({ assignmentId: r.id, ref: r.ref, title: r.title, due: r.due });
    units.set(r.unit_id, unit);
  }
  let unitCount = result.results[0]?.unit_count ?? 0;
  let total = result.results[0]?.total ?? 0;
  if (result.results.length === 0 && p.offset > 0) {
    // Past the last page (the list shrank since it was shown): the caller goes back to page one.
    unitCount = -1;
    total = 0;
  }
  return { units: [...units.values()], unitCount, total, stats: [statsOf("overdue by unit, one page", result)] };
}

export interface UnitRow {
  unitId: number;
  unitName: string;
  total: number;
  overdue: number;
  done: number;
}

/** The plan's units with their counts, most overdue first; one page. */
export async function planUnits(
  d1: D1Database,
  p: { planId: number; today: string; offset: number; limit: number },
): Promise<{ units: UnitRow[]; unitCount: number }> {
  const { results } = await d1
    .prepare(
      `select a.unit_id, u.name as unit_name, count(*) as total,
              coalesce(sum(${OVERDUE}), 0) as overdue, sum(a.state = 'done') as done, count(*) over () as unit_count
       from tasks t join assignments a on a.task_id = t.id join units u on u.id = a.unit_id
       where t.plan_id = ?1
       group by a.unit_id order by overdue desc, u.name_key limit ?4 offset ?3`,
    )
    .bind(p.planId, p.today, p.offset, p.limit)
    .all<{ unit_id: number; unit_name: string; total: number; overdue: number; done: number; unit_count: number }>();
  return {
    units: results.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, total: r.total, overdue: r.overdue, done: r.done })),
    unitCount: results[0]?.unit_count ?? 0,
  };
}
