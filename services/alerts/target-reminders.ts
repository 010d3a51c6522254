import { targetSubject } from "../../core/alerts/kinds";
import { receivesAlerts } from "../../core/alerts/recipients";
import { targetYearAskedFor, yearEndPeriods } from "../../core/alerts/target-values";
import { goalLabel } from "../../core/report/target";
import { targetAlertButtons } from "../../bot/keyboards/alerts";
import { escapeHtml, shorten } from "../../bot/render/html";
import { planLabel } from "../../bot/render/plan";
import { alertTexts as t } from "../../bot/texts";
import { targetsMissingValue } from "../../db/queries/alerts-targets";
import type { NewReminder } from "../../db/queries/outbox";

/**
 * Early in the year, the people of a unit responsible for a target are asked
 * once for last year's figure while none is recorded (core/alerts/target-values).
 * Unique per person, target and year, so the daily runs of the window write
 * each once; someone who joins the unit later in the window is asked too.
 */
export async function targetValueReminders(d1: D1Database, today: string): Promise<NewReminder[]> {
  const year = targetYearAskedFor(today);
  if (year === null) return [];
  const missing = await targetsMissingValue(d1, { year, periods: yearEndPeriods(year) });
  return missing
    .filter((row) => receivesAlerts(row, today))
    .map((row) => {
      const goal = goalLabel(row);
      const lines = [
        t.targetMissingHeader(year),
        t.targetMissingIntro(escapeHtml(row.unitName)),
        escapeHtml(shorten(row.text, 500)),
        ...(goal ? [t.targetGoal(escapeHtml(goal))] : []),
        t.planLine(planLabel({ number: row.planNumber, title: row.planTitle })),
        "",
        t.targetMissingNext(year),
      ];
      return {
        memberId: row.memberId,
        assignmentId: null,
        kind: "target_missing" as const,
        subject: targetSubject(row.targetId),
        periodKey: String(year),
        payload: { text: lines.join("\n"), buttons: targetAlertButtons(row.targetId) },
      };
    });
}
