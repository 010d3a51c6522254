import type { ExtractedHeader } from "./types";

// "Hà Nội, ngày 13 tháng 5 năm 2026"; the day is often left blank for the signature ("…, ngày   tháng 9 năm 2025").
const PLACE_DATE = /,\s*ngày\s+(?:\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+(\d{4})/iu;
const FRONT = 5000;

/**
 * The year a plan is issued in, given to its dates written without one ("trước ngày 01 tháng 12
 * hằng năm"): the header's date, else the place-and-date line even when its day is blank.
 */
export function planYear(header: ExtractedHeader, text: string): number | undefined {
  const year = Number(header.issued_on?.slice(0, 4) ?? PLACE_DATE.exec(text.slice(0, FRONT).normalize("NFC"))?.[1]);
  return Number.isInteger(year) && year > 1900 ? year : undefined;
}
