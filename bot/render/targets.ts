import { formatValue, goalLabel, periodLabelOf, standingOf } from "../../core/report/target";
import { formatDateTime } from "../../core/time/vietnam-date";
import type { TargetRow, TargetValueRow } from "../../db/queries/targets";
import { adminTexts } from "../texts";
import { escapeHtml, shorten } from "./html";
import { planLabel } from "./plan";

const t = adminTexts.targets;

/** "≥ 70% đến năm 2030" */
export function goalText(target: TargetRow): string | null {
  const label = goalLabel(target);
  return label && escapeHtml(label);
}

export function valueText(value: number, target: { unitOfMeasure: string | null }): string {
  return escapeHtml(formatValue(value, target.unitOfMeasure));
}

/** "Mới nhất: 62,5% (năm 2025) ↑ từ 58% · ⚠️ chưa đạt", or that nothing is recorded. */
export function standingLine(target: TargetRow, values: TargetValueRow[]): string {
  const s = standingOf(target, values);
  if (!s.latest) return t.noValue;
  const from = s.previous ? `${valueText(s.previous.value, target)} (${periodLabelOf(s.previous.period)})` : "";
  const trend =
    s.trend === "up" ? t.trend.up(from) : s.trend === "down" ? t.trend.down(from) : s.trend === "flat" ? t.trend.flat() : "";
  const verdict = s.met === true ? t.met : s.met === false ? t.notMet : "";
  return t.latest(valueText(s.latest.value, target), periodLabelOf(s.latest.period), trend, verdict);
}

/** One line per target for the overview. */
export function targetOverviewLines(targets: TargetRow[], values: TargetValueRow[]): string[] {
  return targets.map((target) => {
    const s = standingOf(
      target,
      values.filter((v) => v.targetId === target.id),
    );
    const text = escapeHtml(shorten(target.text, 70));
    if (!s.latest) return t.overviewNone(text);
    const verdict = s.met === true ? " ✅" : s.met === false ? ` ⚠️ (chỉ tiêu đề ra ${goalText(target)})` : "";
    return t.overviewLine(text, `${valueText(s.latest.value, target)} (${periodLabelOf(s.latest.period)})`, verdict);
  });
}

/** A target's screen: its text, goal, responsible unit, latest standing and the newest values recorded. */
export function targetDetailText(target: TargetRow, n: number, values: TargetValueRow[], o: { showPlan: boolean }): string {
  const lines = [t.detailHeader(n), escapeHtml(shorten(target.text, 1000))];
  const goal = goalText(target);
  if (goal) lines.push(t.goal(goal).trim());
  if (o.showPlan) lines.push(t.plan(planLabel(target.plan)));
  lines.push(target.responsibleUnitName ? t.responsible(escapeHtml(target.responsibleUnitName)) : t.noResponsible);
  lines.push(standingLine(target, values).trim(), "");
  const { series } = standingOf(target, values);
  if (series.length > 0) {
    lines.push(t.seriesHeader);
    // The newest twelve periods: enough for a trend, short enough for a phone.
    for (const v of series.slice(-12)) {
      lines.push(
        t.seriesLine(
          periodLabelOf(v.period),
          valueText(v.value, target),
          escapeHtml(v.recordedByName),
          formatDateTime(v.createdAt),
          v.note && escapeHtml(shorten(v.note, 200)),
        ),
      );
    }
  }
  return lines.join("\n");
}
