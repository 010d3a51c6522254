import { normalizeText } from "../text/fold";
import { modernTones, startsWithUnitHead } from "./heads";
import { PROSE_STOP, SENTENCE_BREAK } from "./prose";
import { tidyName } from "./tidy";

/**
 * Splits a cell or field naming several units into unit names:
 * "Sở Tài chính, Sở Nội vụ và các cơ quan liên quan" → three names, while
 * "Sở Văn hóa, Thể thao và Du lịch", "Các Đảng ủy, chi bộ trực thuộc Huyện ủy" and
 * "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện" stay whole.
 * Prose is tolerated: "Sở Khoa học và Công nghệ tiến hành rà soát …" yields the unit only.
 */
export function splitUnitList(text: string): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  // Once a part reads as prose, the parts after it are clauses of that sentence
  // ("X thành lập …; làm tốt …"): only the units they open count.
  let prose = false;
  for (const part of splitOutsideParens(clean(text), /[;]/)) {
    const read = splitPart(part, prose);
    prose ||= read.prose;
    for (const name of read.names) {
      const key = modernTones(name).toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(name);
    }
  }
  return names;
}

function clean(text: string): string {
  return normalizeText(text.replace(/\*/g, "")).replace(/\)\s+(?=\p{Lu})/gu, (gap, at: number, whole: string) =>
    // "Bộ Tư pháp (đối với …) Bộ Tài chính (…)": a unit after a qualified one, with no comma between.
    startsWithUnitHead(whole.slice(at + gap.length)) ? "), " : gap,
  );
}

const MAX_PROSE_NAME_WORDS = 16;

function splitPart(part: string, afterProse: boolean): { names: string[]; prose: boolean } {
  const names: string[] = [];
  let prose = false;
  for (const sentence of part.split(SENTENCE_BREAK)) {
    const stop = PROSE_STOP.exec(sentence);
    const phrase = stop ? sentence.slice(0, stop.index) : sentence;
    const isProse = stop !== null || names.length > 0 || afterProse;
    prose ||= stop !== null;
    let fragments = mergeContinuations(splitFragments(phrase));
    if (isProse) {
      const first = fragments.findIndex((fragment) => startsWithUnitHead(fragment));
      fragments = first < 0 ? [] : fragments.slice(first);
    }
    for (const fragment of fragments) {
      const name = afterDocumentReference(tidyName(fragment));
      // In prose an overlong "name" is a clause the stop words missed; better none than that.
      if (name && !(isProse && nameWords(name) > MAX_PROSE_NAME_WORDS)) names.push(name);
    }
  }
  return { names, prose };
}

// A cell that opens with a document's name ("Nghị quyết số 12-NQ/TW của Bộ Chính trị về …")
// holds the task's overflowing words; a unit named after them ("… Ban Chỉ đạo xã") is the lead.
const DOCUMENT_START =
  /^(?:Nghị quyết|Kết luận|Chỉ thị|Kế hoạch|Quyết định|Chương trình|Đề án|Nghị định|Thông tư|Luật|Công văn|Hướng dẫn|Thông báo)(?![\p{L}])/u;
// A unit after these words belongs to the document's name ("của Bộ Chính trị", "về …").
const OF_DOCUMENT = /(?:^|\s)(?:của|về|với|và|cho|tại|theo|số)\s+$/u;

function afterDocumentReference(name: string): string {
  if (!DOCUMENT_START.test(name)) return name;
  let unit = "";
  for (const word of name.matchAll(/\s(?=\p{Lu})/gu)) {
    const at = word.index + 1;
    if (startsWithUnitHead(name.slice(at)) && !OF_DOCUMENT.test(name.slice(0, at))) unit = name.slice(at);
  }
  return unit;
}

// "Uỷ ban MTTQ Việt Nam và các tổ chức chính trị - xã hội xã" is one addressee: its conventional tail counts as a word.
const BOUND_TAIL = / và các (?:tổ chức chính trị\s?-\s?xã hội|đoàn thể)(?![\p{L}]).*$/iu;

function nameWords(name: string): number {
  const bound = BOUND_TAIL.test(name);
  return name.replace(BOUND_TAIL, "").split(" ").length + (bound ? 1 : 0);
}

interface Fragment {
  text: string;
  separator: string; // what joined it to the previous fragment
}

function splitFragments(phrase: string): Fragment[] {
  const fragments: Fragment[] = [];
  let depth = 0;
  let start = 0;
  let separator = "";
  for (let i = 0; i < phrase.length; i++) {
    const char = phrase[i];
    if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    let length = 0;
    if (char === ",") length = 1;
    else if (char === " " && phrase.startsWith(" và ", i)) length = 4;
    if (length === 0) continue;
    fragments.push({ text: phrase.slice(start, i), separator });
    separator = phrase.slice(i, i + length);
    start = i + length;
    i += length - 1;
  }
  fragments.push({ text: phrase.slice(start), separator });
  return fragments.map((f) => ({ text: f.text.trim(), separator: f.separator })).filter((f) => f.text !== "");
}

// Lower-case kinds of body open a group after a named unit ("Bộ Tài chính, bộ, ngành liên
// quan") but continue a list of kinds ("Bộ, ngành, địa phương") or a group ("Các sở, ban").
const KINDS = new Set(["sở", "bộ", "ban", "ngành", "cơ quan", "đơn vị", "địa phương"]);
const GENERIC_KIND = /^(?:sở|bộ|ban|ngành|cơ quan|đơn vị|địa phương)(?![\p{L}])/u;
const GROUP_START = /^(?:các|những|mọi)\s/iu;

function opensUnit(fragment: string, previous: string): boolean {
  if (startsWithUnitHead(fragment)) return true;
  if (!GENERIC_KIND.test(fragment) || GROUP_START.test(previous)) return false;
  return !previous.split(", ").every((part) => KINDS.has(part.toLowerCase()));
}

/** Glues back fragments that open no unit: "Thể thao", "chi bộ trực thuộc Huyện ủy", "phường". */
function mergeContinuations(fragments: Fragment[]): string[] {
  const merged: string[] = [];
  for (const fragment of fragments) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && (!opensUnit(fragment.text, previous) || bindsToFront(previous, fragment))) {
      merged[merged.length - 1] = previous + joiner(fragment.separator) + fragment.text;
    } else {
      merged.push(fragment.text);
    }
  }
  return merged;
}

function joiner(separator: string): string {
  return separator === "," ? ", " : separator === "" ? " " : separator;
}

// "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội" is one addressee in party documents;
// "Văn phòng HĐND và UBND xã" one office serving both.
function bindsToFront(previous: string, fragment: Fragment): boolean {
  if (fragment.separator !== " và ") return false;
  const before = modernTones(previous);
  return (
    (/^(?:Ủy ban )?(?:Mặt trận|MTTQ|UBMTTQ)/.test(before) && /^các (?:tổ chức chính trị|đoàn thể)/i.test(fragment.text)) ||
    (/^Văn phòng (?:HĐND|Hội đồng nhân dân)$/.test(before) && /^(?:UBND|Ủy ban nhân dân)/.test(modernTones(fragment.text)))
  );
}

function splitOutsideParens(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && separator.test(char)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** A bare unit phrase (a heading like "2. UBND huyện"), not a sentence about one. */
export function isUnitPhrase(text: string): boolean {
  const phrase = clean(text);
  return phrase !== "" && startsWithUnitHead(phrase) && !PROSE_STOP.test(phrase) && !SENTENCE_BREAK.test(phrase);
}
