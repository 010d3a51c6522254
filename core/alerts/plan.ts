import type { Period } from "../checkins/period";
import type { CheckinEvery } from "../checkins/period";
import { statusOf } from "../status/of-assignment";
import { daysBetween } from "../time/vietnam-date";
import type { WorkingCalendar } from "./calendar";
import type { AlertConfig } from "./config";
import { ADMIN_SUBJECT, assignmentSubject, unitSubject, type AlertKind } from "./kinds";
import { inAudience, receivesAlerts, type MuteSet, type RecipientFacts } from "./recipients";
import { checkinAlerts, checkinPeriods, deadlineAlerts, type DeadlineAlert, type DeadlineFacts } from "./rules";

/** An open assignment as the scan finds it: the facts the rules need and the ids to route it. */
export interface AssignmentCandidate extends DeadlineFacts {
  id: number;
  unitId: number;
  monitorUnitId: number;
  recurrence: string | null;
  checkinEvery: CheckinEvery | null;
  reportedDoneAt: string | null;
  trackedSince: string;
}

export interface MemberCandidate extends RecipientFacts {
  id: number;
  unitId: number;
}

export interface WaitingItem {
  assignmentId: number;
  monitorUnitId: number;
}

export interface AlertInputs<A extends AssignmentCandidate> {
  today: string;
  config: AlertConfig;
  calendar: WorkingCalendar;
  /** Open assignments due by the horizon (or overdue) and recurring duties. */
  assignments: A[];
  /** Check-ins on record for the periods that matter today: assignment id → period keys. */
  checkins: ReadonlyMap<number, ReadonlySet<string>>;
  /** Members and leaders of the units concerned. */
  members: MemberCandidate[];
  /** Admins of the monitoring units. */
  admins: MemberCandidate[];
  mutes: MuteSet;
  extensionsPending: WaitingItem[];
  completionsPending: WaitingItem[];
}

export type AlertContent<A> =
  | { type: "deadline"; alert: DeadlineAlert; assignment: A }
  | { type: "checkin"; period: Period; duties: A[] }
  | { type: "admin_daily"; overdue: A[]; extensionsPending: WaitingItem[]; completionsPending: WaitingItem[] };

export interface PlannedAlert<A> {
  memberId: number;
  assignmentId: number | null;
  kind: AlertKind;
  subject: string;
  periodKey: string;
  content: AlertContent<A>;
}

/**
 * Turns the scan into alerts, one per recipient: the rules decide what is in
 * force, then each alert goes to the members of the assigned unit it is for,
 * leaving out the removed, the paused, the unreachable and whoever muted that
 * task. Check-ins are grouped per unit and period (a unit has many recurring
 * duties; one message lists them). Admins get one summary a day instead of a
 * message per overdue item.
 */
export function planAlerts<A extends AssignmentCandidate>(input: AlertInputs<A>): PlannedAlert<A>[] {
  const { today, config, calendar, mutes } = input;
  const periods = checkinPeriods(today, config, calendar);
  const byUnit = new Map<number, MemberCandidate[]>();
  for (const m of input.members) {
    if (!receivesAlerts(m, today)) continue;
    const list = byUnit.get(m.unitId);
    if (list) list.push(m);
    else byUnit.set(m.unitId, [m]);
  }
  const planned: PlannedAlert<A>[] = [];

  const checkinGroups = new Map<
    string,
    { unitId: number; kind: "checkin_open" | "checkin_missed"; period: Period; duties: A[] }
  >();
  for (const a of input.assignments) {
    for (const alert of deadlineAlerts(a, today, config, calendar)) {
      for (const m of byUnit.get(a.unitId) ?? []) {
        if (!inAudience(m.role, alert.audience) || mutes.has(m.id, a.id)) continue;
        planned.push({
          memberId: m.id,
          assignmentId: a.id,
          kind: alert.kind,
          subject: assignmentSubject(a.id),
          periodKey: alert.periodKey,
          content: { type: "deadline", alert, assignment: a },
        });
      }
    }
    const checkedIn = input.checkins.get(a.id) ?? NONE;
    for (const alert of checkinAlerts({ ...a, checkedIn }, today, config, calendar, periods)) {
      const key = `${a.unitId}|${alert.kind}|${alert.periodKey}`;
      const group = checkinGroups.get(key) ?? { unitId: a.unitId, kind: alert.kind, period: alert.period, duties: [] };
      group.duties.push(a);
      checkinGroups.set(key, group);
    }
  }

  for (const group of checkinGroups.values()) {
    for (const m of byUnit.get(group.unitId) ?? []) {
      const duties = group.duties.filter((d) => !mutes.has(m.id, d.id));
      if (duties.length === 0) continue;
      planned.push({
        memberId: m.id,
        assignmentId: null,
        kind: group.kind,
        subject: unitSubject(group.unitId),
        periodKey: group.period.key,
        content: { type: "checkin", period: group.period, duties },
      });
    }
  }

  const overdueAll = input.assignments.filter((a) => (a.dueOverride ?? a.dueOn) !== null && statusOf(a, today) === "overdue");
  for (const admin of input.admins) {
    if (admin.role !== "admin" || !receivesAlerts(admin, today)) continue;
    const overdue = overdueAll
      .filter((a) => a.monitorUnitId === admin.unitId)
      .sort((x, y) => daysLate(y, today) - daysLate(x, today) || x.id - y.id);
    const extensionsPending = input.extensionsPending.filter((w) => w.monitorUnitId === admin.unitId);
    const completionsPending = input.completionsPending.filter((w) => w.monitorUnitId === admin.unitId);
    if (overdue.length + extensionsPending.length + completionsPending.length === 0) continue;
    planned.push({
      memberId: admin.id,
      assignmentId: null,
      kind: "admin_daily",
      subject: ADMIN_SUBJECT,
      periodKey: today,
      content: { type: "admin_daily", overdue, extensionsPending, completionsPending },
    });
  }
  return planned;
}

const NONE: ReadonlySet<string> = new Set();

function daysLate(a: AssignmentCandidate, today: string): number {
  return daysBetween(a.dueOverride ?? a.dueOn ?? today, today);
}
