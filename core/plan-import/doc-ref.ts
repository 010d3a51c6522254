import { foldAligned } from "./fold-aligned";

/** Document numbers: "7360/KH-UBND", "45-NQ/TW", "2138/QĐ-TTg", "123 -KH/TU" (stray space). */
const DOC_NUMBER = /^(\d+)\s*([-/])\s*(\p{L}[\p{L}\d]*(?:\s?[-/]\s?[\p{L}\d]+)*)/u;

/** The document number at the start of `text`, spaces removed; null when it has no leading digits. */
export function parseDocNumber(text: string): string | null {
  return matchDocNumber(text.trimStart())?.number ?? null;
}

function matchDocNumber(text: string): { number: string; length: number } | null {
  const match = DOC_NUMBER.exec(text);
  if (!match) return null;
  return { number: `${match[1]}${match[2]}${match[3]}`.replace(/\s+/g, ""), length: match[0].length };
}

export interface DayMonthYear {
  day: number;
  month: number;
  year: number;
}

const DATE = /ngay\s*(\d{1,2})\s*(?:thang\s*(\d{1,2})\s*nam\s*(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))/;

/** "ngày 19 tháng 11 năm 2025" or "ngày 24/11/2023", searched in folded text; index is where it starts. */
export function findDate(folded: string): (DayMonthYear & { index: number; length: number }) | null {
  const match = DATE.exec(folded);
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2] ?? match[4]);
  const year = Number(match[3] ?? match[5]);
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  return { day, month, year, index: match.index, length: match[0].length };
}

export function isoDate(date: DayMonthYear): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

const DOC_TYPES: Record<string, string> = {
  "nghi quyet": "Nghị quyết",
  "quyet dinh": "Quyết định",
  "ke hoach": "Kế hoạch",
  "chi thi": "Chỉ thị",
  "ket luan": "Kết luận",
  "chuong trinh": "Chương trình",
  "chien luoc": "Chiến lược",
  "de an": "Đề án",
  "thong bao": "Thông báo",
  "cong van": "Công văn",
};
const TYPE_PATTERN = Object.keys(DOC_TYPES).join("|");
const IMPLEMENTS = new RegExp(`\\bthuc hien (?:[^ .;:]+ ){0,3}?(${TYPE_PATTERN})(?: hanh dong)? so ?`);

/**
 * The document a plan implements, from "thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023":
 * "Nghị quyết số 45-NQ/TW ngày 24/11/2023" (type spelled canonically, date as d/m/yyyy).
 */
export function findImplementedDoc(text: string): string | null {
  const folded = foldAligned(text);
  const match = IMPLEMENTS.exec(folded);
  if (!match?.[1]) return null;
  const after = match.index + match[0].length;
  const found = matchDocNumber(text.slice(after));
  if (!found) return null;
  const type = DOC_TYPES[match[1]] ?? match[1];
  const date = findDate(folded.slice(after + found.length, after + found.length + 40));
  const dated = date && date.index <= 3 ? ` ngày ${date.day}/${date.month}/${date.year}` : "";
  return `${type} số ${found.number}${dated}`;
}
