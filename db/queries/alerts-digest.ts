import { ADMIN_SUBJECT } from "../../core/alerts/kinds";

/** Admins who have not had this period's digest yet: the aggregate below is only worth running for them. */
export async function adminsWithout(d1: D1Database, adminIds: number[], kind: string, periodKey: string): Promise<number[]> {
  if (adminIds.length === 0) return [];
  const { results } = await d1
    .prepare(
      `select value as id from json_each(?1)
       where not exists (select 1 from reminders r where r.member_id = value and r.kind = ?2 and r.subject = ?3 and r.period_key = ?4)`,
    )
    .bind(JSON.stringify(adminIds), kind, ADMIN_SUBJECT, periodKey)
    .all<{ id: number }>();
  return results.map((r) => r.id);
}

export interface UnitCounts {
  unitId: number;
  total: number;
  overdue: number;
  dueSoon: number;
  awaiting: number;
  done: number;
  completedLastWeek: number;
  newlyOverdueLastWeek: number;
}

export interface DigestWindow {
  today: string;
  /** Last day of the "due soon" window. */
  soonUntil: string;
  /** Last week, Monday to Sunday, as ISO dates and as the UTC instants bounding it in Vietnam. */
  lastMonday: string;
  lastSunday: string;
  fromInstant: string;
  toInstant: string;
}

/**
 * Counts by status for every unit of the plans each monitoring unit
 * follows, and what moved last week. It reads every assignment of the live
 * plans, so it runs once a week, and only when an admin still lacks the digest.
 */
export async function weeklyCounts(
  d1: D1Database,
  monitorUnitIds: number[],
  w: DigestWindow,
): Promise<{ units: Map<number, UnitCounts[]>; reports: Map<number, number> }> {
  if (monitorUnitIds.length === 0) return { units: new Map(), reports: new Map() };
  const due = "coalesce(a.due_override, t.due_on)";
  const open = "a.state in ('open', 'in_progress')";
  const [unitRows, reportRows] = (await d1.batch<Record<string, unknown>>([
    d1
      .prepare(
        `select p.monitor_unit_id, a.unit_id, count(*) as total,
           sum(${open} and ${due} < ?1) as overdue,
           sum(${open} and ${due} >= ?1 and ${due} <= ?2) as due_soon,
           sum(a.state = 'awaiting_confirmation') as awaiting,
           sum(a.state = 'done') as done,
           sum(a.reported_done_at >= ?5 and a.reported_done_at < ?6) as completed_last_week,
           sum(${open} and ${due} >= date(?3, '-1 day') and ${due} <= date(?4, '-1 day')) as newly_overdue
         from plans p
         join tasks t on t.plan_id = p.id
         join assignments a on a.task_id = t.id
         where p.archived = 0 and p.monitor_unit_id in (select value from json_each(?7))
         group by p.monitor_unit_id, a.unit_id`,
      )
      .bind(w.today, w.soonUntil, w.lastMonday, w.lastSunday, w.fromInstant, w.toInstant, JSON.stringify(monitorUnitIds)),
    d1
      .prepare(
        `select p.monitor_unit_id, count(*) as reports
         from progress_reports r
         join assignments a on a.id = r.assignment_id
         join tasks t on t.id = a.task_id
         join plans p on p.id = t.plan_id
         where r.created_at >= ?1 and r.created_at < ?2 and p.archived = 0
           and p.monitor_unit_id in (select value from json_each(?3))
         group by p.monitor_unit_id`,
      )
      .bind(w.fromInstant, w.toInstant, JSON.stringify(monitorUnitIds)),
  ])) as unknown as [D1Result<Record<string, number>>, D1Result<{ monitor_unit_id: number; reports: number }>];

  const units = new Map<number, UnitCounts[]>();
  for (const r of unitRows.results) {
    const list = units.get(r.monitor_unit_id!) ?? [];
    list.push({
      unitId: r.unit_id!,
      total: r.total!,
      overdue: r.overdue ?? 0,
      dueSoon: r.due_soon ?? 0,
      awaiting: r.awaiting ?? 0,
      done: r.done ?? 0,
      completedLastWeek: r.completed_last_week ?? 0,
      newlyOverdueLastWeek: r.newly_overdue ?? 0,
    });
    units.set(r.monitor_unit_id!, list);
  }
  return { units, reports: new Map(reportRows.results.map((r) => [r.monitor_unit_id, r.reports])) };
}

export async function unitNamesOf(d1: D1Database, unitIds: number[]): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const { results } = await d1
    .prepare("select id, name from units where id in (select value from json_each(?1))")
    .bind(JSON.stringify(unitIds))
    .all<{ id: number; name: string }>();
  return new Map(results.map((r) => [r.id, r.name]));
}
