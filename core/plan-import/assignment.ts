import { qualifiesBudget } from "../deadline/budget";
import { parseDeadline } from "../deadline/parse";
import { startsWithUnitHead } from "../units/heads";
import { splitUnitList } from "../units/split";
import { foldAligned } from "./fold-aligned";
import { cooperatingUnits } from "./task-parts";

/**
 * A sentence that gives work to a unit, as plans write it in prose:
 * "Bộ Y tế chủ trì, phối hợp với các bộ … theo dõi …", "Giao Ban Xây dựng Đảng chủ trì,
 * tham mưu trong quý II/2026", "Trên cơ sở …, các Bộ, cơ quan ngang bộ … xây dựng kế
 * hoạch … trong quý II năm 2026". The subject names the leads; "phối hợp với" the
 * co-operating units; a time phrase inside the sentence the deadline.
 */
export interface Assignment {
  lead: string[];
  coop: string[];
  deadline: string | null;
}

const OPENING_VERB = /^(?:giao cho|giao|đề nghị|yêu cầu|chỉ đạo)\s+/iu;
// (JavaScript's \b knows only ASCII letters: "sở", "cứ" need a letter-aware boundary.)
// "Trên cơ sở …, ", "Căn cứ …, ", "Trong quá trình …, ": an opening clause before the subject.
// "Định kỳ hằng quý, Chi bộ sơ kết …", "Hằng năm, UBND xã …": a time before the subject too.
const OPENING_CLAUSE = /^(?:trên cơ sở|căn cứ|trong quá trình|để|nhằm|đối với|định kỳ|hằng|hàng|mỗi)(?!\p{L})/iu;
// The subject does something: a role verb after it shows the sentence assigns work.
const ROLE_VERBS =
  "chu tri|tham muu|phoi hop|trinh|thuc hien|to chuc|xay dung|chi dao|chiu trach nhiem|co trach nhiem|theo doi|huong dan|bao cao|chuan bi|trien khai|ban hanh|bo tri|can doi|tong hop|quan triet|lanh dao|kiem tra|giam sat|gui|chu dong|tap trung|tang cuong|ra soat|de xuat|nghien cuu|tuyen truyen|van dong|phat dong|huy dong|phu trach|so ket|tong ket|danh gia";
const ROLE = new RegExp(`\\b(?:${ROLE_VERBS})\\b`);
// "Đảng uỷ UBND xã xây dựng báo cáo …": the work verb right after the subject names the unit's part too.
const ROLE_NEXT = new RegExp(`^[\\s,]*(?:${ROLE_VERBS})\\b`);
const MAX_OPENING_CLAUSE = 300;
// An assignment line under an item names the unit's part in so many words.
const STRONG_ROLE = /\b(?:chu tri|tham muu|(?<!chuong )trinh|chuan bi|phoi hop)\b/;
const STRONG_ROLE_WITHIN = 160;

/**
 * The assignment a sentence makes, or null. `strict`: the unit's role must be named
 * ("chủ trì", "tham mưu", "trình" …) near the subject, as in an assignment line.
 */
export function readAssignment(raw: string, strict = false): Assignment | null {
  let text = raw.trim().replace(OPENING_VERB, "");
  const opensWithUnit = !OPENING_CLAUSE.test(text);
  if (!opensWithUnit) {
    const comma = findSubjectAfterComma(text);
    if (comma < 0) return null;
    text = text.slice(comma);
  }
  if (!startsWithUnitHead(text)) return null;
  const folded = foldAligned(text);
  if (!ROLE.test(folded)) return null;
  const lead = splitUnitList(subjectOf(text));
  if (lead.length === 0) return null;
  if (strict && !STRONG_ROLE.test(folded.slice(0, STRONG_ROLE_WITHIN)) && !roleNext(folded, text, lead, opensWithUnit)) {
    return null;
  }
  // "Định kỳ hằng năm, X tổng kết …": the opening clause may be the only time the sentence names.
  const opening = opensWithUnit ? "" : raw.trim().slice(0, raw.trim().length - text.length);
  const deadline = findDeadlinePhrase(text) ?? findDeadlinePhrase(opening)?.replace(/[\s,]+$/, "") ?? null;
  return { lead, coop: cooperatingUnits(text), deadline };
}

/** Index of the subject after an opening clause: the first ", " followed by a unit. */
function findSubjectAfterComma(text: string): number {
  const breaks = /[,:] /g;
  for (let match = breaks.exec(text); match && match.index < MAX_OPENING_CLAUSE; match = breaks.exec(text)) {
    const at = match.index;
    const rest = text.slice(at + 2);
    if (startsWithUnitHead(rest)) return at + 2;
    const verb = OPENING_VERB.exec(rest);
    if (verb && startsWithUnitHead(rest.slice(verb[0].length))) return at + 2 + verb[0].length;
  }
  return -1;
}

/** A line that opens with its units and goes straight on to their work ("Đảng uỷ UBND xã xây dựng báo cáo …"). */
function roleNext(folded: string, text: string, lead: string[], opensWithUnit: boolean): boolean {
  const last = lead[lead.length - 1] ?? "";
  const at = text.indexOf(last);
  return opensWithUnit && at >= 0 && ROLE_NEXT.test(folded.slice(at + last.length));
}

// The subject ends at its first verb; splitUnitList stops there too, but "chủ trì, phối hợp" needs the comma kept out.
// "Các cơ quan tham mưu, giúp việc Đảng uỷ" names bodies; "trình" is a verb unless it ends a noun ("chương trình").
const SUBJECT_END =
  /,?(?<![Cc]hương|[Cc]ông|[Qq]uá|[Ll]ộ|[Tt]ờ)\s(?:chủ trì|tham mưu(?!,? giúp việc)|phối hợp|trình|có trách nhiệm|chịu trách nhiệm)(?![\p{L}])/u;

function subjectOf(text: string): string {
  const end = SUBJECT_END.exec(text);
  return end ? text.slice(0, end.index) : text.slice(0, 200);
}

// Where a time phrase begins inside a sentence.
const TIME_CUE =
  /(?:^|[\s,(])((?:hoàn thành |thực hiện |trình |tham mưu |báo cáo |dự kiến (?:tổ chức )?)?(?:trong|trước ngày|trước|chậm nhất|vào|từ|định kỳ|hằng|hàng|thường xuyên|liên tục)(?:\s[^.;()]{0,60}|(?=[.;)]|$)))/giu;

/**
 * The time phrase of a sentence: the first phrase after a time word that reads as a
 * deadline ("trong quý II năm 2026", "trước ngày 20/9/2025", "định kỳ hằng năm … trước
 * ngày 31 tháng 12"); null when none does.
 */
export function findDeadlinePhrase(text: string): string | null {
  const found: { from: number; to: number }[] = [];
  const cues = new RegExp(TIME_CUE);
  for (let match = cues.exec(text); match; match = cues.exec(text)) {
    const phrase = match[1] ?? "";
    const from = match.index + match[0].length - phrase.length;
    // Cues may overlap: a time word inside a cue's 60 characters ("định kỳ hằng năm báo cáo … trước
    // ngày 31 tháng 12") starts a phrase of its own, which may reach further.
    cues.lastIndex = from + 1;
    if (qualifiesBudget(text.slice(0, from))) continue;
    // Any year will do to tell whether the phrase names a time: "trước ngày 31 tháng 12" does.
    const deadline = parseDeadline(phrase, { year: 2000 });
    if (deadline.kind === "none" || deadline.kind === "event" || deadline.kind === "per_plan") continue;
    found.push({ from, to: from + phrase.length });
  }
  const first = found[0];
  if (!first) return null;
  // A cadence and a date close together are one phrase: "định kỳ hằng năm báo cáo … trước ngày 31 tháng 12".
  const last = found.filter((f) => f.from - first.from < 120).pop() ?? first;
  return text.slice(first.from, last.to).trim();
}
