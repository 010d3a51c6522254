/**
 * What officials type while reporting, checked before anything is saved.
 * Mistakes are values with a reason the bot turns into a Vietnamese sentence.
 */
import { normalizeText } from "../text/fold";

export type Checked<T, Reason extends string> = { ok: true; value: T } | { ok: false; reason: Reason };

/** A progress percentage as stored: a whole number from 0 to 100 (whatever a button or a caller claims). */
export function isPercent(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 100;
}

/** "60", "60%", " 60 % " → 60. Whole numbers only: nobody reports 62.5%. */
export function parsePercent(text: string): Checked<number, "not_a_number" | "out_of_range"> {
  const match = /^\s*(-?\d{1,4})\s*%?\s*$/.exec(text.normalize("NFC"));
  if (!match) return { ok: false, reason: "not_a_number" };
  const value = Number(match[1]);
  if (value < 0 || value > 100) return { ok: false, reason: "out_of_range" };
  return { ok: true, value };
}

export const NOTE_MAX_LENGTH = 1000;

export function parseNote(text: string, max = NOTE_MAX_LENGTH): Checked<string, "empty" | "too_long"> {
  const note = normalizeText(text);
  if (note.length === 0) return { ok: false, reason: "empty" };
  if (note.length > max) return { ok: false, reason: "too_long" };
  return { ok: true, value: note };
}

/**
 * A proposed new deadline, written the Vietnamese way: dd/mm/yyyy (also
 * d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy). It must be a real date after today and
 * after the deadline in force.
 */
export function parseProposedDate(
  text: string,
  today: string,
  currentDue: string | null,
): Checked<string, "unparseable" | "not_future" | "not_later"> {
  const iso = parseVietnameseDate(text);
  if (!iso) return { ok: false, reason: "unparseable" };
  if (iso <= today) return { ok: false, reason: "not_future" };
  if (currentDue && iso <= currentDue) return { ok: false, reason: "not_later" };
  return { ok: true, value: iso };
}

export function parseVietnameseDate(text: string): string | null {
  const match = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text.normalize("NFC"));
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
