/**
 * A target's yearly figure: a unit responsible for a target reports how far
 * it got each year, as the sơ kết and tổng kết reports need. From 10 January
 * to 31 March its people are asked once for last year's figure while none
 * is recorded. Any value for a period ending on 31 December counts: the
 * year, its second half, its fourth quarter or December.
 */

/** The year whose figure is asked for today, or null outside the window. */
export function targetYearAskedFor(today: string): number | null {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  if (month === 1 && day < 10) return null;
  return month <= 3 ? year - 1 : null;
}

/** Period keys that stand for the figure at the end of `year`. */
export function yearEndPeriods(year: number): string[] {
  return [`${year}`, `${year}-H2`, `${year}-Q4`, `${year}-12`];
}
