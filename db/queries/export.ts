import type { ExportRow, ExportSource, ExportUnit } from "../../core/report/export";
import { statsOf, type StatementStats } from "./stats";

/**
 * The report workbook's rows, read a page at a time: a plan of 100,000
 * assignments never sits in a Worker's memory at once. Pages follow the
 * print order (unit by unit, each in the plan's order) and are cut at unit
 * boundaries, about PAGE_ROWS rows each, each page one indexed read
 * (assignments by unit). Each row's latest report is one index seek.
 */
const PAGE_ROWS = 5_000;

const columns = `
  a.id as assignmentId, a.unit_id as unitId, u.name as unitName, a.role, a.state, a.progress,
  a.due_override as dueOverride, a.reported_done_at as reportedDoneAt, a.completed_at as completedAt,
  t.ref, t.title, t.deadline_text as deadlineText, t.deadline_note as deadlineNote, t.due_on as dueOn,
  t.recurrence, t.checkin_every as checkinEvery, t.created_at as assignedAt,
  (select max(c.period_key) from progress_reports c where c.assignment_id = a.id and c.kind = 'checkin') as lastCheckinPeriod,
  r.created_at as lastReportAt, r.note as lastReportNote, m.full_name as lastReportBy`;

const page = `
  select ${columns}
  from json_each(?2) w
  join assignments a on a.unit_id = w.value
  join tasks t on t.id = a.task_id
  join units u on u.id = a.unit_id
  left join progress_reports r on r.id = (
    select r2.id from progress_reports r2 where r2.assignment_id = a.id order by r2.created_at desc, r2.id desc limit 1)
  left join members m on m.id = r.member_id
  where t.plan_id = ?1 and (?3 is null or (a.state in ('open', 'in_progress') and coalesce(a.due_override, t.due_on) < ?3))
  order by w.key, t.sort_order, t.id`;

/** The plan's units in print order (by folded name), with their assignment counts. */
export async function exportUnits(d1: D1Database, planId: number): Promise<{ units: ExportUnit[]; stats: StatementStats }> {
  const result = await d1
    .prepare(
      `select a.unit_id as unitId, u.name as unitName, count(*) as count
       from tasks t join assignments a on a.task_id = t.id join units u on u.id = a.unit_id
       where t.plan_id = ?1 group by a.unit_id order by u.name_key, u.id`,
    )
    .bind(planId)
    .all<ExportUnit>();
  return { units: result.results, stats: statsOf("units of the plan", result) };
}

/** A source for core/report/export: pages of rows; every statement's D1 figures go to `stats`. */
export async function exportSource(
  d1: D1Database,
  planId: number,
  stats: StatementStats[] = [],
  pageRows = PAGE_ROWS,
): Promise<ExportSource> {
  const { units, stats: unitStats } = await exportUnits(d1, planId);
  stats.push(unitStats);
  return {
    units,
    async *pages(filter = {}) {
      const wanted = filter.unitId === undefined ? units : units.filter((u) => u.unitId === filter.unitId);
      let batch: number[] = [];
      let size = 0;
      const read = async (ids: number[]) => {
        const result = await d1
          .prepare(page)
          .bind(planId, JSON.stringify(ids), filter.overdueOn ?? null)
          .all<ExportRow>();
        stats.push(statsOf(`rows of ${ids.length} unit(s)`, result));
        return result.results;
      };
      for (const u of wanted) {
        batch.push(u.unitId);
        size += u.count;
        if (size >= pageRows) {
          yield await read(batch);
          batch = [];
          size = 0;
        }
      }
      if (batch.length > 0) yield await read(batch);
    },
  };
}
