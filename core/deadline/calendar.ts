/** A calendar period named by a phrase: its first and last day (ISO yyyy-mm-dd). */
export interface Period {
  kind: "date" | "month" | "quarter" | "year" | "range";
  start: string;
  end: string;
  /** True for spans ("2026 - 2030", "quý I, II/2025"), whose start is worth reporting. */
  isSpan: boolean;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function isMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

/** Arguments may be NaN (an unreadable number); every constructor then returns null. */
export function datePeriod(year: number, month: number, day: number): Period | null {
  if (!isPlausibleYear(year) || !isMonth(month) || !Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  const iso = isoDate(year, month, day);
  return { kind: "date", start: iso, end: iso, isSpan: false };
}

export function monthPeriod(year: number, month: number): Period | null {
  if (!isPlausibleYear(year) || !isMonth(month)) return null;
  return { kind: "month", start: isoDate(year, month, 1), end: isoDate(year, month, daysInMonth(year, month)), isSpan: false };
}

/** Months `first`..`last` of one year, reported with the granularity `kind`. */
function monthsPeriod(kind: Period["kind"], year: number, first: number, last: number): Period | null {
  if (!isPlausibleYear(year)) return null;
  return { kind, start: isoDate(year, first, 1), end: isoDate(year, last, daysInMonth(year, last)), isSpan: false };
}

export function quarterPeriod(year: number, quarter: number): Period | null {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) return null;
  return monthsPeriod("quarter", year, quarter * 3 - 2, quarter * 3);
}

/**
 * "6 tháng đầu/cuối năm": reported as kind "quarter" because a half-year ends
 * where Q2/Q4 ends and, like a quarter, names several months rather than one.
 */
export function halfYearPeriod(year: number, half: 1 | 2): Period | null {
  return half === 1 ? monthsPeriod("quarter", year, 1, 6) : monthsPeriod("quarter", year, 7, 12);
}

export function yearPeriod(year: number): Period | null {
  return monthsPeriod("year", year, 1, 12);
}

export function yearSpanPeriod(first: number, last: number): Period | null {
  if (!isPlausibleYear(first) || !isPlausibleYear(last) || last < first) return null;
  if (first === last) return yearPeriod(first);
  return { kind: "year", start: isoDate(first, 1, 1), end: isoDate(last, 12, 31), isSpan: true };
}

/** "quý III - IV/2025": from the start of one period to the end of another. */
export function rangePeriod(first: Period | null, last: Period | null): Period | null {
  if (!first || !last || first.start > last.end) return null;
  return { kind: "range", start: first.start, end: last.end, isSpan: true };
}
