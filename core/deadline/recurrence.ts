import type { Recurrence } from "./types";

export interface Repetition {
  /** null: the duty recurs but its cadence is not written (a bare "định kỳ"). */
  recurrence: Recurrence | null;
  dayOfMonth: number | null;
}

const B = "(?<![a-z0-9])";
const E = "(?![a-z0-9])";
// "hằng" and "hàng" both fold to "hang". "N tháng một lần" / "N tháng/lần" = every N months,
// so "tháng một lần" is monthly only when no other count ("6", "sáu", "hai"…) precedes it.
const NO_COUNT = "(?<!(?:\\d|hai|ba|bon|nam|sau|chin|muoi)\\s+)";
const EVERY = "\\s*(?:mot|1|/)\\s*lan";

const words = (...alternatives: string[]) => new RegExp(`${B}(?:${alternatives.join("|")})${E}`);

// Most frequent first: a phrase naming several cadences ("định kỳ 6 tháng và hằng năm")
// is due at the most frequent one. "thường xuyên" yields to a named cadence written before
// it ("Hằng năm, thường xuyên"), not to one after it (CONTINUOUS_FIRST).
const CADENCES: [Recurrence, RegExp][] = [
  [
    "monthly",
    words(
      "(?:hang|moi)\\s+thang",
      // "trước ngày 05 của tháng liền kề": each month's report is due early the next month.
      "thang\\s+(?:tiep\\s+theo\\s+)?lien\\s+ke",
      "dinh ky\\s+(?:hang\\s+)?(?:0?1\\s+)?thang(?!\\s*\\d)",
      `${NO_COUNT}(?:0?1\\s+)?thang${EVERY}`,
    ),
  ],
  [
    "quarterly",
    words(
      "(?:hang|moi)\\s+quy",
      "dinh ky\\s+quy(?!\\s*(?:iv|iii|ii|i|\\d)(?![a-z]))",
      "dinh ky\\s+0?3\\s+thang",
      `0?3\\s+thang${EVERY}`,
      `quy${EVERY}`,
    ),
  ],
  [
    "semiannual",
    words(
      "dinh ky\\s+(?:0?6|sau)\\s+thang",
      "dinh ky\\s+nua\\s+nam",
      "(?:hang|moi)\\s+(?:0?6\\s+thang|nua\\s+nam)",
      `(?:0?6|sau)\\s+thang${EVERY}`,
      `nua\\s+nam${EVERY}`,
    ),
  ],
  [
    "yearly",
    words(
      "(?:hang|moi)\\s+nam",
      // "trước ngày 31/01 năm liền kề", "31/12 năm trước liền kề": a yearly report dated by the year around it.
      "nam\\s+(?:truoc\\s+|sau\\s+|tiep\\s+theo\\s+)?lien\\s+ke",
      "dinh ky\\s+(?:hang\\s+)?nam",
      "dinh ky\\s+(?:0?1\\s+nam|12\\s+thang)",
      `${NO_COUNT}(?:0?1\\s+)?nam${EVERY}`,
      // "năm 2025 và các năm tiếp theo"
      "(?:cac\\s+|nhung\\s+)?nam\\s+tiep\\s+theo",
    ),
  ],
  // The enum has no daily or weekly cadence; those duties are, in effect, ongoing.
  ["ongoing", words("thuong xuyen", "lien tuc", "(?:hang|moi)\\s+(?:ngay|tuan)")],
];
// "định kỳ" with no cadence after it: periodic, but how often the plan does not say.
const PERIODIC = words("dinh ky");

// "trước ngày 20 hằng tháng", "trước ngày 05 của tháng liền kề": the day of the month a monthly duty is due.
const DAY_OF_MONTH = new RegExp(
  `${B}ngay\\s+(\\d{1,2})\\s+(?:cua\\s+)?(?:(?:hang|moi)\\s+thang|thang\\s+(?:tiep\\s+theo\\s+)?lien\\s+ke)${E}`,
);
// "hằng tháng, trước ngày 20": a day with no month after it.
const BARE_DAY = new RegExp(`${B}(?:truoc|cham\\s+nhat|vao)\\s+ngay\\s+(\\d{1,2})(?!\\s*[/.\\-–]\\s*\\d|\\s+thang)${E}`);

// "Thường xuyên, hằng năm": a continuous duty, also taken stock of every year. Written first,
// "thường xuyên" is what the duty is; the cadence after it is when it is reviewed.
const CONTINUOUS = words("thuong xuyen", "lien tuc");

// "tháng 3, tháng 6, tháng 9 và tháng 12 hằng năm": several months of every year.
const MONTH_OF_YEAR = /(?<![a-z0-9])thang\s+(\d{1,2})(?!\s*[/.\-–]\s*\d)(?![a-z0-9])/g;
const EVERY_YEAR = words("(?:hang|moi)\\s+nam");

/** Due in `count` months of every year: the cadence that reminds at least that often. */
function cadenceOfMonths(count: number): Recurrence {
  return count >= 12 ? "monthly" : count >= 3 ? "quarterly" : "semiannual";
}

/** The cadence the folded phrase names, if any. */
export function findRecurrence(folded: string): Repetition | null {
  if (EVERY_YEAR.test(folded)) {
    const months = new Set([...folded.matchAll(MONTH_OF_YEAR)].map((m) => Number(m[1])).filter((m) => m >= 1 && m <= 12));
    if (months.size >= 2) return { recurrence: cadenceOfMonths(months.size), dayOfMonth: null };
  }
  const found = CADENCES.find(([, pattern]) => pattern.test(folded));
  if (!found) return PERIODIC.test(folded) ? { recurrence: null, dayOfMonth: null } : null;
  const continuousAt = CONTINUOUS.exec(folded)?.index ?? -1;
  const recurrence = continuousAt >= 0 && continuousAt < (found[1].exec(folded)?.index ?? 0) ? "ongoing" : found[0];
  const day = recurrence === "monthly" ? Number((DAY_OF_MONTH.exec(folded) ?? BARE_DAY.exec(folded))?.[1] ?? NaN) : NaN;
  return { recurrence, dayOfMonth: day >= 1 && day <= 31 ? day : null };
}
