import { isUnitPhrase, splitUnitList } from "../units/split";
import { findDeadlinePhrase } from "./assignment";
import { splitTrailingDeadline } from "./deadline-suffix";
import { type OutlineNode, walk } from "./outline";
import { cooperatingUnits, sectionLabel } from "./task-parts";
import type { TaskDraft } from "./types";

const MAX_HEADING_WORDS = 16;
const MAX_LISTED_HEADING_WORDS = 32;

/**
 * Per-unit sections of the assignments part ("2. UBND huyện" then bullets, or
 * "5. Sở Giáo dục và Đào tạo: Chủ trì, …"): each bullet, or the section's own text,
 * is a task led by that unit. A trailing parenthesis holds the deadline.
 */
export function unitSectionTasks(root: OutlineNode, consumed: Set<OutlineNode>): TaskDraft[] {
  const drafts: TaskDraft[] = [];
  for (const node of walk(root)) {
    if (consumed.has(node) || node.kind !== "assignments" || !node.marker) continue;
    if (node.marker.style === "dash" || node.marker.style === "plus") continue;
    const heading = unitHeading(node.text);
    if (!heading) continue;
    for (const inner of walk(node)) consumed.add(inner);
    consumed.add(node);

    const items = node.children.filter((child) => child.marker !== null);
    const pieces =
      items.length > 0
        ? items.map((child) => ({ ref: child.ref, text: child.text, order: child.order }))
        : [...(heading.inline ? [heading.inline] : []), ...node.body.map((p) => p.text)].map((text, i, all) => ({
            ref: all.length === 1 ? node.ref : `${node.ref}.${i + 1}`,
            text,
            order: node.order + i / 1000,
          }));
    for (const piece of pieces) {
      const { title, deadline } = splitTrailingDeadline(piece.text);
      drafts.push({
        ref: piece.ref,
        title,
        lead: heading.units,
        coop: cooperatingUnits(title),
        deadlineText: deadline ?? findDeadlinePhrase(title),
        section: sectionLabel(node.parent),
        order: piece.order,
      });
    }
  }
  return drafts;
}

/** "Ban Tổ chức Huyện ủy" or "Sở Công Thương: Chủ trì, …" → the units and the inline text. */
function unitHeading(text: string): { units: string[]; inline: string | null } | null {
  const colon = text.indexOf(":");
  const candidate = (colon >= 0 ? text.slice(0, colon) : text).trim();
  // A heading that ends in its colon may list several bodies ("2. Các cơ quan tham mưu giúp việc
  // Đảng uỷ, Uỷ ban Mặt trận Tổ quốc xã và các cấp uỷ, tổ chức Đảng trực thuộc:").
  const maxWords = /:\s*$/.test(text) ? MAX_LISTED_HEADING_WORDS : MAX_HEADING_WORDS;
  if (candidate.split(" ").length > maxWords || !isUnitPhrase(candidate)) return null;
  const units = splitUnitList(candidate);
  if (units.length === 0) return null;
  const inline = colon >= 0 ? text.slice(colon + 1).trim() : "";
  return { units, inline: inline === "" ? null : inline };
}
