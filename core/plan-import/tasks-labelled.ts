import { splitUnitList } from "../units/split";
import { trimPunctuation } from "./clean";
import { type Field, parseField, splitInlineFields } from "./fields";
import { type OutlineNode, walk } from "./outline";
import { sectionLabel } from "./task-parts";
import type { TaskDraft } from "./types";

/**
 * Tasks written with labelled fields under a numbered item, in any order:
 *   a) Nghị định quy định …
 *   - Cơ quan chủ trì: Sở Khoa học và Công nghệ.
 *   - Thời gian thực hiện: Sau khi Nghị định … ban hành.
 * Fields may be bullets, unmarked paragraphs, or inline after the task text.
 * Marks the task nodes and everything under them as consumed.
 */
export function labelledTasks(root: OutlineNode, consumed: Set<OutlineNode>): TaskDraft[] {
  const drafts: TaskDraft[] = [];
  const fieldOf = new Map<OutlineNode, Field | null>();
  for (const node of walk(root)) fieldOf.set(node, parseField(node.text));
  for (const node of walk(root)) {
    if (consumed.has(node) || node.kind === "appendix" || fieldOf.get(node)) continue;
    const childFields = node.children.flatMap((child) => fieldOf.get(child) ?? []);
    const bodyFields = node.body.flatMap((paragraph) => parseField(paragraph.text) ?? []);
    const inline = splitInlineFields(node.text);
    const fields = [...inline.fields, ...childFields, ...bodyFields];
    if (!fields.some((field) => field.kind === "lead" || field.kind === "coop" || field.kind === "deadline")) continue;
    for (const inner of walk(node)) consumed.add(inner);
    consumed.add(node);
    drafts.push({
      ref: node.ref,
      title: titleOf(node, inline.head, fields),
      lead: unitsOf(fields, "lead"),
      coop: unitsOf(fields, "coop"),
      deadlineText: fieldValue(fields, "deadline"),
      section: sectionLabel(node.parent),
      order: node.order,
    });
  }
  return drafts;
}

const HEADING_ONLY = 60;

/**
 * The task's words: the item's own text, or the description field; when the item is only
 * a short heading ("2. Về thể chế, chính sách") with the task written under it, that paragraph.
 */
function titleOf(node: OutlineNode, head: string, fields: Field[]): string {
  const own = trimPunctuation(head);
  const under = node.body.find((paragraph) => !parseField(paragraph.text))?.text;
  if (under && own.length <= HEADING_ONLY && !/[.;:]$/.test(head.trim()) && fields.every((f) => f.kind !== "description")) {
    return trimPunctuation(under);
  }
  return own || (fieldValue(fields, "description") ?? "");
}

function fieldValue(fields: Field[], kind: Field["kind"]): string | null {
  const value = fields.find((field) => field.kind === kind && field.value !== "")?.value;
  return value ?? null;
}

function unitsOf(fields: Field[], kind: Field["kind"]): string[] {
  const names: string[] = [];
  for (const field of fields) {
    if (field.kind !== kind) continue;
    for (const name of splitUnitList(field.value)) if (!names.includes(name)) names.push(name);
  }
  return names;
}
