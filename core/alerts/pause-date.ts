import { addDays } from "../time/vietnam-date";

export type PauseDate =
  | { ok: true; date: string }
  | { ok: false; reason: "malformed" }
  | { ok: false; reason: "past"; date: string }
  | { ok: false; reason: "too_far"; max: string };

/** A pause longer than a year is almost certainly a typo (2062 for 2026). */
export const PAUSE_MAX_DAYS = 366;

/**
 * The date an official types after /tamdung: day/month/year as written in
 * Vietnam ("20/12/2026", "5-1-2027", "20.12.2026"), or day/month for the
 * coming occurrence. Must be today or later, and within a year.
 */
export function parsePauseDate(input: string, today: string): PauseDate {
  const m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?$/.exec(input.trim());
  if (!m) return { ok: false, reason: "malformed" };
  const day = Number(m[1]);
  const month = Number(m[2]);
  const thisYear = Number(today.slice(0, 4));
  let year = m[3] === undefined ? thisYear : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  let date = isoDate(year, month, day);
  if (date === null) return { ok: false, reason: "malformed" };
  if (m[3] === undefined && date < today) {
    year += 1;
    date = isoDate(year, month, day);
    if (date === null) return { ok: false, reason: "malformed" };
  }
  if (date < today) return { ok: false, reason: "past", date };
  const max = addDays(today, PAUSE_MAX_DAYS);
  if (date > max) return { ok: false, reason: "too_far", max };
  return { ok: true, date };
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}
