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
