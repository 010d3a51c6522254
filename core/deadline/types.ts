export type DeadlineKind = "date" | "month" | "quarter" | "year" | "range" | "recurring" | "event" | "per_plan" | "none";
export type Recurrence = "ongoing" | "monthly" | "quarterly" | "semiannual" | "yearly";

export interface Deadline {
  kind: DeadlineKind;
  /** ISO yyyy-mm-dd: the last day of the period the phrase names; null when none. */
  due: string | null;
  /** ISO yyyy-mm-dd first day, only when the phrase names a span ("2026 - 2030") or a range. */
  start: string | null;
  recurrence: Recurrence | null;
  /** "trước ngày 20 hằng tháng" → 20 (with recurrence monthly). */
  dayOfMonth: number | null;
  /** Why there is no due date: the event text, or "Theo kế hoạch của đơn vị"; null otherwise. */
  note: string | null;
}
