import { isoWeek } from "../../core/alerts/calendar";
import { ADMIN_SUBJECT } from "../../core/alerts/kinds";
import { receivesAlerts } from "../../core/alerts/recipients";
import { DEFAULT_SOON_DAYS } from "../../core/status/derive";
import { addDays, formatDate } from "../../core/time/vietnam-date";
import { escapeHtml } from "../../bot/render/html";
import { planLabel } from "../../bot/render/plan";
import { inChargeTexts as t } from "../../bot/texts";
import { adminsWithout } from "../../db/queries/alerts-digest";
import type { NewReminder } from "../../db/queries/outbox";
import { planOverview } from "../../db/queries/overview";
import { membersInCharge, plansIssuedBy } from "../../db/queries/units-in-charge";

/**
 * The weekly digest of a committee member in charge of units: for each live
 * plan their unit issues, their units' counts by status and the most overdue
 * of them, from the overview's own query filtered to those units. Once a week
 * (unique per member and ISO week), written only for members still without it.
 */
export async function inChargeDigests(d1: D1Database, today: string): Promise<NewReminder[]> {
  const week = isoWeek(today);
  const all = (await membersInCharge(d1)).filter((m) => receivesAlerts({ ...m, role: "viewer", removedAt: null }, today));
  if (all.length === 0) return [];
  const waiting = new Set(
    await adminsWithout(
      d1,
      all.map((m) => m.id),
      "in_charge_weekly",
      week.key,
    ),
  );
  const rows: NewReminder[] = [];
  const plansOf = new Map<number, Awaited<ReturnType<typeof plansIssuedBy>>>();
  for (const member of all.filter((m) => waiting.has(m.id))) {
    if (!plansOf.has(member.unitId)) plansOf.set(member.unitId, await plansIssuedBy(d1, member.unitId));
    const lines = [t.digestHeader(`${formatDate(week.monday)}–${formatDate(week.sunday)}`)];
    for (const plan of plansOf.get(member.unitId)!) {
      const o = await planOverview(d1, {
        planId: plan.id,
        today,
        soonUntil: addDays(today, DEFAULT_SOON_DAYS),
        top: 3,
        unitIds: member.unitIds,
      });
      if (o.total === 0) continue;
      lines.push(
        t.digestPlan(planLabel(plan)),
        t.mineCounts(
          o.total,
          o.counts.overdue,
          o.counts.due_soon,
          o.counts.awaiting_confirmation,
          o.counts.done_on_time + o.counts.done_late,
        ),
      );
      if (o.worstUnits.length > 0)
        lines.push(t.mineWorst, ...o.worstUnits.map((u, i) => t.worstLine(i + 1, escapeHtml(u.unitName), u.count)));
    }
    if (lines.length === 1) continue;
    lines.push("", t.digestFooter);
    rows.push({
      memberId: member.id,
      assignmentId: null,
      kind: "in_charge_weekly",
      subject: ADMIN_SUBJECT,
      periodKey: week.key,
      payload: { text: lines.join("\n") },
    });
  }
  return rows;
}
