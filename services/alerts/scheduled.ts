import { WorkingCalendar, isoWeek } from "../../core/alerts/calendar";
import type { AlertConfig } from "../../core/alerts/config";
import { ADMIN_SUBJECT } from "../../core/alerts/kinds";
import { planAlerts, type PlannedAlert } from "../../core/alerts/plan";
import { receivesAlerts, MuteSet } from "../../core/alerts/recipients";
import { checkinPeriodKeys, dueHorizon } from "../../core/alerts/rules";
import { isSendingTime } from "../../core/alerts/send-window";
import { periodLabel } from "../../core/checkins/period";
import { DEFAULT_SOON_DAYS } from "../../core/status/derive";
import { addDays, daysBetween, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { deadlineAlertButtons, numberedButtons } from "../../bot/keyboards/alerts";
import { escapeHtml, shorten } from "../../bot/render/html";
import { alertTexts as t, chainTexts } from "../../bot/texts";
import { isPlanningTask } from "../../core/plan-chain";
import { scanDueAlerts, type AlertAssignment, type StatementStats } from "../../db/queries/alerts";
import { adminsWithout, unitNamesOf, weeklyCounts, type UnitCounts } from "../../db/queries/alerts-digest";
import { unissuedPlans, type UnissuedPlan } from "../../db/queries/plan-chain-chat";
import { unissuedLines } from "../../bot/render/unit-plans";
import {
  claimPending,
  insertReminders,
  releaseClaimed,
  staleQueued,
  type ClaimedReminder,
  type NewReminder,
} from "../../db/queries/outbox";
import { readAlertConfig, type Env } from "../env";
import { inChargeDigests } from "./in-charge-digest";
import { targetValueReminders } from "./target-reminders";

/**
 * The cron job's alert run: scan what is due, write it to the outbox (a row
 * another run wrote first is skipped), then claim the pending rows and put
 * them on the queue. Sending is the queue consumer's (services/queue.ts), at
 * Telegram's pace.
 */

export interface AlertRunReport {
  today: string;
  skipped?: string;
  scanMs: number;
  scan: StatementStats[];
  planned: number;
  written: number;
  enqueued: number;
  requeued: number;
}

/** Messages listed in one grouped alert; the rest are a tap away in /viec. */
const LIST_MAX = 10;
const SUMMARY_UNITS = 5;
const SUMMARY_ITEMS = 5;
const CLAIM_CHUNK = 500;
/**
 * The queue's backlog is kept to about this many messages: the rest stay
 * pending and the consumer tops the queue up as it sends (a first run, or a
 * plan loaded with many overdue tasks, can have tens of thousands).
 */
const ENQUEUE_PER_RUN = 2_000;
/** A queued row this old has lost its message; the longest legitimate wait (a night's deferral) is shorter. */
const STALE_AFTER_MS = 13 * 3_600_000;

export async function runAlerts(env: Env, scheduledTime: number): Promise<AlertRunReport> {
  const config = readAlertConfig(env);
  const calendar = new WorkingCalendar(config.holidays);
  const now = new Date(scheduledTime);
  const today = vietnamDate(now);
  const report: AlertRunReport = { today, scanMs: 0, scan: [], planned: 0, written: 0, enqueued: 0, requeued: 0 };
  if (!isSendingTime(now, config, calendar)) return { ...report, skipped: "outside sending hours" };

  const d1 = env.DB;
  const t0 = performance.now();
  const scan = await scanDueAlerts(d1, {
    today,
    horizon: dueHorizon(today, config, calendar),
    checkinPeriods: checkinPeriodKeys(today),
  });
  report.scanMs = performance.now() - t0;
  report.scan = scan.stats;

  const planned = planAlerts({
    today,
    config,
    calendar,
    assignments: scan.assignments,
    checkins: scan.checkins,
    members: scan.members,
    admins: scan.admins,
    mutes: new MuteSet(scan.mutes, today),
    extensionsPending: scan.extensionsPending,
    completionsPending: scan.completionsPending,
  });
  const unissued = await unissuedByOffice(d1, planned, scan.admins, today);
  const rows = planned.map((p) => render(p, today, scan.unitNames, unissued.get(p.memberId) ?? []));
  rows.push(
    ...(await weeklyDigests(
      d1,
      scan.admins.filter((a) => receivesAlerts(a, today)),
      today,
      scan.unitNames,
    )),
  );
  rows.push(...(await targetValueReminders(d1, today)));
  rows.push(...(await inChargeDigests(d1, today)));
  report.planned = rows.length;
  report.written = (await insertReminders(d1, rows)).length;
  report.enqueued = await enqueuePending(d1, env.ALERTS, config);
  report.requeued = await requeueStale(d1, env.ALERTS, new Date(now.getTime() - STALE_AFTER_MS));
  return report;
}

/**
 * Claims pending rows (this run's and any a failed run left behind), up to
 * `max`, and sends them to the queue, at most 100 a call. A member's several
 * alerts are spread out, one per second, so the consumer never meets a burst
 * for one chat.
 */
export async function enqueuePending(
  d1: D1Database,
  queue: Queue<unknown> | undefined,
  config: AlertConfig,
  ids?: number[],
  max = ENQUEUE_PER_RUN,
): Promise<number> {
  if (!queue) {
    console.warn("alerts: no ALERTS queue binding; reminders stay pending");
    return 0;
  }
  let total = 0;
  while (total < max) {
    const limit = Math.min(CLAIM_CHUNK, max - total);
    const claimed = await claimPending(d1, limit, ids);
    if (claimed.length === 0) break;
    const sent = await send(queue, claimed, config);
    if (sent.error) {
      // What reached the queue stays queued; the rest goes back for the next run.
      await releaseClaimed(
        d1,
        claimed.slice(sent.count).map((c) => c.id),
      );
      throw sent.error;
    }
    total += claimed.length;
    if (ids || claimed.length < limit) break;
  }
  return total;
}

async function requeueStale(d1: D1Database, queue: Queue<unknown> | undefined, before: Date): Promise<number> {
  if (!queue) return 0;
  const stale = await staleQueued(d1, before.toISOString(), CLAIM_CHUNK);
  const sent = await send(queue, stale, { chatIntervalMs: 1000 });
  if (sent.error) console.error("alerts: requeueing stale reminders failed", sent.error);
  return sent.count;
}

/** At most 100 messages a sendBatch; a member's second and later alerts are delayed a second each. */
async function send(
  queue: Queue<unknown>,
  rows: ClaimedReminder[],
  config: Pick<AlertConfig, "chatIntervalMs">,
): Promise<{ count: number; error?: unknown }> {
  const seen = new Map<number, number>();
  const messages = rows.map((c) => {
    const nth = seen.get(c.memberId) ?? 0;
    seen.set(c.memberId, nth + 1);
    const delaySeconds = Math.min(nth * Math.ceil(config.chatIntervalMs / 1000), 12 * 3600);
    return { body: { id: c.id }, ...(delaySeconds > 0 ? { delaySeconds } : {}), contentType: "json" as const };
  });
  for (let i = 0; i < messages.length; i += 100) {
    try {
      await queue.sendBatch(messages.slice(i, i + 100));
    } catch (error) {
      return { count: i, error };
    }
  }
  return { count: messages.length };
}

// ------------------------------------------------------------------ rendering

/**
 * For each admin getting today's digest: the units of the plans their office
 * monitors that have not issued their implementing plan by its deadline.
 */
async function unissuedByOffice(
  d1: D1Database,
  planned: PlannedAlert<AlertAssignment>[],
  admins: { id: number; unitId: number }[],
  today: string,
): Promise<Map<number, UnissuedPlan[]>> {
  const digests = new Set(planned.filter((p) => p.kind === "admin_daily").map((p) => p.memberId));
  const officeOf = new Map(admins.filter((a) => digests.has(a.id)).map((a) => [a.id, a.unitId]));
  const late = await unissuedPlans(d1, { today, monitorUnitIds: [...new Set(officeOf.values())] });
  return new Map([...officeOf].map(([adminId, office]) => [adminId, late.filter((u) => u.monitorUnitId === office)]));
}

function render(
  p: PlannedAlert<AlertAssignment>,
  today: string,
  unitNames: Map<number, string>,
  unissued: UnissuedPlan[],
): NewReminder {
  const base = { memberId: p.memberId, assignmentId: p.assignmentId, kind: p.kind, subject: p.subject, periodKey: p.periodKey };
  const c = p.content;
  if (c.type === "deadline") {
    const a = c.assignment;
    const due = formatDate(c.alert.due);
    const task = t.taskLine(escapeHtml(a.ref), escapeHtml(shorten(a.title, 300)));
    const plan = t.planLine(escapeHtml(a.planLabel));
    const lines =
      c.alert.kind === "due"
        ? [t.dueHeader(c.alert.days, due), task, plan, t.dueNext]
        : c.alert.kind === "overdue"
          ? [t.overdueHeader(c.alert.days, due), task, plan, t.overdueNext]
          : [
              t.escalationHeader,
              task,
              t.escalationUnit(escapeHtml(unitNames.get(a.unitId) ?? ""), c.alert.days, due),
              t.escalationNext(formatDate(c.alert.firstOverdueOn!)),
            ];
    // A task asking the unit for its own plan: importing that plan is what completes it.
    if (isPlanningTask(`${a.title} ${a.deadlineText ?? ""}`)) lines.push(chainTexts.alertHint);
    return { ...base, payload: { text: lines.join("\n"), buttons: deadlineAlertButtons(a.id) } };
  }
  if (c.type === "checkin") {
    const missed = p.kind === "checkin_missed";
    const shown = c.duties.slice(0, LIST_MAX);
    const lines = [
      missed
        ? t.checkinMissedHeader(periodLabel(c.period), formatDate(c.period.end))
        : t.checkinOpenHeader(periodLabel(c.period), formatDate(c.period.end)),
      missed ? t.checkinMissedIntro : t.checkinOpenIntro,
      ...shown.map((d, i) => `${i + 1}. ${escapeHtml(d.ref)} — ${escapeHtml(shorten(d.title, 120))}`),
    ];
    if (c.duties.length > shown.length) lines.push(t.moreItems(c.duties.length - shown.length));
    lines.push(t.checkinNext);
    return {
      ...base,
      payload: {
        text: lines.join("\n"),
        buttons: numberedButtons(
          shown.map((d) => d.id),
          "checkin",
        ),
      },
    };
  }
  if (c.type === "admin_daily") {
    const lines = [t.dailyHeader(formatDate(today))];
    if (c.overdue.length > 0) {
      const perUnit = countBy(c.overdue.map((a) => a.unitId));
      lines.push(t.dailyOverdue(c.overdue.length, perUnit.length));
      for (const [unitId, n] of perUnit.slice(0, SUMMARY_UNITS))
        lines.push(t.dailyUnitLine(escapeHtml(unitNames.get(unitId) ?? "?"), n));
      if (perUnit.length > SUMMARY_UNITS) lines.push(t.dailyOtherUnits(perUnit.length - SUMMARY_UNITS));
    }
    if (unissued.length > 0) lines.push(...unissuedLines(unissued));
    if (c.extensionsPending.length > 0) lines.push(t.dailyExtensions(c.extensionsPending.length));
    if (c.completionsPending.length > 0) lines.push(t.dailyCompletions(c.completionsPending.length));
    const items = c.overdue.slice(0, SUMMARY_ITEMS);
    if (items.length > 0) {
      lines.push("", t.dailyOldest);
      items.forEach((a, i) => {
        const days = daysBetween(a.dueOverride ?? a.dueOn!, today);
        lines.push(
          t.dailyItem(
            i + 1,
            escapeHtml(a.ref),
            escapeHtml(unitNames.get(a.unitId) ?? "?"),
            days,
            escapeHtml(shorten(a.title, 80)),
          ),
        );
      });
      lines.push(t.dailyNext);
    }
    return {
      ...base,
      payload: {
        text: lines.join("\n"),
        buttons: numberedButtons(
          items.map((a) => a.id),
          "card",
        ),
      },
    };
  }
  throw new Error(`no rendering for ${p.kind}`);
}

/** Units by count, most first; ties by id so the order is stable. */
function countBy(ids: number[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/** The weekly digest for admins who lack this week's: counts by status, units most overdue, last week's changes. */
async function weeklyDigests(
  d1: D1Database,
  admins: { id: number; unitId: number }[],
  today: string,
  knownNames: Map<number, string>,
): Promise<NewReminder[]> {
  const week = isoWeek(today);
  const waiting = new Set(
    await adminsWithout(
      d1,
      admins.map((a) => a.id),
      "admin_weekly",
      week.key,
    ),
  );
  const due = admins.filter((a) => waiting.has(a.id));
  if (due.length === 0) return [];
  const lastMonday = addDays(week.monday, -7);
  const lastSunday = addDays(week.monday, -1);
  const vietnamMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00+07:00`)).toISOString();
  const counts = await weeklyCounts(d1, [...new Set(due.map((a) => a.unitId))], {
    today,
    soonUntil: addDays(today, DEFAULT_SOON_DAYS),
    lastMonday,
    lastSunday,
    fromInstant: vietnamMidnight(lastMonday),
    toInstant: vietnamMidnight(week.monday),
  });
  const late = await unissuedPlans(d1, { today, monitorUnitIds: [...new Set(due.map((a) => a.unitId))] });
  const topIds = [...counts.units.values()].flatMap((list) => topOverdue(list).map((u) => u.unitId));
  const names = new Map([
    ...knownNames,
    ...(await unitNamesOf(
      d1,
      topIds.filter((id) => !knownNames.has(id)),
    )),
  ]);

  return due.flatMap((admin) => {
    const units = counts.units.get(admin.unitId);
    if (!units) return [];
    const sum = (key: keyof UnitCounts) => units.reduce((n, u) => n + u[key], 0);
    const total = sum("total");
    const [overdue, soon, awaiting, done] = [sum("overdue"), sum("dueSoon"), sum("awaiting"), sum("done")];
    const lines = [
      t.weeklyHeader(week.key.replace(/^(\d{4})-W(\d+)$/, "$2/$1"), formatDate(week.monday), formatDate(week.sunday)),
      t.weeklyCounts(total),
      t.weeklyStatus(overdue, soon, awaiting, done, total - overdue - soon - awaiting - done),
    ];
    const top = topOverdue(units);
    if (top.length === 0) lines.push(t.weeklyNoOverdue);
    else lines.push(t.weeklyTopUnits, ...top.map((u) => t.dailyUnitLine(escapeHtml(names.get(u.unitId) ?? "?"), u.overdue)));
    lines.push(...unissuedLines(late.filter((u) => u.monitorUnitId === admin.unitId)));
    lines.push(
      "",
      t.weeklyChanges(
        formatDate(lastMonday),
        formatDate(lastSunday),
        sum("completedLastWeek"),
        sum("newlyOverdueLastWeek"),
        counts.reports.get(admin.unitId) ?? 0,
      ),
    );
    return [
      {
        memberId: admin.id,
        assignmentId: null,
        kind: "admin_weekly",
        subject: ADMIN_SUBJECT,
        periodKey: week.key,
        payload: { text: lines.join("\n") },
      },
    ];
  });
}

function topOverdue(units: UnitCounts[]): UnitCounts[] {
  return units
    .filter((u) => u.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.unitId - b.unitId)
    .slice(0, SUMMARY_UNITS);
}
