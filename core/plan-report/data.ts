import type { ReportLayout } from "./layout";
import type { ReportPeriod } from "./period";

/** The overview's status buckets (db/queries/overview.ts BUCKETS), as the report counts them. */
export const statusBuckets = [
  "overdue",
  "due_soon",
  "awaiting_confirmation",
  "in_progress",
  "not_due",
  "recurring",
  "no_deadline",
  "done_late",
  "done_on_time",
] as const;
export type StatusBucket = (typeof statusBuckets)[number];

export interface ReportUnitRow {
  unitId: number;
  unitName: string;
  total: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
}

export interface ReportTarget {
  text: string;
  goal: string | null;
  /** The latest value recorded by the period's end, formatted, and its period. */
  value: string | null;
  valuePeriod: string | null;
  met: boolean | null;
}

export interface ReportTask {
  ref: string;
  title: string;
  unitName: string;
  due: string;
}

export interface OverdueTask extends ReportTask {
  daysOverdue: number;
  lastReportOn: string | null;
  lastReportNote: string | null;
}

/** Everything a report says, read as of the period's end (db/queries/plan-report.ts). */
export interface ReportData {
  plan: { number: string | null; title: string; issuedOn: string | null };
  /** The issuing body and its parents, nearest first. */
  issuer: { name: string; parents: string[] };
  layout: ReportLayout;
  period: ReportPeriod;
  /** The day the figures stand at: the period's last day, or today while it runs. */
  asOf: string;
  draftedOn: string;
  counts: Record<StatusBucket, number>;
  total: number;
  completionsPending: number;
  extensionsPending: number;
  units: ReportUnitRow[];
  subPlans: { unitName: string; number: string | null; title: string; issuedOn: string | null }[];
  targets: ReportTarget[];
  overdue: OverdueTask[];
  overdueTotal: number;
  silentUnits: string[];
  next: { label: string; tasks: ReportTask[]; total: number };
  /** Set when the report covers only some units (a committee member's units in charge): who and which. */
  scope: { memberName: string; unitNames: string[] } | null;
}
