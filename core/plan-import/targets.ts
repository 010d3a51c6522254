import { trimPunctuation } from "./clean";
import { foldAligned } from "./fold-aligned";
import { type OutlineNode, walk } from "./outline";
import type { Comparator, ExtractedTarget } from "./types";

/**
 * Quantified targets in the targets sections ("Mục tiêu", "Tầm nhìn"). A list item is one
 * target; a prose paragraph is cut into clauses, each clause with a figure being one.
 * The year comes from the item ("đến năm 2030") or else its nearest heading naming one.
 */
export function extractTargets(root: OutlineNode): ExtractedTarget[] {
  const targets: ExtractedTarget[] = [];
  for (const node of walk(root)) {
    if (node.kind !== "targets") continue;
    if (node.children.length === 0 && node.body.length === 0 && node.marker?.style !== "roman") {
      pushTarget(targets, trimPunctuation(node.text), node);
    }
    for (const paragraph of node.body) {
      for (const clause of paragraph.text.split(/[,;]\s+|\.\s+(?=\p{Lu})/u)) pushTarget(targets, trimPunctuation(clause), node);
    }
  }
  return targets;
}

function pushTarget(targets: ExtractedTarget[], text: string, node: OutlineNode): void {
  const figure = findFigure(text);
  if (!figure) return;
  targets.push({ text, ...figure, by_year: yearIn(text) ?? headingYear(node) });
}

interface Figure {
  value: number;
  comparator: Comparator;
  unit: string | null;
}

const PERCENT = /(\d+(?:[.,]\d+)?)\s*%/g;
const COMPARED_NUMBER =
  /(?:khong duoi|khong thap hon|toi thieu|it nhat|khong vuot qua|khong qua|toi da|tren|hon|vuot|duoi|thap hon|dat|gap|bang|chiem) (\d+(?:[.,]\d+)?)(?! ?[/-]\d)/g;

/** The last percentage in the text, else the first number after a comparing word. */
function findFigure(text: string): Figure | null {
  const folded = foldAligned(text);
  let percent: RegExpExecArray | null = null;
  for (const match of folded.matchAll(PERCENT)) percent = match as RegExpExecArray;
  if (percent?.[1]) {
    return { value: parseValue(percent[1]), comparator: comparatorBefore(folded, percent.index, "eq"), unit: "%" };
  }
  for (const match of folded.matchAll(COMPARED_NUMBER)) {
    const digits = match[1];
    if (!digits || /nam $/.test(folded.slice(0, match.index + match[0].length - digits.length))) continue;
    const at = match.index + match[0].length - digits.length;
    const comparator = comparatorBefore(folded, at, "eq");
    return { value: parseValue(digits), comparator, unit: unitAfter(text, at + digits.length) };
  }
  return null;
}

const COMPARATORS: [RegExp, Comparator][] = [
  [/(?:khong duoi|khong thap hon|toi thieu|it nhat) $/, "gte"],
  [/(?:khong vuot qua|khong qua|toi da) $/, "lte"],
  [/(?:tren|hon|vuot) $/, "gt"],
  [/(?:duoi|thap hon) $/, "lt"],
];

function comparatorBefore(folded: string, index: number, fallback: Comparator): Comparator {
  const before = folded.slice(Math.max(0, index - 24), index);
  for (const [pattern, comparator] of COMPARATORS) if (pattern.test(before)) return comparator;
  if (/^\s*%?\s*tro len\b/.test(folded.slice(index).replace(/^[\d.,]+/, ""))) return "gte";
  return fallback;
}

/** "01" → 1, "2,5" → 2.5, "1.000" → 1000 (Vietnamese separators). */
function parseValue(digits: string): number {
  if (/^\d{1,3}(?:\.\d{3})+$/.test(digits)) return Number(digits.replace(/\./g, ""));
  return Number(digits.replace(",", "."));
}

// Counted nouns of more than one word; any other count takes the first word after the number.
const COMPOUND_UNITS = [
  "doanh nghiệp",
  "hợp tác xã",
  "cơ sở",
  "sản phẩm",
  "tỷ đồng",
  "triệu đồng",
  "lượt người",
  "hộ gia đình",
  "mô hình",
  "dự án",
  "đảng viên",
  "cán bộ",
  "hội viên",
  "đoàn viên",
  "học sinh",
  "sinh viên",
];

function unitAfter(text: string, index: number): string | null {
  const rest = text.slice(index).trimStart().toLowerCase();
  const compound = COMPOUND_UNITS.find((unit) => rest.startsWith(`${unit} `) || rest === unit);
  if (compound) return compound;
  return /^\p{L}+/u.exec(rest)?.[0] ?? null;
}

const YEAR_IN_ITEM = /\b(?:den|toi|vao|trong) nam (\d{4})\b/;
const YEAR_IN_HEADING = /\bnam (\d{4})\b/;

function yearIn(text: string): number | null {
  const match = YEAR_IN_ITEM.exec(foldAligned(text));
  return match?.[1] ? Number(match[1]) : null;
}

function headingYear(node: OutlineNode): number | null {
  for (let at: OutlineNode | null = node; at; at = at.parent) {
    const match = YEAR_IN_HEADING.exec(foldAligned(at.text));
    if (match?.[1] && (at !== node || node.children.length > 0 || node.body.length > 0)) return Number(match[1]);
  }
  return null;
}
