const ROMAN_QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Regex source for a quarter number as written after "quý": Roman (folded to lower case) or Arabic. */
export const QUARTER_NUMERAL = "(?:iv|iii|ii|i|0?[1-4])";

/** "iii" → 3, "02" → 2; NaN for anything that is not a quarter 1..4. */
export function parseQuarterNumeral(numeral: string | undefined): number {
  if (numeral === undefined) return NaN;
  const roman = ROMAN_QUARTERS[numeral.toLowerCase()];
  if (roman !== undefined) return roman;
  const n = parseDigits(numeral);
  return n >= 1 && n <= 4 ? n : NaN;
}

/** A run of ASCII digits as a number; NaN for anything else, including a missing capture group. */
export function parseDigits(digits: string | undefined): number {
  return digits !== undefined && /^\d+$/.test(digits) ? Number(digits) : NaN;
}
