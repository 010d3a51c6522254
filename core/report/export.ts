/**
 * The sơ kết workbook: what the monitoring office hands to the standing
 * committee. Pure: rows come from a source a page at a time, sheets and CSV
 * go out as streams, so a plan of 100,000 assignments is never held whole
 * (a Worker has 128 MB). Every word the reader sees comes in through
 * `ExportTexts`.
 *
 * Sheets: a summary by unit (counted while "all" streams, written last),
 * the targets (when the plan has any), every assignment, the overdue ones,
 * and one sheet per unit while there are few enough units for tabs to be
 * usable.
 */
import type { AssignmentStatus } from "../status/derive";
import { effectiveDue, statusOf, type AssignmentFacts } from "../status/of-assignment";
import { daysBetween, vietnamDate } from "../time/vietnam-date";
import type { Cell, Column, Sheet } from "../xlsx";
import { targetsSheet, type ExportTarget, type TargetSheetTexts } from "./targets-sheet";

export interface ExportRow extends AssignmentFacts {
  assignmentId: number;
  unitId: number;
  unitName: string;
  role: "lead" | "coop";
  ref: string;
  title: string;
  deadlineText: string | null;
  deadlineNote: string | null;
  progress: number;
  completedAt: string | null;
  lastReportAt: string | null;
  lastReportBy: string | null;
  lastReportNote: string | null;
}

export interface ExportUnit {
  unitId: number;
  unitName: string;
  count: number;
}

/** Where the rows come from: in print order (unit, then the plan's order), a page at a time. */
export interface ExportSource {
  /** The plan's units in print order, with how many assignments each has. */
  units: ExportUnit[];
  /** Every row; or one unit's; or only the overdue ones (open or under way, past the due date in force). */
  pages(filter?: { unitId?: number; overdueOn?: string }): AsyncIterable<ExportRow[]>;
}

export interface ExportTexts {
  sheets: { summary: string; all: string; overdue: string };
  columns: {
    no: string;
    ref: string;
    title: string;
    unit: string;
    role: string;
    status: string;
    progress: string;
    deadlineWritten: string;
    due: string;
    daysOverdue: string;
    lastReportOn: string;
    lastReportBy: string;
    lastReport: string;
    completedOn: string;
  };
  summary: {
    unit: string;
    total: string;
    done: string;
    onTime: string;
    overdue: string;
    dueSoon: string;
    awaiting: string;
    other: string;
    doneShare: string;
    total_row: string;
  };
  status: Record<AssignmentStatus, string>;
  role: { lead: string; coop: string };
  targets: TargetSheetTexts;
}

/** Beyond this many units a tab per unit is a maze; the summary and the filter on "Đơn vị" do the job. */
export const MAX_UNIT_SHEETS = 40;

export interface ExportReport {
  sheets: Sheet[];
  csvHeader: string[];
  /** CSV rows, streamed from the source (a second read of it). */
  csvRows: () => AsyncIterable<(string | number | null)[]>;
  /** Totals counted while the "all" sheet (or the CSV) streamed. */
  totals: () => { total: number; overdue: number };
}

type Counts = [total: number, done: number, onTime: number, overdue: number, dueSoon: number, awaiting: number];

export function exportReport(source: ExportSource, today: string, t: ExportTexts, targets: ExportTarget[] = []): ExportReport {
  const c = t.columns;
  const detail = (withUnit: boolean, overdue: boolean): Column[] => [
    { header: c.no, width: 6 },
    { header: c.ref, width: 9 },
    { header: c.title, width: 60 },
    ...(withUnit ? [{ header: c.unit, width: 32 }] : []),
    { header: c.role, width: 10 },
    { header: c.status, width: 24 },
    { header: c.progress, width: 9 },
    { header: c.deadlineWritten, width: 30 },
    { header: c.due, width: 12 },
    ...(overdue ? [{ header: c.daysOverdue, width: 10 }] : []),
    { header: c.lastReportOn, width: 12 },
    { header: c.lastReportBy, width: 22 },
    { header: c.lastReport, width: 60 },
    { header: c.completedOn, width: 12 },
  ];
  const judge = statusJudge(today);
  const cells = (r: ExportRow, status: AssignmentStatus, n: number, withUnit: boolean, overdue: boolean): Cell[] => {
    const due = effectiveDue(r);
    return [
      n,
      r.ref,
      r.title,
      ...(withUnit ? [r.unitName] : []),
      t.role[r.role],
      t.status[status],
      r.progress,
      r.deadlineText ?? r.deadlineNote ?? "",
      due ? { date: due } : null,
      ...(overdue ? [due ? daysBetween(due, today) : null] : []),
      r.lastReportAt ? { date: vietnamDate(new Date(r.lastReportAt)) } : null,
      r.lastReportBy,
      r.lastReportNote,
      r.completedAt ? { date: vietnamDate(new Date(r.completedAt)) } : null,
    ];
  };

  const counts = new Map<number, Counts>();
  let counted = false;
  const count = (r: ExportRow, status: AssignmentStatus) => {
    const k = counts.get(r.unitId) ?? [0, 0, 0, 0, 0, 0];
    k[0]++;
    if (status === "done_on_time" || status === "done_late") k[1]++;
    if (status === "done_on_time") k[2]++;
    if (status === "overdue") k[3]++;
    if (status === "due_soon") k[4]++;
    if (status === "awaiting_confirmation") k[5]++;
    counts.set(r.unitId, k);
  };

  async function* rows(
    filter: { unitId?: number; overdueOn?: string } | undefined,
    withUnit: boolean,
    overdue: boolean,
    tally: boolean,
  ): AsyncGenerator<Cell[]> {
    let n = 0;
    for await (const page of source.pages(filter)) {
      for (const r of page) {
        const status = judge(r);
        if (tally) count(r, status);
        yield cells(r, status, ++n, withUnit, overdue);
      }
    }
    if (tally) counted = true;
  }

  async function* summaryRows(): AsyncGenerator<Cell[]> {
    if (!counted) for await (const _ of rows(undefined, true, false, true)); // the summary alone: count first
    const sum: Counts = [0, 0, 0, 0, 0, 0];
    for (const u of source.units) {
      const k = counts.get(u.unitId) ?? [0, 0, 0, 0, 0, 0];
      k.forEach((v, i) => {
        sum[i as 0] += v;
      });
      yield summaryRow(u.unitName, k);
    }
    yield summaryRow(t.summary.total_row, sum);
  }

  const sheets: Sheet[] = [
    { name: t.sheets.summary, columns: summaryColumns(t), rows: summaryRows(), deferred: true },
    ...(targets.length > 0 ? [targetsSheet(targets, t.targets)] : []),
    { name: t.sheets.all, columns: detail(true, false), rows: rows(undefined, true, false, true) },
    { name: t.sheets.overdue, columns: detail(true, true), rows: rows({ overdueOn: today }, true, true, false) },
  ];
  if (source.units.length <= MAX_UNIT_SHEETS) {
    for (const u of source.units)
      sheets.push({ name: u.unitName, columns: detail(false, false), rows: rows({ unitId: u.unitId }, false, false, false) });
  }

  return {
    sheets,
    csvHeader: detail(true, false).map((col) => col.header),
    csvRows: async function* () {
      for await (const row of rows(undefined, true, false, !counted)) {
        yield row.map((cell) => (cell !== null && typeof cell === "object" ? formatIso(cell.date) : cell));
      }
    },
    totals: () => {
      let total = 0;
      let overdue = 0;
      for (const k of counts.values()) {
        total += k[0];
        overdue += k[3];
      }
      return { total, overdue };
    },
  };
}

/**
 * statusOf for many rows: rows of one task share their facts, so each
 * distinct set of facts is judged once (a 100,000-row export judges a few
 * thousand).
 */
function statusJudge(today: string): (r: AssignmentFacts) => AssignmentStatus {
  const memo = new Map<string, AssignmentStatus>();
  return (r) => {
    const key = `${r.state}|${r.dueOn}|${r.dueOverride}|${r.recurrence}|${r.reportedDoneAt}|${r.checkinEvery}|${r.lastCheckinPeriod}|${r.assignedAt}`;
    let status = memo.get(key);
    if (status === undefined) {
      status = statusOf(r, today);
      memo.set(key, status);
    }
    return status;
  };
}

function summaryColumns(t: ExportTexts): Column[] {
  const s = t.summary;
  return [
    { header: s.unit, width: 40 },
    { header: s.total, width: 9 },
    { header: s.done, width: 11 },
    { header: s.onTime, width: 11 },
    { header: s.overdue, width: 9 },
    { header: s.dueSoon, width: 11 },
    { header: s.awaiting, width: 11 },
    { header: s.other, width: 11 },
    { header: s.doneShare, width: 13 },
  ];
}

function summaryRow(name: string, [total, done, onTime, overdue, soon, awaiting]: Counts): Cell[] {
  const other = total - done - overdue - soon - awaiting;
  return [name, total, done, onTime, overdue, soon, awaiting, other, total === 0 ? 0 : Math.round((done / total) * 1000) / 10];
}

function formatIso(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}
