import { checkinCadence, periodContaining, previousPeriod, type CheckinEvery, type Period } from "../checkins/period";
import type { AssignmentState } from "../status/derive";
import { addDays, daysBetween } from "../time/vietnam-date";
import type { WorkingCalendar } from "./calendar";
import type { AlertConfig } from "./config";
import type { Audience } from "./kinds";

/**
 * The due-finding rules: given what is known about one assignment and today's
 * date in Vietnam, which alerts are in force. Pure; the cron job asks these
 * every run and the outbox's uniqueness turns "in force" into "sent once", so
 * a run missed (outage, holiday) is caught up by the next one.
 */

export interface DeadlineFacts {
  state: AssignmentState;
  dueOn: string | null;
  /** An approved extension's date replaces the task's own. */
  dueOverride: string | null;
  /** Date (Vietnam) of the unit's last report of any kind. */
  lastReportOn: string | null;
  /** The unit asked for an extension and the monitoring office has not decided yet. */
  extensionPending: boolean;
}

export interface DeadlineAlert {
  kind: "due" | "overdue" | "escalation";
  periodKey: string;
  audience: Audience;
  due: string;
  /** "due": calendar days left (0 on the day); "overdue"/"escalation": days late. */
  days: number;
  /** "overdue"/"escalation": the working day the first overdue alert went out. */
  firstOverdueOn?: string;
}

/**
 * Before the due date: of the configured offsets (7, 3, 1, 0 days), the
 * nearest one whose day has come. An offset falling on a day off moves to
 * the working day before it, and offsets landing on the same day collapse to
 * the most urgent. After the due date: an overdue alert on the first working
 * day after it, then every N working days; from the second round on, when the
 * unit has not reported since the first one, its leader is told instead.
 */
export function deadlineAlerts(
  facts: DeadlineFacts,
  today: string,
  config: AlertConfig,
  calendar: WorkingCalendar,
): DeadlineAlert[] {
  if (facts.state === "done" || facts.state === "awaiting_confirmation") return [];
  const due = facts.dueOverride ?? facts.dueOn;
  if (!due) return [];

  if (today <= due) {
    const offsets = [...new Set(config.offsets)].sort((a, b) => a - b);
    const inForce = offsets.find((k) => calendar.onOrBefore(addDays(due, -k)) <= today);
    if (inForce === undefined) return [];
    return [{ kind: "due", periodKey: `${due}@${inForce}`, audience: "unit", due, days: daysBetween(today, due) }];
  }

  // The unit asked for more time: the decision is the monitoring office's, whose daily summary lists it.
  if (facts.extensionPending) return [];
  const firstOverdueOn = calendar.after(due);
  if (today < firstOverdueOn) return [];
  const round = Math.floor(calendar.countBetween(firstOverdueOn, today) / Math.max(1, config.overdueEveryWorkingDays));
  const periodKey = `${due}#${round}`;
  const base = { periodKey, due, days: daysBetween(due, today), firstOverdueOn };
  const ignored = facts.lastReportOn === null || facts.lastReportOn < firstOverdueOn;
  if (round >= 1 && ignored) {
    return [
      { kind: "overdue", audience: "members", ...base },
      { kind: "escalation", audience: "leaders", ...base },
    ];
  }
  return [{ kind: "overdue", audience: "unit", ...base }];
}

export interface CheckinFacts {
  state: AssignmentState;
  recurrence: string | null;
  checkinEvery: CheckinEvery | null;
  /** A recurring duty with a due date of its own is alerted on that date instead. */
  dueOn: string | null;
  dueOverride: string | null;
  /** The first day the duty was tracked: no "missed" for a period that ended before it. */
  trackedSince: string;
  /** Period keys the unit has checked in for. */
  checkedIn: ReadonlySet<string>;
}

export interface CheckinAlert {
  kind: "checkin_open" | "checkin_missed";
  period: Period;
  periodKey: string;
  audience: Audience;
}

/**
 * A recurring duty has no due date; each period asks for a check-in. The
 * reminder opens a few days before the period ends (the first offset, 7 by
 * default) and, if the period ended without one, "missed" follows on the
 * first working day after it (the unit answers it with the current period's
 * check-in, the only one the reporting flow records).
 */
export function checkinAlerts(
  facts: CheckinFacts,
  today: string,
  config: AlertConfig,
  calendar: WorkingCalendar,
  periods: CheckinPeriods = checkinPeriods(today, config, calendar),
): CheckinAlert[] {
  if (facts.recurrence === null || facts.state === "done" || facts.state === "awaiting_confirmation") return [];
  if ((facts.dueOverride ?? facts.dueOn) !== null) return [];
  const { current, previous, opensOn, missedFrom } = periods(checkinCadence(facts.checkinEvery, facts.recurrence));
  const alerts: CheckinAlert[] = [];
  // A check-in always answers the current period: once it is in, the missed one is behind the unit.
  const answeredNow = facts.checkedIn.has(current.key);
  if (!answeredNow && !facts.checkedIn.has(previous.key) && facts.trackedSince <= previous.end && today >= missedFrom) {
    alerts.push({ kind: "checkin_missed", period: previous, periodKey: previous.key, audience: "unit" });
  }
  if (!answeredNow && today >= opensOn && facts.trackedSince <= current.end) {
    alerts.push({ kind: "checkin_open", period: current, periodKey: current.key, audience: "unit" });
  }
  return alerts;
}

/** Today's periods for a cadence: the same for every duty, so a run works them out once per cadence. */
export type CheckinPeriods = (every: CheckinEvery) => { current: Period; previous: Period; opensOn: string; missedFrom: string };

export function checkinPeriods(today: string, config: AlertConfig, calendar: WorkingCalendar): CheckinPeriods {
  const cache = new Map<CheckinEvery, ReturnType<CheckinPeriods>>();
  return (every) => {
    let p = cache.get(every);
    if (!p) {
      const current = periodContaining(every, today);
      const previous = previousPeriod(every, today);
      p = {
        current,
        previous,
        opensOn: calendar.onOrBefore(addDays(current.end, -config.checkinLeadDays)),
        missedFrom: calendar.after(previous.end),
      };
      cache.set(every, p);
    }
    return p;
  };
}

/** The period keys whose check-ins decide today's check-in alerts, for every cadence. */
export function checkinPeriodKeys(today: string): string[] {
  const cadences: CheckinEvery[] = ["monthly", "quarterly", "semiannual", "yearly"];
  return cadences.flatMap((every) => [periodContaining(every, today).key, previousPeriod(every, today).key]);
}

/**
 * The latest due date today's run must look at: any due date whose earliest
 * alert (the largest offset, moved back to a working day) has come by the
 * next working day.
 */
export function dueHorizon(today: string, config: AlertConfig, calendar: WorkingCalendar): string {
  const furthest = Math.max(0, ...config.offsets);
  return addDays(addDays(calendar.after(today), -1), furthest);
}
