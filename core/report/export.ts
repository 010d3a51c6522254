/**
 * The sơ kết workbook: what the monitoring office hands to the standing
 * committee. Pure: rows in (already in the order to print), sheets and CSV
 * rows out; every word the reader sees comes in through `ExportTexts`.
 *
 * Sheets: a summary by unit, every assignment, the overdue ones, and one
 * sheet per unit while there are few enough units for tabs to be usable.
 */
import type { AssignmentStatus } from "../status/derive";
import { effectiveDue, statusOf, type AssignmentFacts } from "../status/of-assignment";
import { daysBetween, vietnamDate } from "../time/vietnam-date";
import type { Cell, Column, Sheet } from "../xlsx";

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
}

/** Beyond this many units a tab per unit is a maze; the summary and the filter on "Đơn vị" do the job. */
export const MAX_UNIT_SHEETS = 40;

interface Judged extends ExportRow {
  status: AssignmentStatus;
}

export interface ExportWorkbook {
  sheets: Sheet[];
  csvHeader: string[];
  csvRows: () => Iterable<(string | number | null)[]>;
  overdueCount: number;
}

export function exportWorkbook(rows: ExportRow[], today: string, t: ExportTexts): ExportWorkbook {
  const judged: Judged[] = rows.map((r) => ({ ...r, status: statusOf(r, today) }));
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
  const cells = (r: Judged, n: number, withUnit: boolean, overdue: boolean): Cell[] => {
    const due = effectiveDue(r);
    return [
      n,
      r.ref,
      r.title,
      ...(withUnit ? [r.unitName] : []),
      t.role[r.role],
      t.status[r.status],
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
  function* numbered(list: Judged[], withUnit: boolean, overdue: boolean): Generator<Cell[]> {
    let n = 0;
    for (const r of list) yield cells(r, ++n, withUnit, overdue);
  }

  const units = groupByUnit(judged);
  const overdue = judged.filter((r) => r.status === "overdue");
  const sheets: Sheet[] = [
    { name: t.sheets.summary, columns: summaryColumns(t), rows: summaryRows(units, t) },
    { name: t.sheets.all, columns: detail(true, false), rows: numbered(judged, true, false) },
    { name: t.sheets.overdue, columns: detail(true, true), rows: numbered(overdue, true, true) },
  ];
  if (units.length <= MAX_UNIT_SHEETS) {
    for (const u of units) sheets.push({ name: u.name, columns: detail(false, false), rows: numbered(u.rows, false, false) });
  }

  const csvHeader = detail(true, false).map((col) => col.header);
  const csvRows = function* () {
    let n = 0;
    for (const r of judged) {
      const row = cells(r, ++n, true, false);
      yield row.map((cell) => (cell !== null && typeof cell === "object" ? formatIso(cell.date) : cell));
    }
  };
  return { sheets, csvHeader, csvRows, overdueCount: overdue.length };
}

interface UnitGroup {
  id: number;
  name: string;
  rows: Judged[];
}

function groupByUnit(rows: Judged[]): UnitGroup[] {
  const groups = new Map<number, UnitGroup>();
  for (const r of rows) {
    const g = groups.get(r.unitId) ?? { id: r.unitId, name: r.unitName, rows: [] };
    g.rows.push(r);
    groups.set(r.unitId, g);
  }
  return [...groups.values()];
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

function* summaryRows(units: UnitGroup[], t: ExportTexts): Generator<Cell[]> {
  const sum = [0, 0, 0, 0, 0, 0, 0];
  for (const u of units) {
    const count = (test: (s: AssignmentStatus) => boolean) => u.rows.filter((r) => test(r.status)).length;
    const total = u.rows.length;
    const done = count((s) => s === "done_on_time" || s === "done_late");
    const onTime = count((s) => s === "done_on_time");
    const overdue = count((s) => s === "overdue");
    const soon = count((s) => s === "due_soon");
    const awaiting = count((s) => s === "awaiting_confirmation");
    const other = total - done - overdue - soon - awaiting;
    [total, done, onTime, overdue, soon, awaiting, other].forEach((v, i) => (sum[i]! += v));
    yield [u.name, total, done, onTime, overdue, soon, awaiting, other, percent(done, total)];
  }
  yield [t.summary.total_row, ...sum, percent(sum[1]!, sum[0]!)];
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

function formatIso(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}
