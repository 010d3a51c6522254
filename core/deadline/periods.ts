import {
  datePeriod,
  halfYearPeriod,
  monthPeriod,
  quarterPeriod,
  rangePeriod,
  yearPeriod,
  yearSpanPeriod,
  type Period,
} from "./calendar";
import { maskText } from "./mask";
import { parseDigits, parseQuarterNumeral, QUARTER_NUMERAL } from "./numerals";

/** A period found in folded text at [from, to). */
export type PeriodToken = { from: number; to: number } & (
  | { period: Period }
  // "từ tháng 11 đến tháng 3/2026": one end of a range may leave its year to the other end.
  | { yearless: (year: number) => Period | null }
);

type Reading = Period | ((year: number) => Period | null) | null;
/** Capture groups 1..4 as numbers (NaN where absent or not digits), and as written. */
type Read = (n: [number, number, number, number], raw: (string | undefined)[]) => Reading;

const B = "(?<![a-z0-9])";
const E = "(?![a-z0-9])";
const Q = QUARTER_NUMERAL;
const SEP = "[/\\-–]";

const rule = (source: string, read: Read) => ({ pattern: new RegExp(B + source + E, "g"), read });

// Order matters: each rule masks what it matched, so longer forms go first
// ("30/6/2025" must not be left for the month rule as "6/2025"). A match that is
// not a real period (31/2/2025, tháng 13/2025) is masked all the same and yields nothing.
const RULES = [
  rule(`(?:ngay\\s*)?(\\d{1,2})\\s*([/.\\-–])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})`, ([d, , m, y]) => datePeriod(y, m, d)),
  rule(`(?:ngay\\s*)?(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s*,?\\s*(?:nam\\s+|${SEP}\\s*)(\\d{4})`, ([d, m, y]) =>
    datePeriod(y, m, d),
  ),
  rule(`(?:(?:0?6|sau)\\s+thang|nua)\\s+(dau|cuoi)\\s+(?:nam\\s*)?(\\d{4})`, ([, y], [half]) =>
    halfYearPeriod(y, half === "dau" ? 1 : 2),
  ),
  // "quý I, II/2025", "quý III - IV/2025": the second quarter borrows the first's "quý" and year.
  rule(`quy\\s*(${Q})\\s*(?:,|-|–|va|den)\\s*(${Q})(?:\\s*${SEP}\\s*|\\s*,?\\s*nam\\s+|\\s+)(\\d{4})`, ([, , y], [a, b]) =>
    rangePeriod(quarterPeriod(y, parseQuarterNumeral(a)), quarterPeriod(y, parseQuarterNumeral(b))),
  ),
  // Any number after "quý", so that "quý 5/2024" is rejected rather than read as "5/2024".
  rule(`quy\\s*(${Q}|\\d{1,2})(?:\\s*${SEP}\\s*|\\s*,?\\s*nam\\s+|\\s+)(\\d{4})`, ([, y], [q]) =>
    quarterPeriod(y, parseQuarterNumeral(q)),
  ),
  rule(`thang\\s*(\\d{1,2})(?:\\s*[/\\-–.]\\s*|\\s*[,\\-–]?\\s*nam\\s+)(\\d{4})`, ([m, y]) => monthPeriod(y, m)),
  // A bare "6/2025" is a month: the Government's programme tables write it so.
  rule(`(\\d{1,2})(?:\\s*/\\s*|[\\-–])(\\d{4})`, ([m, y]) => monthPeriod(y, m)),
  rule(`(?:nam\\s+)?(\\d{4})\\s*[\\-–—]\\s*(?:nam\\s+)?(\\d{4})`, ([a, b]) => yearSpanPeriod(a, b)),
  rule(`(?:nam\\s+)?(\\d{4})`, ([y]) => yearPeriod(y)),
  // Without a year: only of use as one end of a range (see ranges.ts).
  rule(
    `(?:ngay\\s*)?(\\d{1,2})\\s*[/.\\-–]\\s*(\\d{1,2})`,
    ([d, m]) =>
      (y) =>
        datePeriod(y, m, d),
  ),
  rule(
    `(?:ngay\\s*)?(\\d{1,2})\\s+thang\\s+(\\d{1,2})`,
    ([d, m]) =>
      (y) =>
        datePeriod(y, m, d),
  ),
  rule(
    `thang\\s*(\\d{1,2})`,
    ([m]) =>
      (y) =>
        monthPeriod(y, m),
  ),
  rule(
    `quy\\s*(${Q})`,
    (_, [q]) =>
      (y) =>
        quarterPeriod(y, parseQuarterNumeral(q)),
  ),
];

/** Every period the folded text names, in text order, and the text with them masked. */
export function scanPeriods(folded: string): { tokens: PeriodToken[]; masked: string } {
  let masked = folded;
  const tokens: PeriodToken[] = [];
  for (const { pattern, read } of RULES) {
    for (const match of [...masked.matchAll(pattern)]) {
      const from = match.index;
      const to = from + match[0].length;
      masked = maskText(masked, from, to);
      const raw = match.slice(1);
      const reading = read([parseDigits(raw[0]), parseDigits(raw[1]), parseDigits(raw[2]), parseDigits(raw[3])], raw);
      if (typeof reading === "function") tokens.push({ from, to, yearless: reading });
      else if (reading) tokens.push({ from, to, period: reading });
    }
  }
  return { tokens: tokens.sort((a, b) => a.from - b.from), masked };
}
