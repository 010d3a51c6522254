import { addDays, vietnamDate } from "../time/vietnam-date";

/**
 * The status an official sees is derived from what people did (state) and the
 * effective due date on the day asked, never stored, so it is never stale.
 */
export type AssignmentState = "open" | "in_progress" | "awaiting_confirmation" | "done";

export type AssignmentStatus =
  | "overdue"
  | "due_soon"
  | "awaiting_confirmation"
  | "in_progress"
  | "not_due"
  | "checkin_missed"
  | "checkin_due"
  | "checkin_done"
  | "no_deadline"
  | "done_late"
  | "done_on_time";

export interface StatusInput {
  state: AssignmentState;
  /** Effective due date: an approved extension, else the task's own (ISO). */
  due: string | null;
  recurring: boolean;
  /** When the unit reported completion (ISO instant or date); judges on time or late. */
  reportedDoneAt: string | null;
  /** Today in Asia/Ho_Chi_Minh (ISO date). */
  today: string;
  /** "Sắp đến hạn" window in days. */
  soonDays?: number;
  /** For recurring duties: where the unit stands with its periodic check-ins. */
  checkin?: CheckinFacts;
}

export interface CheckinFacts {
  currentPeriod: string;
  previousPeriod: string;
  previousPeriodEnd: string;
  /** The latest period the unit answered, if any. */
  lastAnswered: string | null;
  /** The duty was assigned on this date; periods before it cannot be missed. */
  activeSince: string;
}

export const DEFAULT_SOON_DAYS = 7;

export function deriveStatus(input: StatusInput): AssignmentStatus {
  const { state, due, today } = input;
  const soonDays = input.soonDays ?? DEFAULT_SOON_DAYS;
  if (state === "done") {
    // An instant is judged by the calendar day in Vietnam, not in UTC.
    const reported = input.reportedDoneAt;
    const reportedOn = reported === null ? null : reported.length > 10 ? vietnamDate(new Date(reported)) : reported;
    return due && reportedOn && reportedOn > due ? "done_late" : "done_on_time";
  }
  if (state === "awaiting_confirmation") return "awaiting_confirmation";
  if (due) {
    if (today > due) return "overdue";
    if (due <= addDays(today, soonDays)) return "due_soon";
    return state === "in_progress" ? "in_progress" : "not_due";
  }
  if (input.recurring) {
    const c = input.checkin;
    if (!c) return "checkin_due";
    if (c.lastAnswered === c.currentPeriod) return "checkin_done";
    const previousWasOwed = c.activeSince <= c.previousPeriodEnd;
    if (previousWasOwed && c.lastAnswered !== c.previousPeriod) return "checkin_missed";
    return "checkin_due";
  }
  return state === "in_progress" ? "in_progress" : "no_deadline";
}

/** Most urgent first: the order of /viec and of every list an official reads. */
export const statusUrgency: Record<AssignmentStatus, number> = {
  overdue: 0,
  checkin_missed: 1,
  due_soon: 2,
  awaiting_confirmation: 3,
  in_progress: 4,
  checkin_due: 5,
  not_due: 6,
  checkin_done: 7,
  no_deadline: 8,
  done_late: 9,
  done_on_time: 10,
};

export function isFinished(status: AssignmentStatus): boolean {
  return status === "done_on_time" || status === "done_late";
}
