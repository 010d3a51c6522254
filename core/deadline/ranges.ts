import type { Period } from "./calendar";
import type { PeriodToken } from "./periods";
import type { DeadlineKind } from "./types";

/** The period a phrase resolves to. */
export interface Choice {
  kind: Extract<DeadlineKind, "date" | "month" | "quarter" | "year" | "range">;
  start: string | null;
  due: string;
}

// "từ tháng 11/2025 đến quý I/2026", "01/3/2025 - 30/6/2025", "đến hết quý I/2026".
const RANGE_JOINER = /^\s*(?:den|toi|-|–|—|~)\s*(?:het\s+|truoc\s+)?$/;
// "quý III và quý IV/2025": a list joins two periods only when the first leaves its year to the second.
const LIST_JOINER = /^\s*(?:va|,)\s*$/;

// Among periods ending on the same day, the finest one is the most concrete.
const FINENESS: Record<Choice["kind"], number> = { date: 0, month: 1, quarter: 2, range: 3, year: 4 };

/**
 * Pairs tokens joined by "đến"/"-" into ranges, then picks the candidate with the
 * earliest due date: "Quý IV/2025 (báo cáo kết quả trước 15/12/2025)" → 2025-12-15,
 * because the earlier date is the one that will be missed first. A day or month
 * without a year is read in `defaultYear` when the document gives one elsewhere.
 */
export function choosePeriod(tokens: PeriodToken[], folded: string, defaultYear?: number): Choice | null {
  const candidates: Choice[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    const second = tokens[i + 1];
    const range = second ? rangeBetween(first, second, folded.slice(first.to, second.from), defaultYear) : null;
    if (range) {
      candidates.push(range);
      i++;
    } else if ("period" in first) {
      candidates.push(single(first.period));
    } else if (defaultYear !== undefined) {
      const period = first.yearless(defaultYear);
      if (period) candidates.push(single(period));
    }
  }
  candidates.sort((a, b) => a.due.localeCompare(b.due) || rank(a) - rank(b));
  return candidates[0] ?? null;
}

function single(period: Period): Choice {
  return { kind: period.kind, start: period.isSpan ? period.start : null, due: period.end };
}

function rank(choice: Choice): number {
  // A multi-year span is coarser than a single year.
  return FINENESS[choice.kind] * 2 + (choice.kind === "year" && choice.start ? 1 : 0);
}

function rangeBetween(first: PeriodToken, second: PeriodToken, joiner: string, defaultYear?: number): Choice | null {
  const joined = RANGE_JOINER.test(joiner) || ("yearless" in first && LIST_JOINER.test(joiner));
  if (!joined) return null;
  const ends = resolveEnds(first, second, defaultYear);
  if (!ends || ends[0].start > ends[1].end) return null;
  return { kind: "range", start: ends[0].start, due: ends[1].end };
}

/**
 * Lends the year of one end to the other, stepping a year when the range would run
 * backwards. Only a day, month or quarter lends its year: "tháng 5 - năm 2026" is no range.
 */
function resolveEnds(first: PeriodToken, second: PeriodToken, defaultYear?: number): [Period, Period] | null {
  if ("period" in first && "period" in second) return [first.period, second.period];
  if ("yearless" in first && "yearless" in second) {
    if (defaultYear === undefined) return null;
    const start = first.yearless(defaultYear);
    const same = second.yearless(defaultYear);
    const end = same && start && same.end < start.start ? second.yearless(defaultYear + 1) : same;
    return start && end ? [start, end] : null;
  }
  if ("period" in second && "yearless" in first) {
    if (!lendsYear(second.period)) return null;
    const year = Number(second.period.start.slice(0, 4));
    const same = first.yearless(year);
    const start = same && same.start <= second.period.start ? same : first.yearless(year - 1);
    return start ? [start, second.period] : null;
  }
  if ("period" in first && "yearless" in second) {
    if (!lendsYear(first.period)) return null;
    const year = Number(first.period.end.slice(0, 4));
    const same = second.yearless(year);
    const end = same && same.end >= first.period.end ? same : second.yearless(year + 1);
    return end ? [first.period, end] : null;
  }
  return null;
}

function lendsYear(period: Period): boolean {
  return period.kind === "date" || period.kind === "month" || (period.kind === "quarter" && !period.isSpan);
}
