import { foldAligned } from "./fold-aligned";
import { trimPunctuation } from "./clean";

/** Labelled fields of a task ("Cơ quan chủ trì: …", "Thời gian thực hiện: …"), in any order. */
export type FieldKind = "lead" | "coop" | "deadline" | "description" | "result";

export interface Field {
  kind: FieldKind;
  value: string;
}

// "Người thực hiện", "Bộ phận phụ trách": a person or a part of an office may be the lead.
const UNIT_NOUN = "(?:(?:co quan|don vi)(?: ?[,/] ?(?:co quan|don vi))?|nguoi|bo phan)";
const LABELS: Record<FieldKind, string> = {
  lead: `(?:${UNIT_NOUN} )?(?:chu tri|thuc hien|phu trach)(?:,? thuc hien| chinh)?`,
  coop: `(?:${UNIT_NOUN} )?phoi hop(?: thuc hien)?`,
  deadline: "(?:thoi gian|thoi han|tien do)(?: (?:thuc hien|hoan thanh|trien khai))?(?: du kien)?",
  description: "(?:noi dung(?: (?:thuc hien|cong viec|nhiem vu))?|nhiem vu)",
  result: "(?:ket qua|san pham)(?: (?:dau ra|du kien|dat duoc))?",
};
const KINDS = Object.keys(LABELS) as FieldKind[];
const ANY_LABEL = KINDS.map((kind) => `(${LABELS[kind]})`).join("|");

const BULLET = /^[-–—+•]\s*/;
const LABEL_WITH_COLON = new RegExp(`^(?:${ANY_LABEL}) ?:`);
// "Thời gian thực hiện sau khi Chiến lược … được ban hành": the colon is sometimes missing.
const DEADLINE_WITHOUT_COLON = new RegExp(`^${LABELS.deadline} (?=\\S)`);

/** The field a paragraph or bullet consists of, or null when it is ordinary text. */
// Labels sit at the start; folding only a prefix keeps long paragraphs cheap.
const LABEL_PREFIX = 80;

export function parseField(text: string): Field | null {
  const body = text.replace(BULLET, "");
  const folded = foldAligned(body.slice(0, LABEL_PREFIX));
  const labelled = LABEL_WITH_COLON.exec(folded);
  if (labelled) {
    const index = labelled.slice(1).findIndex((group) => group !== undefined);
    const kind = KINDS[index];
    if (kind) return { kind, value: trimPunctuation(body.slice(labelled[0].length)) };
  }
  const bare = DEADLINE_WITHOUT_COLON.exec(folded);
  if (bare) return { kind: "deadline", value: trimPunctuation(body.slice(bare[0].length)) };
  return null;
}

/** True when a line opens with a field label, so it starts a new paragraph even without a blank line. */
export function startsWithFieldLabel(line: string): boolean {
  return LABEL_WITH_COLON.test(foldAligned(line.replace(BULLET, "").slice(0, LABEL_PREFIX)));
}

const INLINE_LABEL = new RegExp(`(?:^|[.;(]\\s*|\\s[-–]\\s)(?:${ANY_LABEL}) ?:`, "g");

/**
 * Fields written inside one paragraph after the task text:
 * "Xây dựng kế hoạch. Cơ quan chủ trì: Sở X; Thời gian: 2025" → head "Xây dựng kế hoạch" + 2 fields.
 */
export function splitInlineFields(text: string): { head: string; fields: Field[] } {
  if (!text.includes(":")) return { head: text, fields: [] };
  const folded = foldAligned(text);
  const starts: { at: number; valueAt: number; kind: FieldKind }[] = [];
  for (const match of folded.matchAll(INLINE_LABEL)) {
    const index = match.slice(1).findIndex((group) => group !== undefined);
    const kind = KINDS[index];
    const group = match[index + 1];
    if (!kind || group === undefined) continue;
    const at = (match.index ?? 0) + match[0].lastIndexOf(group);
    starts.push({ at, valueAt: (match.index ?? 0) + match[0].length, kind });
  }
  if (starts.length === 0) return { head: text, fields: [] };
  const fields = starts.map((start, i) => ({
    kind: start.kind,
    value: trimPunctuation(text.slice(start.valueAt, starts[i + 1]?.at ?? text.length)),
  }));
  return { head: trimPunctuation(text.slice(0, starts[0]?.at ?? 0)), fields };
}
