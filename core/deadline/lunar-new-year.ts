import { addDays } from "../time/vietnam-date";

/**
 * Tết Nguyên đán: plans set work "trước Tết Nguyên đán 2027", a date that moves with the
 * lunar calendar. The first day of each lunar year, in the solar calendar (Vietnam's time).
 */
const FIRST_DAY: Record<number, string> = {
  2024: "2024-02-10",
  2025: "2025-01-29",
  2026: "2026-02-17",
  2027: "2027-02-06",
  2028: "2028-01-26",
  2029: "2029-02-13",
  2030: "2030-02-03",
  2031: "2031-01-23",
  2032: "2032-02-11",
  2033: "2033-01-31",
  2034: "2034-02-19",
  2035: "2035-02-08",
};

// "tết nguyên đán 2027", "tết nguyên đán bính ngọ 2026", "tết 2027" (folded text).
const TET = /(?<![a-z0-9])tet(?:\s+nguyen\s+dan)?(?:\s+[a-z]+\s+[a-z]+)?\s+(\d{4})(?![0-9])/;

/** The eve of the Tết the folded phrase names with its year (the last day to finish "before Tết"), or null. */
export function lunarNewYearEve(folded: string): string | null {
  const year = Number(TET.exec(folded)?.[1]);
  const first = FIRST_DAY[year];
  return first ? addDays(first, -1) : null;
}
