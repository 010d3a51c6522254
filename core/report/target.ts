/**
 * Targets (chỉ tiêu): a goal such as "≥ 70 %" by a year, and values recorded
 * for periods. Periods are typed the way an office writes them and kept as a
 * sortable key: 2025, 2025-H1 (6 tháng đầu năm), 2025-Q3, 2025-07.
 */
import { normalizeText, foldText } from "../text/fold";

export type Comparator = "gt" | "gte" | "lt" | "lte" | "eq";

export const comparatorSymbol: Record<Comparator, string> = { gt: ">", gte: "≥", lt: "<", lte: "≤", eq: "=" };

export interface Period {
  key: string;
  /** Last day of the period: orders periods of different lengths. */
  end: string;
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

export function periodFromKey(key: string): Period | null {
  let m = /^(\d{4})$/.exec(key);
  if (m) return { key, end: `${m[1]}-12-31` };
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return { key, end: lastDay(Number(m[1]), m[2] === "1" ? 6 : 12) };
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return { key, end: lastDay(Number(m[1]), Number(m[2]) * 3) };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return { key, end: lastDay(Number(m[1]), Number(m[2])) };
  return null;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Years a value can be recorded for: a typo such as 9999 or 1025 is refused, not stored. */
export const TARGET_YEAR_MIN = 2000;
export const TARGET_YEAR_MAX = 2100;

/** "2025", "năm 2025", "6 tháng đầu năm 2025", "6T/2025", "quý III/2025", "Q3/2025", "tháng 7/2025", "7/2025". */
export function parsePeriod(input: string): Period | null {
  const period = periodOf(input);
  if (!period) return null;
  const year = Number(period.key.slice(0, 4));
  return year >= TARGET_YEAR_MIN && year <= TARGET_YEAR_MAX ? period : null;
}

function periodOf(input: string): Period | null {
  const s = foldText(input)
    .replace(/\s*\/\s*/g, "/")
    .replace(/^nam\s+/, "");
  let m = /^(\d{4})$/.exec(s);
  if (m) return periodFromKey(m[1]!);
  m = /^(?:6 thang dau nam|6 thang dau|6t|6 thang)(?: nam)?[ /](\d{4})$/.exec(s);
  if (m) return periodFromKey(`${m[1]}-H1`);
  m = /^(?:6 thang cuoi nam|6 thang cuoi)(?: nam)?[ /](\d{4})$/.exec(s);
  if (m) return periodFromKey(`${m[1]}-H2`);
  m = /^(?:quy|q) ?(i{1,3}|iv|[1-4])(?: nam)?[ /](\d{4})$/.exec(s);
  if (m) return periodFromKey(`${m[2]}-Q${ROMAN[m[1]!] ?? Number(m[1])}`);
  m = /^(?:thang )?(\d{1,2})(?: nam)?[ /](\d{4})$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return periodFromKey(`${m[2]}-${m[1]!.padStart(2, "0")}`);
  return null;
}

export function periodLabelOf(key: string): string {
  let m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return `6 tháng ${m[2] === "1" ? "đầu" : "cuối"} năm ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return `quý ${["I", "II", "III", "IV"][Number(m[2]) - 1]}/${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return `tháng ${Number(m[2])}/${m[1]}`;
  return /^\d{4}$/.test(key) ? `năm ${key}` : key;
}

export type TargetInput =
  | { ok: true; period: Period; value: number; note: string | null }
  | { ok: false; reason: "format" | "period" | "value" | "range" | "tooLong" };

/** Above any count or amount a district records (a trillion đồng is 1e12). */
export const TARGET_VALUE_MAX = 1e12;

/** A note beside a value: a source or a caveat, not a report. */
export const TARGET_NOTE_MAX = 500;

/**
 * One line: the period, the value, an optional note.
 * "2025 62,5" · "quý III/2025: 48%" · "6T/2025 = 12 người, theo báo cáo của UBND".
 * The value is the first number after the period; a comma is the decimal mark (Vietnamese), a dot too.
 * For a target in %, the value is a share: 0 to 100.
 */
export function parseTargetInput(input: string, unitOfMeasure: string | null = null): TargetInput {
  const text = normalizeText(input);
  const m = /^(.*?\d{4})\s*[:=]?\s*(-?\d+(?:[.,]\d+)?)\s*(%|[^\d,;.\s][^,;]*?)?\s*(?:[,;.]\s*(.*))?$/.exec(text);
  if (!m) return { ok: false, reason: "format" };
  const period = parsePeriod(m[1]!);
  if (!period) return { ok: false, reason: "period" };
  // "1e400", "2,5e3": exponent notation is no way to write a statistic, and 1e400 is Infinity.
  if (m[3] && /^[eE][+-]?\d/.test(m[3])) return { ok: false, reason: "value" };
  const value = Number(m[2]!.replace(",", "."));
  if (!Number.isFinite(value) || Math.abs(value) > TARGET_VALUE_MAX) return { ok: false, reason: "value" };
  // Targets in % are shares (tỷ lệ, tỷ trọng) in every plan we have read.
  if (unitOfMeasure === "%" && (value < 0 || value > 100)) return { ok: false, reason: "range" };
  const note = m[4]?.trim() || null;
  if (note && note.length > TARGET_NOTE_MAX) return { ok: false, reason: "tooLong" };
  return { ok: true, period, value, note };
}

/** Whether a value meets the goal; null when the target states no comparable goal. */
export function meetsGoal(value: number, goal: { comparator: Comparator | null; value: number | null }): boolean | null {
  if (goal.comparator === null || goal.value === null) return null;
  switch (goal.comparator) {
    case "gt":
      return value > goal.value;
    case "gte":
      return value >= goal.value;
    case "lt":
      return value < goal.value;
    case "lte":
      return value <= goal.value;
    case "eq":
      return Math.abs(value - goal.value) < 1e-9;
  }
}

export interface RecordedValue {
  period: string;
  value: number;
  createdAt: string;
}

/** Values oldest to newest by period (a correction recorded later for the same period wins). */
export function valueSeries<T extends RecordedValue>(values: T[]): T[] {
  const byPeriod = new Map<string, T>();
  for (const v of [...values].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) byPeriod.set(v.period, v);
  const end = (key: string) => periodFromKey(key)?.end ?? key;
  return [...byPeriod.values()].sort((a, b) => end(a.period).localeCompare(end(b.period)) || a.period.localeCompare(b.period));
}

export type Trend = "up" | "down" | "flat" | null;

export function trendOf(series: RecordedValue[]): Trend {
  if (series.length < 2) return null;
  const [previous, latest] = [series.at(-2)!.value, series.at(-1)!.value];
  return latest > previous ? "up" : latest < previous ? "down" : "flat";
}

/** 62.5 → "62,5"; Vietnamese uses the comma as decimal mark. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded).replace(".", ",");
}

/** 62.5 with "%" → "62,5%"; 5 with "mô hình" → "5 mô hình". */
export function formatValue(value: number, unitOfMeasure: string | null): string {
  const unit = unitOfMeasure ?? "";
  return `${formatNumber(value)}${unit === "%" ? "%" : unit ? ` ${unit}` : ""}`;
}

export interface Goal {
  comparator: Comparator | null;
  value: number | null;
  unitOfMeasure: string | null;
  byYear: number | null;
}

/** "≥ 70% đến năm 2030", "đến năm 2045" (no figure), or null (neither). */
export function goalLabel(goal: Goal): string | null {
  const byYear = goal.byYear ? `đến năm ${goal.byYear}` : "";
  if (goal.value === null) return byYear || null;
  const symbol = goal.comparator ? `${comparatorSymbol[goal.comparator]} ` : "";
  return `${symbol}${formatValue(goal.value, goal.unitOfMeasure)}${byYear ? ` ${byYear}` : ""}`;
}

export interface Standing<T extends RecordedValue> {
  series: T[];
  latest: T | null;
  previous: T | null;
  trend: Trend;
  /** Whether the latest value meets the goal; null without a value or a comparable goal. */
  met: boolean | null;
}

export function standingOf<T extends RecordedValue>(
  goal: { comparator: Comparator | null; value: number | null },
  values: T[],
): Standing<T> {
  const series = valueSeries(values);
  const latest = series.at(-1) ?? null;
  return {
    series,
    latest,
    previous: series.at(-2) ?? null,
    trend: trendOf(series),
    met: latest ? meetsGoal(latest.value, goal) : null,
  };
}
