import { checkinCadence, periodContaining, previousPeriod, type CheckinEvery } from "../checkins/period";
import { deriveStatus, statusUrgency, type AssignmentState, type AssignmentStatus, type CheckinFacts } from "./derive";

/** The fields of a stored assignment (and its task) that decide its status. */
export interface AssignmentFacts {
  state: AssignmentState;
  dueOn: string | null;
  dueOverride: string | null;
  recurrence: string | null;
  reportedDoneAt: string | null;
  /** Recurring duties only; absent fields mean the defaults (quarterly, never answered). */
  checkinEvery?: CheckinEvery | null;
  lastCheckinPeriod?: string | null;
  /** ISO instant or date the assignment began (when the plan was loaded). */
  assignedAt?: string | null;
}

export function effectiveDue(a: AssignmentFacts): string | null {
  return a.dueOverride ?? a.dueOn;
}

export function statusOf(a: AssignmentFacts, today: string, soonDays?: number): AssignmentStatus {
  return deriveStatus({
    state: a.state,
    due: effectiveDue(a),
    recurring: a.recurrence !== null,
    reportedDoneAt: a.reportedDoneAt,
    today,
    soonDays,
    checkin: a.recurrence !== null ? checkinFacts(a, today) : undefined,
  });
}

export function checkinFacts(a: AssignmentFacts, today: string): CheckinFacts {
  const every = checkinCadence(a.checkinEvery ?? null, a.recurrence);
  const previous = previousPeriod(every, today);
  return {
    currentPeriod: periodContaining(every, today).key,
    previousPeriod: previous.key,
    previousPeriodEnd: previous.end,
    lastAnswered: a.lastCheckinPeriod ?? null,
    activeSince: (a.assignedAt ?? today).slice(0, 10),
  };
}

/** Most urgent first; among equals, the earliest due date, then the plan's own order. */
export function sortByUrgency<T extends AssignmentFacts & { ref: string }>(
  items: T[],
  today: string,
): (T & { status: AssignmentStatus })[] {
  return items
    .map((item) => ({ ...item, status: statusOf(item, today) }))
    .sort(
      (a, b) =>
        statusUrgency[a.status] - statusUrgency[b.status] ||
        (effectiveDue(a) ?? "9999").localeCompare(effectiveDue(b) ?? "9999") ||
        a.ref.localeCompare(b.ref, "vi", { numeric: true }),
    );
}
