import { parseDeadline } from "../deadline/parse";
import { foldAligned } from "./fold-aligned";

/**
 * Programmes of a party committee schedule work by its meetings: "Tại Hội nghị tháng 12 hằng
 * năm: Tổng kết …", "Tại kỳ họp cuối năm: …". The meeting phrase before the colon is when the
 * item is due; returned as written when it reads as a time, else null.
 */
const MEETING = /^tai (?:cac )?(?:ky )?(?:hoi nghi|ky hop|phien hop)\b[^:;.]{0,80}(?=:)/;

export function meetingTime(text: string): string | null {
  const match = MEETING.exec(foldAligned(text));
  if (!match) return null;
  const phrase = text.slice(0, match[0].length).trim();
  const kind = parseDeadline(phrase).kind;
  return kind === "none" || kind === "event" ? null : phrase;
}
