import { assignmentsAsOf } from "./as-of";
import { STATUS_BUCKET } from "./overview";
import { statsOf, type StatementStats } from "./stats";

/**
 * What a report lists beside the overview's counts, as the plan stood at an
 * instant (db/queries/as-of): counts by unit with the overview's own status
 * buckets, the overdue tasks with their latest report, units that never
 * reported, the implementing plans of the units, the tasks due next. One
 * round trip. Parameters: ?1 plan, ?2 the day the figures are for, ?3 the
 * end of its "due soon" window, ?4 how many rows a list keeps, ?5 the
 * instant, ?6 the units (JSON) or null for all, ?7 and ?8 the next period.
 */
const DUE = "coalesce(a.due_override, t.due_on)";
const IN_SCOPE = "(?6 is null or a.unit_id in (select value from json_each(?6)))";
const FROM = `from tasks t join ${assignmentsAsOf("?5")} a on a.task_id = t.id`;
const WHERE = `where t.plan_id = ?1 and ${IN_SCOPE}`;
const ASSIGNED = `${FROM} ${WHERE}`;

/** The plan's issuing unit and up to five of its parents, nearest first (`up`). */
const ISSUER_CHAIN = `with recursive up(id, name, parent_id, depth) as (
   select u.id, u.name, u.parent_id, 0 from plans p join units u on u.id = p.issuer_unit_id where p.id = ?1
   union all select u.id, u.name, u.parent_id, up.depth + 1 from up join units u on u.id = up.parent_id where up.depth < 5
 )`;

/** The names core/plan-report/layout decides the layout from: the issuing unit's, then its parents'. */
export async function planIssuerNames(d1: D1Database, planId: number): Promise<string[]> {
  const { results } = await d1.prepare(`${ISSUER_CHAIN} select name from up order by depth`).bind(planId).all<{ name: string }>();
  return results.map((r) => r.name);
}

export interface ReportListsParams {
  planId: number;
  today: string;
  soonUntil: string;
  asOf: string;
  unitIds?: number[];
  nextFrom: string;
  nextTo: string;
  listMax: number;
}

export interface ReportLists {
  plan: { number: string | null; title: string; issuedOn: string | null; issuerUnitId: number } | null;
  /** The issuing unit, then its parents, nearest first. */
  issuerNames: string[];
  units: { unitId: number; unitName: string; total: number; doneOnTime: number; doneLate: number; overdue: number }[];
  overdue: {
    ref: string;
    title: string;
    unitName: string;
    due: string;
    lastReportAt: string | null;
    lastReportNote: string | null;
    total: number;
  }[];
  silentUnits: string[];
  subPlans: { unitName: string; number: string | null; title: string; issuedOn: string | null; implementsText: string }[];
  next: { ref: string; title: string; unitName: string; due: string; total: number }[];
  stats: StatementStats[];
}

export async function reportLists(d1: D1Database, p: ReportListsParams): Promise<ReportLists> {
  const binds = [
    p.planId,
    p.today,
    p.soonUntil,
    p.listMax,
    p.asOf,
    p.unitIds === undefined ? null : JSON.stringify(p.unitIds),
    p.nextFrom,
    p.nextTo,
  ];
  const statements = [
    `${ISSUER_CHAIN}
     select p.number, p.title, p.issued_on as issuedOn, p.issuer_unit_id as issuerUnitId,
            (select json_group_array(name) from (select name from up order by depth)) as issuerNames
     from plans p where p.id = ?1`,
    `select s.unit_id as unitId, u.name as unitName, count(*) as total,
            sum(s.bucket = 'done_on_time') as doneOnTime, sum(s.bucket = 'done_late') as doneLate, sum(s.bucket = 'overdue') as overdue
     from (select a.unit_id, ${STATUS_BUCKET} as bucket ${ASSIGNED} limit -1) s join units u on u.id = s.unit_id
     group by s.unit_id order by u.name_key, u.id`,
    `select t.ref, t.title, u.name as unitName, ${DUE} as due, lr.created_at as lastReportAt, lr.note as lastReportNote, count(*) over () as total
     ${FROM} join units u on u.id = a.unit_id
     left join progress_reports lr on lr.id = (select r2.id from progress_reports r2
       where r2.assignment_id = a.id and r2.created_at <= ?5 order by r2.created_at desc, r2.id desc limit 1)
     ${WHERE}
       and a.state in ('open', 'in_progress') and ${DUE} < ?2
     order by ${DUE}, t.sort_order, t.id, u.name_key limit ?4`,
    // Units with an assignment, less those that had reported anything by the instant: one pass over the reports.
    `with reported as (
       select distinct a.unit_id from progress_reports pr join assignments a on a.id = pr.assignment_id join tasks t on t.id = a.task_id
       where t.plan_id = ?1 and pr.created_at <= ?5
     )
     select u.name from units u
     where u.id in (select a.unit_id from tasks t join assignments a on a.task_id = t.id ${WHERE})
       and u.id not in (select unit_id from reported)
     order by u.name_key, u.id`,
    `select u.name as unitName, p.number, p.title, p.issued_on as issuedOn, p.implements_text as implementsText
     from plans p join units u on u.id = p.issuer_unit_id
     where p.id <> ?1 and p.implements_text is not null and p.archived = 0
       and coalesce(p.issued_on, p.created_at) <= ?5
       and p.issuer_unit_id in (select a.unit_id from tasks t join assignments a on a.task_id = t.id ${WHERE})
     order by coalesce(p.issued_on, p.created_at), p.id`,
    `select t.ref, t.title, u.name as unitName, ${DUE} as due, count(*) over () as total
     ${FROM} join units u on u.id = a.unit_id ${WHERE}
       and a.state <> 'done' and ${DUE} between ?7 and ?8
     order by ${DUE}, t.sort_order, t.id, u.name_key limit ?4`,
  ];
  // D1 wants exactly as many values as the statement's highest ?N.
  const bound = (sql: string) => binds.slice(0, Math.max(...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1]))));
  const results = await d1.batch(statements.map((sql) => d1.prepare(sql).bind(...bound(sql))));
  const [plan, units, overdue, silent, subPlans, next] = results as [
    D1Result<{ number: string | null; title: string; issuedOn: string | null; issuerUnitId: number; issuerNames: string }>,
    D1Result<ReportLists["units"][number]>,
    D1Result<ReportLists["overdue"][number]>,
    D1Result<{ name: string }>,
    D1Result<ReportLists["subPlans"][number]>,
    D1Result<ReportLists["next"][number]>,
  ];
  const head = plan.results[0];
  return {
    plan: head ? { number: head.number, title: head.title, issuedOn: head.issuedOn, issuerUnitId: head.issuerUnitId } : null,
    issuerNames: head ? (JSON.parse(head.issuerNames) as string[]) : [],
    units: units.results,
    overdue: overdue.results,
    silentUnits: silent.results.map((r) => r.name),
    subPlans: subPlans.results,
    next: next.results,
    stats: [
      statsOf("counts by unit", units),
      statsOf("overdue with latest report", overdue),
      statsOf("units never reported", silent),
      statsOf("implementing plans", subPlans),
      statsOf("due next", next),
    ],
  };
}
