import { foldAligned } from "./fold-aligned";

/**
 * A heading that names only a period, under which a programme lists what is due in it:
 * "Năm 2026", "Quý IV, năm 2025", "* Năm 2027: (02 cuộc kiểm tra, …)", "6 tháng đầu năm
 * 2026". Returns the period as written, or null.
 */
const PERIOD =
  /^[*\-–•\s]*((?:(?:quy [ivx]+|thang \d{1,2}|(?:6|sau) thang (?:dau|cuoi))\s*(?:,|\/|nam)?\s*(?:nam\s*)?)?(?:nam\s+)?\d{4})\s*(?::|\.|$|\()/;

export function periodHeading(text: string): string | null {
  if (text.length > 120) return null;
  const match = PERIOD.exec(foldAligned(text));
  if (!match?.[1]) return null;
  const start = match[0].indexOf(match[1]);
  return text.slice(start, start + match[1].length).trim();
}
