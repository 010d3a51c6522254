import { cleanPhrase, stripWrappers } from "./clean";
import { maskDocumentRefs } from "./doc-refs";
import { lunarNewYearEve } from "./lunar-new-year";
import { findMarker } from "./markers";
import { scanPeriods, type PeriodToken } from "./periods";
import { choosePeriod } from "./ranges";
import { findRecurrence } from "./recurrence";
import { takeStart } from "./start";
import type { Deadline } from "./types";

const PER_PLAN_NOTE = "Theo kế hoạch của đơn vị";

const NONE: Deadline = { kind: "none", due: null, start: null, recurrence: null, dayOfMonth: null, note: null };

export interface DeadlineContext {
  /** The year a schedule's heading gives ("(Năm 2026)") to dates written without one ("ngày 23 tháng 1"). */
  year?: number;
}

// With a cadence, a month or quarter without a year says when in each cycle ("quý I hằng năm",
// "tại Hội nghị tháng 12 hằng năm"), not a first due date; a day without a year ("trước ngày
// 01 tháng 12 hằng năm") is the first due date, in the year the context gives.
function namesADay(token: PeriodToken): boolean {
  return !("yearless" in token) || token.yearless(LEAP_YEAR)?.kind === "date";
}
const LEAP_YEAR = 2000;

/**
 * Reads a deadline phrase as written in a plan ("(*hoàn thành trong quý III/2024*)").
 * A named period wins over everything else and keeps any cadence beside it
 * ("trong quý II/2024 và thực hiện thường xuyên"); then a cadence alone; then an
 * event or the unit's own plan. A period after "bắt đầu từ" or an opening "Từ" is a
 * start: alone, it makes a continuing duty from then on, with no cadence unless one is
 * written ("Từ quý II/2027"; "Từ tháng 5/2026, thường xuyên"). A bare "định kỳ" is a
 * recurring duty whose cadence is not written (recurrence null). Never throws:
 * unreadable input is kind "none".
 */
export function parseDeadline(text: string, context: DeadlineContext = {}): Deadline {
  if (typeof text !== "string") return { ...NONE };
  const phrase = cleanPhrase(text);
  const folded = maskDocumentRefs(phrase.folded);
  const { tokens, masked } = scanPeriods(folded);
  const { start, end, rest } = takeStart(tokens, folded);
  const repetition = findRecurrence(folded);
  const period = choosePeriod(repetition ? rest.filter(namesADay) : rest, masked, context.year);
  const dayOfMonth = repetition?.dayOfMonth ?? null;

  // "trước Tết Nguyên đán 2027": the eve of that Tết, not the end of its solar year.
  const tetEve = period && period.kind !== "year" ? null : lunarNewYearEve(folded);
  if (tetEve) return { kind: "date", due: tetEve, start: period?.start ?? start, recurrence: null, dayOfMonth, note: null };
  if (period) {
    // Beside a date, an unnamed "định kỳ" can only say the duty goes on after it.
    const recurrence = repetition ? (repetition.recurrence ?? "ongoing") : null;
    return { kind: period.kind, due: period.due, start: period.start ?? start, recurrence, dayOfMonth, note: null };
  }
  const marker = findMarker(folded.slice(end));
  if (repetition || (start && marker?.kind !== "event")) {
    return { kind: "recurring", due: null, start, recurrence: repetition?.recurrence ?? null, dayOfMonth, note: null };
  }
  if (marker?.kind === "per_plan") return { ...NONE, kind: "per_plan", note: PER_PLAN_NOTE };
  if (marker?.kind === "event") {
    // "từ quý IV/2025 đến khi kết thúc bầu cử": begins at a date, ends with an event.
    const note = stripWrappers(phrase.text.slice(phrase.sourceIndex[marker.index + end]));
    return { ...NONE, kind: "event", start, note: note || phrase.text };
  }
  return { ...NONE };
}
