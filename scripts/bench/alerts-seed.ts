/**
 * Synthetic committees for the alert benchmarks, written straight into a
 * local D1 with a few INSERT … SELECT statements: pseudo-random but
 * deterministic (multiplicative hashes of row numbers), so every run scans
 * the same data.
 */
import { periodContaining, previousPeriod } from "../../core/checkins/period";
import { addDays } from "../../core/time/vietnam-date";

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const seq = (n: number, from = 0) =>
  `with recursive s(x) as (select ${from} union all select x + 1 from s where x < ${from + n - 1})`;

export interface ScanSeed {
  units: number;
  membersPerUnit: number;
  plans: number;
  tasksPerPlan: number;
  unitsPerTask: number;
}

/**
 * The due-scan data: `units` units of `membersPerUnit` people (1 leader,
 * 1 viewer, the rest members; ~2% paused, ~1% unreachable, ~1% removed) and
 * two admins in the monitoring office; `plans` plans (the last tenth
 * archived) of `tasksPerPlan` tasks, each assigned to `unitsPerTask` units.
 * Due dates spread over a year either side of `today`; 15% of tasks are
 * recurring duties. Past the due date 92% of assignments are done and 3% wait
 * for confirmation; 2% have an approved extension; a progress report for
 * every assignment under way or done, check-ins for most recurring duties.
 */
/** Every seeded member reached on one channel, the member id doubling as the chat id. */
const linkStatement = (
  channel: "telegram" | "zalo",
) => `insert into member_channels (channel, user_id, member_id, chat_id, unreachable_since)
  select '${channel}', id, id, id, unreachable_since from members where removed_at is null`;
const linkTelegramStatement = linkStatement("telegram");

export function scanSeedStatements(today: string, s: ScanSeed): string[] {
  const members = s.units * s.membersPerUnit;
  const tasks = s.plans * s.tasksPerPlan;
  const current = periodContaining("quarterly", today).key;
  const previous = previousPeriod("quarterly", today).key;
  return [
    `insert into units (id, parent_id, name, name_key) values (1, null, 'Tỉnh ủy Bench', 'tinh uy bench'), (2, 1, 'Ban Tổ chức Bench', 'ban to chuc bench')`,
    `${seq(s.units, 1)} insert into units (id, parent_id, name, name_key) select 100 + x, 1, 'Đảng ủy xã ' || x, 'dang uy xa ' || x from s`,
    `${seq(members)} insert into members (id, unit_id, role, full_name, paused_until, unreachable_since, removed_at)
     select 500000000 + x, 101 + (x / ${s.membersPerUnit}) % ${s.units},
       case x % ${s.membersPerUnit} when 0 then 'leader' when ${s.membersPerUnit - 1} then 'viewer' else 'member' end,
       'Cán bộ ' || x,
       case when (x * 7919) % 100 < 2 then ${q(addDays(today, 10))} end,
       case when (x * 104729) % 100 = 1 then '2026-01-02T00:00:00.000Z' end,
       case when (x * 15485863) % 100 = 2 then '2026-01-03T00:00:00.000Z' end
     from s`,
    `insert into members (id, unit_id, role, full_name) values (499000001, 2, 'admin', 'Quản trị 1'), (499000002, 2, 'admin', 'Quản trị 2')`,
    linkTelegramStatement,
    `${seq(s.plans, 1)} insert into plans (id, issuer_unit_id, monitor_unit_id, number, title, archived)
     select x, 1, 2, 'KH-' || x, 'Kế hoạch bench ' || x, x > ${s.plans - Math.max(1, Math.round(s.plans / 10))} from s`,
    `${seq(tasks)} insert into tasks (id, plan_id, ref, title, deadline_kind, due_on, recurrence, created_at)
     select x + 1, 1 + x % ${s.plans}, 'T' || x, 'Nhiệm vụ bench ' || x,
       case when (x * 31) % 100 < 15 then 'recurring' else 'date' end,
       case when (x * 31) % 100 < 15 then null else date(${q(today)}, ((x * 7907) % 730 - 365) || ' days') end,
       case when (x * 31) % 100 < 15 then 'ongoing' end,
       '2025-06-01T00:00:00.000Z'
     from s`,
    `${seq(s.unitsPerTask)} insert into assignments (task_id, unit_id, role, state, due_override, last_report_at)
     select task_id, unit_id, 'lead',
       case
         when due_on is null then case when h < 300 then 'in_progress' else 'open' end
         when due_on < ${q(today)} then case when h < 920 then 'done' when h < 950 then 'awaiting_confirmation' when h < 975 then 'in_progress' else 'open' end
         else case when h < 50 then 'done' when h < 300 then 'in_progress' else 'open' end
       end,
       case when due_on is not null and h % 50 = 7 then date(due_on, '+30 days') end,
       case when h % 3 = 0 then '2026-05-15T03:00:00.000Z' end
     from (
       select t.id as task_id, t.due_on, 101 + (t.id * ${s.unitsPerTask} + s.x) % ${s.units} as unit_id,
              ((t.id * ${s.unitsPerTask} + s.x) * 2654435761) % 1000 as h
       from tasks t cross join s
     )`,
    `insert into progress_reports (assignment_id, member_id, kind, percent, note, created_at)
     select id, 1, 'progress', 50, 'bench', '2026-05-15T03:00:00.000Z' from assignments where state <> 'open'`,
    `insert into progress_reports (assignment_id, member_id, kind, note, review_status)
     select id, 1, 'completion', 'bench', 'pending' from assignments where state = 'awaiting_confirmation'`,
    `insert into progress_reports (assignment_id, member_id, kind, note, period_key)
     select a.id, 1, 'checkin', 'bench', ${q(previous)} from assignments a join tasks t on t.id = a.task_id
     where t.recurrence is not null and (a.id * 40503) % 100 < 80`,
    `insert into progress_reports (assignment_id, member_id, kind, note, period_key)
     select a.id, 1, 'checkin', 'bench', ${q(current)} from assignments a join tasks t on t.id = a.task_id
     where t.recurrence is not null and (a.id * 40503) % 100 < 30`,
    `insert into extension_requests (assignment_id, requested_by, original_due, proposed_due, reason)
     select a.id, 1, t.due_on, date(t.due_on, '+30 days'), 'bench' from assignments a join tasks t on t.id = a.task_id
     where a.state in ('open', 'in_progress') and t.due_on < ${q(today)} and a.id % 20 = 3`,
  ];
}

/**
 * The delivery data: `alerts` assignments due in three days over units of
 * one member each; one unit in ten has a second task, so one chat in ten
 * gets two alerts (the per-chat pace applies).
 */
export function deliverySeedStatements(today: string, alerts: number, channel: "telegram" | "zalo" = "telegram"): string[] {
  const units = Math.ceil(alerts / 1.1);
  return [
    `insert into units (id, parent_id, name, name_key) values (1, null, 'Tỉnh ủy Bench', 'tinh uy bench'), (2, 1, 'Ban Tổ chức Bench', 'ban to chuc bench')`,
    `${seq(units, 1)} insert into units (id, parent_id, name, name_key) select 100 + x, 1, 'Đảng ủy xã ' || x, 'dang uy xa ' || x from s`,
    `${seq(units, 1)} insert into members (id, unit_id, role, full_name) select 600000000 + x, 100 + x, 'member', 'Cán bộ ' || x from s`,
    linkStatement(channel),
    `insert into plans (id, issuer_unit_id, monitor_unit_id, number, title) values (1, 1, 2, 'KH-1', 'Kế hoạch bench')`,
    `${seq(alerts)} insert into tasks (id, plan_id, ref, title, deadline_kind, due_on) select x + 1, 1, 'T' || x, 'Nhiệm vụ bench số ' || x, 'date', ${q(addDays(today, 3))} from s`,
    `insert into assignments (task_id, unit_id, role, state) select id, 101 + (id - 1) % ${units}, 'lead', 'open' from tasks`,
  ];
}
