/**
 * What an alert is, as stored in reminders.kind. With the recipient, the
 * subject ("assignment:12", "unit:4", "admin", "member:9") and the period key
 * it makes the alert unique, so a repeated or overlapping cron run finds the
 * row taken and sends nothing twice.
 */
export const alertKinds = [
  /** Before the due date (period key "<due>@<days before>"). */
  "due",
  /** After the due date, again every N working days ("<due>#<round>"). */
  "overdue",
  /** Overdue and ignored since the first overdue alert: to the unit's leader ("<due>#<round>"). */
  "escalation",
  /** A recurring duty's check-in period is ending ("2026-Q2"); one message per unit and period. */
  "checkin_open",
  /** The previous period ended without a check-in ("2026-Q1"). */
  "checkin_missed",
  /** Admins: one summary a day of what is overdue or waiting for them ("2026-05-11"). */
  "admin_daily",
  /** Admins: the weekly digest ("2026-W20"). */
  "admin_weekly",
  /** Committee members in charge of units: the weekly digest of those units ("2026-W20"). */
  "in_charge_weekly",
  /** A member blocked the bot: their unit's leader is told ("<date>"). */
  "member_unreachable",
  /** A unit was made responsible for recording a target: its people are told ("unit:<id>"). */
  "target_assigned",
  /** Early in the year, last year's figure of a target is missing: to the responsible unit ("<year>"). */
  "target_missing",
  /**
   * What a person's action means for someone else (a completion to review, a
   * decision, a role change): subject names the event, period "once". Sent at
   * once, through the outbox so a failed send is retried, not lost.
   */
  "notice",
] as const;

export type AlertKind = (typeof alertKinds)[number];

/** Who in the assigned unit receives an alert. */
export type Audience = "unit" | "members" | "leaders";

export const assignmentSubject = (assignmentId: number) => `assignment:${assignmentId}`;
export const unitSubject = (unitId: number) => `unit:${unitId}`;
export const memberSubject = (memberId: number) => `member:${memberId}`;
export const targetSubject = (targetId: number) => `target:${targetId}`;
export const ADMIN_SUBJECT = "admin";
export const NOTICE_PERIOD = "once";
