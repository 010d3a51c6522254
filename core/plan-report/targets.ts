import { formatValue, goalLabel, periodFromKey, periodLabelOf, standingOf, type Comparator } from "../report/target";
import type { ReportTarget } from "./data";

export interface TargetFacts {
  text: string;
  value: number | null;
  comparator: Comparator | null;
  unitOfMeasure: string | null;
  byYear: number | null;
}

/**
 * Each target at the period's end: only values recorded by `asOf` (an
 * instant) for periods that ended by `asOfDate` count.
 */
export function targetsAsOf(
  targets: (TargetFacts & { id: number })[],
  values: { targetId: number; period: string; value: number; createdAt: string }[],
  asOf: string,
  asOfDate: string,
): ReportTarget[] {
  return targets.map((t) => {
    const known = values.filter(
      (v) => v.targetId === t.id && v.createdAt <= asOf && (periodFromKey(v.period)?.end ?? v.period) <= asOfDate,
    );
    const standing = standingOf(t, known);
    return {
      text: t.text,
      goal: goalLabel(t),
      value: standing.latest ? formatValue(standing.latest.value, t.unitOfMeasure) : null,
      valuePeriod: standing.latest ? periodLabelOf(standing.latest.period) : null,
      met: standing.met,
    };
  });
}

/** Whether a plan's "thực hiện …" line names the plan numbered `number` (spaces and case aside). */
export function implementsPlan(implementsText: string, number: string | null): boolean {
  if (!number) return false;
  const squash = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/gi, "d")
      .toLowerCase()
      .replace(/\s+/g, "");
  const wanted = squash(number);
  const text = squash(implementsText);
  const at = text.indexOf(wanted);
  // "45-KH/HU" must not match inside "145-KH/HU".
  return at >= 0 && (at === 0 || !/\d/.test(text[at - 1]!));
}
