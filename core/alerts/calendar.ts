import { addDays } from "../time/vietnam-date";

/**
 * Working days: Monday to Friday, minus the public holidays given in the
 * configuration (Tết and 2/9 move or stretch from year to year, so none are
 * built in). Dates are ISO yyyy-mm-dd in Asia/Ho_Chi_Minh.
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;

  constructor(holidays: Iterable<string> = []) {
    this.holidays = new Set(holidays);
  }

  isWorkingDay(date: string): boolean {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(date);
  }

  /** The latest working day on or before `date`. */
  onOrBefore(date: string): string {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, -1);
    return d;
  }

  /** The first working day strictly after `date`. */
  after(date: string): string {
    let d = addDays(date, 1);
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** Working days d with from < d ≤ to (0 when to ≤ from). */
  countBetween(from: string, to: string): number {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
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
