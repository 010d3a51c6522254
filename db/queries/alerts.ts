import type { CheckinEvery } from "../../core/checkins/period";
import type { AssignmentCandidate, MemberCandidate, WaitingItem } from "../../core/alerts/plan";
import type { AssignmentState } from "../../core/status/derive";
import { vietnamDate } from "../../core/time/vietnam-date";
import type { Role } from "../schema";

/**
 * The due scan of the cron job, in two D1 round trips. Plain statements
 * rather than Drizzle: the run reports D1's own `rows_read` beside the rows
 * returned (billing counts rows scanned), and lists go in as one JSON
 * parameter (json_each) instead of one parameter each, so no statement nears
 * D1's 100 bound parameters whatever the size of the committee.
 *
 * Every statement is written so the indexes in ALERT_SCAN_INDEXES serve it:
 * open assignments only (a partial index leaves the done ones out of reach),
 * by due date through the task, or by an extension's own date.
 */

/** An assignment as the scan returns it: the rules' facts and what an alert shows. */
export interface AlertAssignment extends AssignmentCandidate {
  taskId: number;
  ref: string;
  title: string;
  deadlineText: string | null;
  planId: number;
  planLabel: string;
}

export interface StatementStats {
  name: string;
  rowsRead: number;
  rowsReturned: number;
}

export interface DueScan {
  assignments: AlertAssignment[];
  checkins: Map<number, Set<string>>;
  members: MemberCandidate[];
  admins: MemberCandidate[];
  mutes: { memberId: number; assignmentId: number; until: string }[];
  extensionsPending: WaitingItem[];
  completionsPending: WaitingItem[];
  unitNames: Map<number, string>;
  stats: StatementStats[];
}

const OPEN = "a.state in ('open', 'in_progress')";

const assignmentColumns = `
  a.id, a.unit_id, a.state, a.due_override, a.last_report_at, a.reported_done_at,
  t.id as task_id, t.due_on, t.recurrence, t.checkin_every, t.created_at as task_created_at,
  t.ref, t.title, t.deadline_text, p.id as plan_id, p.number as plan_number, p.title as plan_title, p.monitor_unit_id`;

// CROSS JOIN fixes SQLite's join order: live plans, then their tasks by due
// date, then only the open assignments of those tasks. Left to itself (no
// ANALYZE statistics in D1) the planner starts from assignments and reads them all.

/** Open assignments whose task is due by the horizon (overdue ones included), extensions aside. */
const byTaskDue = `
  select ${assignmentColumns}
  from plans p
  cross join tasks t on t.plan_id = p.id
  cross join assignments a on a.task_id = t.id
  where p.archived = 0 and t.due_on <= ?1 and ${OPEN} and a.due_override is null`;

/** Open assignments whose approved extension is due by the horizon. */
const byExtendedDue = `
  select ${assignmentColumns}
  from assignments a
  cross join tasks t on t.id = a.task_id
  cross join plans p on p.id = t.plan_id
  where a.due_override <= ?1 and ${OPEN} and p.archived = 0`;

/** Open recurring duties (no due date): their check-ins. */
const recurring = `
  select ${assignmentColumns}
  from plans p
  cross join tasks t on t.plan_id = p.id
  cross join assignments a on a.task_id = t.id
  where p.archived = 0 and t.due_on is null and t.recurrence is not null and ${OPEN} and a.due_override is null`;

const checkins = `
  select assignment_id, period_key from progress_reports
  where kind = 'checkin' and period_key in (select value from json_each(?1))`;

const memberColumns = "m.id, m.unit_id, m.role, m.paused_until, m.unreachable_since, m.removed_at";

const admins = `
  select ${memberColumns} from members m
  where m.role = 'admin' and m.removed_at is null
    and m.unit_id in (select monitor_unit_id from plans where archived = 0)`;

/** Members and leaders of the units concerned who can receive alerts today. */
const unitMembers = `
  select ${memberColumns} from members m
  where m.unit_id in (select value from json_each(?1))
    and m.removed_at is null and m.unreachable_since is null
    and m.role in ('member', 'leader')
    and (m.paused_until is null or m.paused_until < ?2)`;

const unitNames = "select id, name from units where id in (select value from json_each(?1))";

const pruneMutes = "delete from alert_mutes where until < ?1";
const mutes = "select member_id, assignment_id, until from alert_mutes where until >= ?1";

const extensionsPending = `
  select e.assignment_id, p.monitor_unit_id from extension_requests e
  join assignments a on a.id = e.assignment_id
  join tasks t on t.id = a.task_id
  join plans p on p.id = t.plan_id
  where e.status = 'pending' and p.archived = 0`;

const completionsPending = `
  select r.assignment_id, p.monitor_unit_id from progress_reports r
  join assignments a on a.id = r.assignment_id
  join tasks t on t.id = a.task_id
  join plans p on p.id = t.plan_id
  where r.review_status = 'pending' and r.kind = 'completion' and p.archived = 0`;

/** The scan's main statements, for EXPLAIN QUERY PLAN in the benchmark (?1: the horizon; for check-ins, the period keys as JSON). */
export const scanStatements = { byTaskDue, byExtendedDue, recurring, checkins } as const;

interface AssignmentRow {
  id: number;
  unit_id: number;
  state: AssignmentState;
  due_override: string | null;
  last_report_at: string | null;
  reported_done_at: string | null;
  task_id: number;
  due_on: string | null;
  recurrence: string | null;
  checkin_every: CheckinEvery | null;
  task_created_at: string;
  ref: string;
  title: string;
  deadline_text: string | null;
  plan_id: number;
  plan_number: string | null;
  plan_title: string;
  monitor_unit_id: number;
}

interface MemberRow {
  id: number;
  unit_id: number;
  role: Role;
  paused_until: string | null;
  unreachable_since: string | null;
  removed_at: string | null;
}

export interface ScanParams {
  today: string;
  /** The latest due date to look at (see dueHorizon). */
  horizon: string;
  /** Check-in periods that matter today (see checkinPeriodKeys). */
  checkinPeriods: string[];
}

export async function scanDueAlerts(d1: D1Database, params: ScanParams): Promise<DueScan> {
  const { today, horizon } = params;
  const first = await d1.batch<Record<string, unknown>>([
    d1.prepare(pruneMutes).bind(today),
    d1.prepare(byTaskDue).bind(horizon),
    d1.prepare(byExtendedDue).bind(horizon),
    d1.prepare(recurring),
    d1.prepare(checkins).bind(JSON.stringify(params.checkinPeriods)),
    d1.prepare(admins),
    d1.prepare(mutes).bind(today),
    d1.prepare(extensionsPending),
    d1.prepare(completionsPending),
  ]);
  const [, dueRows, extendedRows, recurringRows, checkinRows, adminRows, muteRows, extensionRows, completionRows] =
    first as unknown as [
      D1Result,
      D1Result<AssignmentRow>,
      D1Result<AssignmentRow>,
      D1Result<AssignmentRow>,
      D1Result<{ assignment_id: number; period_key: string }>,
      D1Result<MemberRow>,
      D1Result<{ member_id: number; assignment_id: number; until: string }>,
      D1Result<{ assignment_id: number; monitor_unit_id: number }>,
      D1Result<{ assignment_id: number; monitor_unit_id: number }>,
    ];

  const pending = new Set(extensionRows.results.map((r) => r.assignment_id));
  const assignments = [...dueRows.results, ...extendedRows.results, ...recurringRows.results].map((row) =>
    toAssignment(row, pending),
  );
  const unitIds = [...new Set(assignments.map((a) => a.unitId))];
  const [memberRows, nameRows] = (await d1.batch<Record<string, unknown>>([
    d1.prepare(unitMembers).bind(JSON.stringify(unitIds), today),
    d1.prepare(unitNames).bind(JSON.stringify(unitIds)),
  ])) as unknown as [D1Result<MemberRow>, D1Result<{ id: number; name: string }>];

  const checkinMap = new Map<number, Set<string>>();
  for (const r of checkinRows.results) {
    const set = checkinMap.get(r.assignment_id) ?? new Set<string>();
    set.add(r.period_key);
    checkinMap.set(r.assignment_id, set);
  }
  const waiting = (rows: { assignment_id: number; monitor_unit_id: number }[]) =>
    rows.map((r) => ({ assignmentId: r.assignment_id, monitorUnitId: r.monitor_unit_id }));
  const stat = (name: string, r: D1Result) => ({ name, rowsRead: r.meta.rows_read ?? 0, rowsReturned: r.results.length });

  return {
    assignments,
    checkins: checkinMap,
    members: memberRows.results.map(toMember),
    admins: adminRows.results.map(toMember),
    mutes: muteRows.results.map((r) => ({ memberId: r.member_id, assignmentId: r.assignment_id, until: r.until })),
    extensionsPending: waiting(extensionRows.results),
    completionsPending: waiting(completionRows.results),
    unitNames: new Map(nameRows.results.map((r) => [r.id, r.name])),
    stats: [
      stat("assignments due by task date", dueRows),
      stat("assignments due by extension", extendedRows),
      stat("recurring duties", recurringRows),
      stat("check-ins", checkinRows),
      stat("members of the units", memberRows),
      stat("admins", adminRows),
      stat("mutes", muteRows),
      stat("extensions pending", extensionRows),
      stat("completions pending", completionRows),
      stat("unit names", nameRows),
    ],
  };
}

function toAssignment(row: AssignmentRow, extensionPending: ReadonlySet<number>): AlertAssignment {
  return {
    id: row.id,
    unitId: row.unit_id,
    monitorUnitId: row.monitor_unit_id,
    state: row.state,
    dueOn: row.due_on,
    dueOverride: row.due_override,
    recurrence: row.recurrence,
    checkinEvery: row.checkin_every,
    reportedDoneAt: row.reported_done_at,
    lastReportOn: row.last_report_at === null ? null : vietnamDate(new Date(row.last_report_at)),
    extensionPending: extensionPending.has(row.id),
    trackedSince: vietnamDate(new Date(row.task_created_at)),
    taskId: row.task_id,
    ref: row.ref,
    title: row.title,
    deadlineText: row.deadline_text,
    planId: row.plan_id,
    planLabel: row.plan_number ?? row.plan_title,
  };
}

function toMember(row: MemberRow): MemberCandidate {
  return {
    id: row.id,
    unitId: row.unit_id,
    role: row.role,
    pausedUntil: row.paused_until,
    unreachableSince: row.unreachable_since,
    removedAt: row.removed_at,
  };
}

/**
 * Indexes the scan relies on (the same as in db/schema.ts and its
 * migration); the benchmark drops and recreates them to measure the scan
 * without and with them.
 *
 * - tasks_plan_due_idx: a live plan's tasks due by the horizon (and its
 *   recurring duties, due_on null) without reading the rest of the plan.
 * - assignments_open_task_idx: from a due task straight to its open
 *   assignments; the done ones, most of a plan's past, are never read.
 * - assignments_extended_idx: assignments with an approved extension, by
 *   their own date (few rows; kept out of reach of "due_override is null").
 * - progress_reports_checkin_idx: check-ins by period, without reading every
 *   progress report ever made.
 */
export const ALERT_SCAN_INDEXES = [
  "create index if not exists tasks_plan_due_idx on tasks (plan_id, due_on)",
  "create index if not exists assignments_open_task_idx on assignments (task_id) where state in ('open', 'in_progress')",
  "create index if not exists assignments_extended_idx on assignments (due_override) where due_override is not null and state in ('open', 'in_progress')",
  "create index if not exists progress_reports_checkin_idx on progress_reports (period_key, assignment_id) where kind = 'checkin'",
];
