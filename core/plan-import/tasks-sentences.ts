import { type Assignment, findDeadlinePhrase, readAssignment } from "./assignment";
import { trimPunctuation } from "./clean";
import { parseField, startsWithFieldLabel } from "./fields";
import { type OutlineNode, walk } from "./outline";
import { meetingTime } from "./meeting-time";
import { periodHeading } from "./period-heading";
import { SENTENCE_BREAK } from "../units/prose";
import { cooperatingUnits, sectionLabel } from "./task-parts";
import type { TaskDraft } from "./types";

/**
 * Tasks whose unit is named in a sentence rather than a field or a heading:
 * - an item ending in a parenthesised assignment: "Kiểm tra việc … (Giao Ban Xây dựng
 *   Đảng chủ trì, tham mưu trong quý II/2026).";
 * - an item followed by its assignment line: "2.1. Nghị quyết về …" /
 *   "Đảng uỷ UBND xã chủ trì, phối hợp … tham mưu trình trong tháng 01/2026";
 * - in the assignments part, an item or paragraph whose subject is a unit: "Bộ Y tế chủ
 *   trì, phối hợp với … theo dõi, đôn đốc …".
 * Where the plan assigns its tasks by unit sections or labelled fields, the last two are
 * not looked for: such sentences there organise that work, and are left as content,
 * flagged for the reviewer.
 * An item without a time phrase takes the period heading it sits under ("Năm 2026",
 * "Quý IV năm 2025").
 */
export function sentenceTasks(root: OutlineNode, consumed: Set<OutlineNode>, structuredCount: number): TaskDraft[] {
  const drafts: TaskDraft[] = [];
  const structured = assignsByStructure(root, consumed, structuredCount);
  const periods = periodIndex(root);
  const drafted = new Set<OutlineNode>();
  for (const node of walk(root)) {
    if (consumed.has(node) || !node.marker || node.marker.style === "roman") continue;
    if (node.kind === "purpose" || node.kind === "targets" || node.kind === "appendix") continue;
    const itemDraft = fromTrailingParenthesis(node) ?? (structured ? null : fromAssignmentLine(node));
    const draft = itemDraft ?? (structured ? null : fromSubject(node));
    if (!draft) continue;
    // A sentence item keeps its bullets for the walk: they may assign parts of it themselves;
    // after "Cụ thể:" they are its parts, given to the sentence's units.
    if (itemDraft || node.children.length === 0) for (const inner of walk(node)) consumed.add(inner);
    else if (/:$/.test(node.text.trim())) drafts.push(...partsOf(node, draft, consumed));
    consumed.add(node);
    if (!draft.deadlineText) draft.deadlineText = meetingTime(node.text) ?? periods(node);
    drafts.push(draft);
    drafted.add(node);
  }
  drafts.push(...datedItemsAmongTasks(root, consumed, drafted, periods));
  // Unnumbered paragraphs of the assignments part that give work to a unit.
  for (const node of [root, ...walk(root)]) {
    if (node.kind !== "assignments" || consumed.has(node) || node.children.length > 0 || structured) continue;
    // Paragraphs under a section heading, not the lines under an item.
    if (node.marker && node.marker.style !== "roman") continue;
    node.body.forEach((paragraph, i) => {
      const assignment = readAssignment(paragraph.text);
      if (!assignment) return;
      drafts.push(draftOf(`${node.ref}.p${i + 1}`, paragraph.text, assignment, node, paragraph.order));
    });
  }
  return drafts;
}

function draftOf(ref: string, title: string, assignment: Assignment, node: OutlineNode, order: number): TaskDraft {
  return {
    ref,
    title: trimPunctuation(title),
    lead: assignment.lead,
    coop: assignment.coop,
    deadlineText: assignment.deadline,
    section: sectionLabel(node.parent),
    order,
  };
}

const TRAILING_PAREN = /\(([^()]{8,300})\)[\s.;,]*$/u;

// "- Về giám sát: 01 cuộc": a label over the item written under it without a number.
const COUNT_LABEL = /^[^:]{1,40}:\s*[^.:]{0,30}$/u;

/**
 * An item whose text ends in its assignment: the item's own paragraph, or it and the lines
 * under it up to the one that closes the parenthesis. What follows (the next period's
 * heading, "Năm 2027: (02 cuộc kiểm tra …)") is not part of it.
 */
function fromTrailingParenthesis(node: OutlineNode): TaskDraft | null {
  if (node.children.length > 0) return null;
  const parts = [node.text, ...node.body.map((p) => p.text)];
  for (let end = 1; end <= parts.length; end++) {
    const text = parts.slice(0, end).join(" ");
    const match = TRAILING_PAREN.exec(text);
    if (!match?.[1]) continue;
    const assignment = readAssignment(match[1], true);
    if (!assignment) continue;
    const title = end > 1 && COUNT_LABEL.test(node.text) ? parts.slice(1, end).join(" ") : text;
    // "…; hoàn thành trước ngày 31/12/2026 (Phòng Kinh tế chủ trì …)": the time may stand before the brackets.
    assignment.deadline ??= findDeadlinePhrase(text.slice(0, match.index));
    return draftOf(node.ref, title.slice(0, title.length - (text.length - match.index)), assignment, node, node.order);
  }
  return null;
}

const MAX_ITEM_LINES = 3;
// A plan assigns its tasks by unit sections or labelled fields when it has a few of them
// (`structuredCount`: labelled items plus units with a section of their own).
const STRUCTURED_TASKS = 3;

/** An item whose body (or first bullet) is the sentence assigning it. */
function fromAssignmentLine(node: OutlineNode): TaskDraft | null {
  // "2. Hình thức và thời gian:" introduces its bullets; none of them assigns the heading.
  if (readAssignment(node.text) || /:$/.test(node.text)) return null;
  const lines = [
    ...node.body.map((p) => p.text),
    ...node.children.filter((c) => c.marker?.style === "dash" || c.marker?.style === "plus").map((c) => c.text),
  ];
  // An item with its assignment line: a title, the line, perhaps a time field; not a list of bullets.
  if (lines.length > MAX_ITEM_LINES || node.children.some((c) => c.marker?.style !== "dash" && c.marker?.style !== "plus")) {
    return null;
  }
  const assigning = lines.map((line) => ({ line, assignment: readAssignment(line, true) })).find((l) => l.assignment);
  if (!assigning?.assignment) return null;
  // "3. Năm 2028" / "Sơ kết giữa nhiệm kỳ …": under a period heading the task is the first paragraph.
  const period = periodHeading(node.text);
  const title = period ? (lines.find((line) => line !== assigning.line && !parseField(line)) ?? node.text) : node.text;
  const draft = draftOf(node.ref, title, assigning.assignment, node, node.order);
  if (!draft.deadlineText) {
    draft.deadlineText = lines.map(parseField).find((field) => field?.kind === "deadline")?.value ?? (period ? node.text : null);
  }
  return draft;
}

function partsOf(node: OutlineNode, whole: TaskDraft, consumed: Set<OutlineNode>): TaskDraft[] {
  return node.children.map((child) => {
    for (const inner of walk(child)) consumed.add(inner);
    consumed.add(child);
    const title = [child.text, ...child.body.map((p) => p.text)].join(" ");
    return {
      ...whole,
      ref: child.ref,
      title: trimPunctuation(title),
      coop: cooperatingUnits(title),
      deadlineText: findDeadlinePhrase(title) ?? whole.deadlineText,
      order: child.order,
    };
  });
}

/**
 * Whether the plan assigns its work by unit sections or labelled fields, its sentences only
 * organising that work: it has a few of them, and more of them than items whose subject is
 * a unit. A plan that writes as many of its items as sentences ("2. Hội đồng nhân dân xã chủ
 * trì, …" between "1. Đảng uỷ UBND xã:" and "5. Ban Xây dựng Đảng:") assigns in prose.
 */
function assignsByStructure(root: OutlineNode, consumed: Set<OutlineNode>, structuredCount: number): boolean {
  if (structuredCount < STRUCTURED_TASKS) return false;
  let sentences = 0;
  for (const node of walk(root)) {
    if (consumed.has(node) || !node.marker || node.marker.style === "roman") continue;
    if (fromSubject(node)) sentences++;
  }
  return structuredCount > sentences;
}

// "Các cấp uỷ, tổ chức đảng …", "mọi cấp": every level of the system, no unit of the plan.
const EVERY_LEVEL = /^(?:các|mọi) cấp(?!\p{L})/iu;

/**
 * An item whose subject is a unit: "Hội đồng nhân dân xã chủ trì, phối hợp với …". In the
 * organising part any such item; in a content part ("Nội dung, nhiệm vụ chủ yếu") one that
 * names its own unit, not every level of the party.
 */
function fromSubject(node: OutlineNode): TaskDraft | null {
  if (node.kind !== "assignments" && node.kind !== "content") return null;
  // Bullets under the sentence detail it (and may assign parts of it themselves).
  if (node.children.some((c) => c.marker?.style !== "dash" && c.marker?.style !== "plus")) return null;
  if ((node.kind === "content" && EVERY_LEVEL.test(node.text)) || startsWithFieldLabel(node.text)) return null;
  const text = [node.text, ...node.body.map((p) => p.text)].join(" ");
  const assignment = readAssignment(node.text);
  if (!assignment) return fromClosingAssignment(node, text);
  if (!assignment.deadline) assignment.deadline = readAssignment(text)?.deadline ?? null;
  return draftOf(node.ref, node.text, assignment, node, node.order);
}

/** A closing sentence this short can only name who does the work. */
const MAX_CLOSING_WORDS = 16;

/** "Tổ chức quán triệt … trong tháng 4/2026. Đồng chí Bí thư Chi bộ thực hiện.": the work, then who does it. */
function fromClosingAssignment(node: OutlineNode, text: string): TaskDraft | null {
  const sentences = node.text.split(SENTENCE_BREAK);
  const closing = sentences.at(-1) ?? "";
  if (sentences.length < 2 || closing.split(" ").length > MAX_CLOSING_WORDS) return null;
  const assignment = readAssignment(closing);
  if (!assignment) return null;
  assignment.deadline ??= findDeadlinePhrase(text);
  return draftOf(node.ref, sentences.slice(0, -1).join(". "), assignment, node, node.order);
}

/**
 * An item among tasks under a period heading that names no unit but its own time ("5.3. Đại
 * hội … / Dự kiến tổ chức trong tháng 8/2030"): a task still, its lead left for the reviewer.
 */
function datedItemsAmongTasks(
  root: OutlineNode,
  consumed: Set<OutlineNode>,
  drafted: Set<OutlineNode>,
  periods: (node: OutlineNode) => string | null,
): TaskDraft[] {
  const drafts: TaskDraft[] = [];
  for (const node of walk(root)) {
    if (consumed.has(node) || !node.marker || node.marker.style === "roman" || node.children.length > 0) continue;
    if (node.kind === "purpose" || node.kind === "targets" || node.kind === "appendix") continue;
    if (!periods(node) || !node.parent?.children.some((sibling) => drafted.has(sibling))) continue;
    const deadlineText = findDeadlinePhrase([node.text, ...node.body.map((p) => p.text)].join(" "));
    if (!deadlineText) continue;
    consumed.add(node);
    drafts.push({
      ref: node.ref,
      title: trimPunctuation(node.text),
      lead: [],
      coop: [],
      deadlineText,
      section: sectionLabel(node.parent),
      order: node.order,
    });
  }
  return drafts;
}

/**
 * For each node, the period heading above it in its top-level section: a heading node
 * ("2. Năm 2026") among its ancestors, or the last period paragraph ("* Năm 2027: …")
 * before it in the same section.
 */
function periodIndex(root: OutlineNode): (node: OutlineNode) => string | null {
  const marks: { order: number; top: OutlineNode; text: string }[] = [];
  for (const node of walk(root)) {
    const top = topOf(node);
    const heading = periodHeading(node.text);
    if (heading) marks.push({ order: node.order, top, text: heading });
    for (const paragraph of node.body) {
      const period = periodHeading(paragraph.text);
      if (period) marks.push({ order: paragraph.order, top, text: period });
    }
  }
  marks.sort((a, b) => a.order - b.order);
  return (node) => {
    const top = topOf(node);
    let found: string | null = null;
    for (const mark of marks) {
      if (mark.order > node.order) break;
      if (mark.top === top && mark.order !== node.order) found = mark.text;
    }
    return found;
  };
}

function topOf(node: OutlineNode): OutlineNode {
  let at = node;
  while (at.parent && at.parent.ref !== "") at = at.parent;
  return at;
}
