import { addDays } from "../time/vietnam-date";

/*
 * Dates are handled as day numbers (days since 1970-01-01) inside: the cron
 * run asks these questions for every open task, and parsing and printing ISO
 * strings at each step would dominate its CPU time.
 */
const DAY_MS = 86_400_000;
const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const isoDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 1970-01-01 was a Thursday. */
const isWeekdayNumber = (day: number) => {
  const weekday = (day + 4) % 7;
  return weekday !== 0 && weekday !== 6;
};

/**
 * Working days: Monday to Friday, minus the public holidays given in the
 * configuration (Tết and 2/9 move or stretch from year to year, so none are
 * built in). Dates are ISO yyyy-mm-dd in Asia/Ho_Chi_Minh.
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<number>;

  constructor(holidays: Iterable<string> = []) {
    this.holidays = new Set([...holidays].map(dayNumber));
  }

  isWorkingDay(date: string): boolean {
    return this.working(dayNumber(date));
  }

  /** The latest working day on or before `date`. */
  onOrBefore(date: string): string {
    let d = dayNumber(date);
    while (!this.working(d)) d--;
    return isoDate(d);
  }

  /** The first working day strictly after `date`. */
  after(date: string): string {
    let d = dayNumber(date) + 1;
    while (!this.working(d)) d++;
    return isoDate(d);
  }

  /** Working days d with from < d ≤ to (0 when to ≤ from). Whole weeks are counted, not walked. */
  countBetween(from: string, to: string): number {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (b <= a) return 0;
    const weeks = Math.floor((b - a) / 7);
    let n = weeks * 5;
    for (let d = a + weeks * 7 + 1; d <= b; d++) if (isWeekdayNumber(d)) n++;
    for (const h of this.holidays) if (h > a && h <= b && isWeekdayNumber(h)) n--;
    return n;
  }

  private working(day: number): boolean {
    return isWeekdayNumber(day) && !this.holidays.has(day);
  }
}

/** ISO week key ("2026-W20") and its Monday: the weekly digest is one per week. */
export function isoWeek(date: string): { key: string; monday: string; sunday: string } {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const monday = addDays(date, -weekday);
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const jan4 = `${year}-01-04`;
  const week1Monday = addDays(jan4, -((new Date(`${jan4}T00:00:00Z`).getUTCDay() + 6) % 7));
  const week = Math.round((Date.parse(monday) - Date.parse(week1Monday)) / (7 * 86_400_000)) + 1;
  return { key: `${year}-W${String(week).padStart(2, "0")}`, monday, sunday: addDays(monday, 6) };
}
