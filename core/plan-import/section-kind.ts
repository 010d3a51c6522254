import { foldAligned } from "./fold-aligned";

/**
 * What a part of the plan holds, from its heading: targets ("Mục tiêu", "Tầm nhìn"),
 * assignments to units ("Nhiệm vụ cụ thể", "Tổ chức thực hiện"), general content
 * ("Nhiệm vụ, giải pháp"), or purpose/requirements, which are neither.
 */
export type SectionKind = "preamble" | "purpose" | "targets" | "assignments" | "content" | "appendix";

const RULES: [SectionKind, RegExp][] = [
  ["assignments", /\b(?:nhiem vu cu the|to chuc thuc hien|phan cong|trach nhiem cua)\b/],
  ["purpose", /^(?:muc dich|yeu cau)\b/],
  ["targets", /\b(?:muc tieu|chi tieu|tam nhin)\b/],
  ["content", /\b(?:nhiem vu|giai phap|noi dung|kinh phi)\b/],
];

const MAX_HEADING_LENGTH = 120;

/** The kind a heading names, or null when the heading names none. */
export function classifyHeading(text: string): SectionKind | null {
  if (text.length > MAX_HEADING_LENGTH) return null;
  const folded = foldAligned(text);
  for (const [kind, pattern] of RULES) if (pattern.test(folded)) return kind;
  return null;
}
