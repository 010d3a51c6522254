import { cleanInline, stripEmphasis } from "./clean";
import { startsWithUnitHead } from "../units/heads";
import { isUnitPhrase } from "../units/split";
import { startsWithFieldLabel } from "./fields";
import { readFlatTable } from "./flat-table";
import { periodHeading } from "./period-heading";
import { type Cell, readLineTable, readPipeRow } from "./line-table";
import { sourceLines, wrapWidth } from "./source-text";

export type { Cell } from "./line-table";

export type Block = { kind: "paragraph"; text: string; order: number } | { kind: "table"; rows: Cell[][]; order: number };

const LIST_MARKER = /^(?:[-–—•+]\s|\(\d{1,3}\)\s|[a-zđ]\)\s|\d{1,3}(?:\.\d{1,3})*[.)]\s)/;
const ENDS_SENTENCE = /[.;:!?]$/;
const SEPARATOR = /^(?:\*|[-–—_=*~.]{3,})$/;

/**
 * Splits a converted document into paragraphs (hard-wrapped lines joined, emphasis removed)
 * and tables (Markdown pipe rows, or cells between lines holding a single "|").
 */
export function splitBlocks(source: string): Block[] {
  const lines = sourceLines(source);
  const width = wrapWidth(lines);
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const text = cleanInline(paragraph.join(" "));
    if (text !== "") blocks.push({ kind: "paragraph", text, order: blocks.length });
    paragraph = [];
  };

  let afterBlank = false;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] ?? "";
    const trimmed = line.trim();
    if (trimmed === "|") {
      flush();
      const { rows, next } = readLineTable(lines, i);
      if (rows.length > 0) blocks.push({ kind: "table", rows, order: blocks.length });
      i = next;
      continue;
    }
    const flat = /^s?tt\.?$/i.test(trimmed) ? readFlatTable(lines, i) : null;
    if (flat) {
      flush();
      blocks.push({ kind: "table", rows: flat.rows, order: blocks.length });
      i = flat.next;
      continue;
    }
    if (isPipeRow(trimmed)) {
      flush();
      const rows: Cell[][] = [];
      for (; i < lines.length && isPipeRow((lines[i] ?? "").trim()); i++) {
        const row = readPipeRow(lines[i] ?? "");
        if (row) rows.push(row);
      }
      blocks.push({ kind: "table", rows, order: blocks.length });
      continue;
    }
    // "-----", "*", "____" under a heading or the issuer: a rule between parts, never text.
    if (trimmed === "" || SEPARATOR.test(trimmed)) {
      if (trimmed !== "") flush();
      afterBlank = true;
    } else {
      const previous = paragraph[paragraph.length - 1] ?? "";
      const breaks = afterBlank ? !continuesSentence(trimmed, previous) : opensParagraph(trimmed, previous, width);
      if (paragraph.length > 0 && breaks) flush();
      paragraph.push(trimmed);
      afterBlank = false;
    }
    i++;
  }
  flush();
  return blocks;
}

/**
 * Page breaks of converted documents leave a blank line inside a sentence: "… hoạch định
 * chính sách," / "" / "xây dựng tầm nhìn …". A lower-case line after an unfinished one goes on.
 */
function continuesSentence(line: string, previous: string): boolean {
  const text = stripEmphasis(line).trimStart();
  if (previous === "" || line.startsWith("*") || LIST_MARKER.test(text) || !/^\p{Ll}/u.test(text)) return false;
  const before = stripEmphasis(previous).trimEnd();
  // A heading ("KẾ HOẠCH") is followed by a lower-case title, not continued by it.
  return !/[.;:!?)]$/.test(before) && /\p{Ll}/u.test(before);
}

function isPipeRow(line: string): boolean {
  if (!line.startsWith("|")) return false;
  let bars = 0;
  for (const char of line) if (char === "|") bars++;
  return bars >= 3;
}

const HEADING_MARKER = /^(?:[IVXL]{1,6}\s*[.\-–—:)]\s*\p{Lu}|(?:Điều|Phần|Chương|Mục)\s+\d|[A-ZĐ][.)]\s+\p{Lu})/u;
// A line that ends like this is cut mid-phrase: "… các sở," / "ban, ngành".
// ("tiếp theo", "next", ends a phrase: "… giai đoạn 2026 - 2030 và những năm tiếp theo".)
const OPEN_ENDING = /(?:[,(\-–/&]|\s(?:và|với|của|các|cho|trong|tại|(?<!tiếp )theo|về|hoặc|là|để|đến|từ|ở|những|được))$/u;

/**
 * Whether a line opens a new paragraph although no blank line precedes it. A list marker
 * does after a finished sentence: hard wraps produce lines like "- 2030, tập trung …"
 * mid-sentence. In hard-wrapped text (width known) a short line ends its paragraph (a
 * heading, the last line of a paragraph) when the next line starts with a capital.
 */
function opensParagraph(line: string, previous: string, width: number | null): boolean {
  const text = stripEmphasis(line).trimStart();
  const before = stripEmphasis(previous).trimEnd();
  const short = width !== null && before.length < width * 0.8 && !OPEN_ENDING.test(before);
  if (LIST_MARKER.test(text) || HEADING_MARKER.test(text)) {
    if (/^[-–—•+]\s/.test(text) && startsWithFieldLabel(text)) return true;
    if (opensItemWherever(text)) return true;
    // "- Ban Xây dựng Đảng tham mưu, thực hiện trong Quý II/2028" under an item whose title ends without a full stop.
    if (/^[-–—•+]\s/.test(text) && opensAssignment(text.replace(/^[-–—•+]\s+/, ""))) return true;
    return ENDS_SENTENCE.test(before) || isHeadingLine(before) || short || isUnitHeadingLine(before);
  }
  // "./." closes the body; "Nơi nhận" opens the addressee list.
  if (/\.\/\.$/.test(before) || /^Nơi nhận\b/u.test(text)) return true;
  // "* Năm 2030: (02 cuộc kiểm tra)" after a finished item: the next period's heading.
  if (ENDS_SENTENCE.test(before.replace(/\)\.$/, ".")) && periodHeading(text)) return true;
  if (width === null || !/^\p{Lu}/u.test(text)) return false;
  if (opensAssignment(text) && !OPEN_ENDING.test(before) && !/[,;]$/.test(before)) return true;
  if (isHeadingLine(text) && text.length > 3) return !OPEN_ENDING.test(before);
  return (short && ENDS_SENTENCE.test(before)) || (width !== null && before.length < width * 0.6 && !OPEN_ENDING.test(before));
}
// "2.1. Nghị quyết …": a sub-item number before a capital never continues a sentence, whatever ends the line
// above (an assignment line has no full stop: "… tham mưu trình trong tháng 11/2025").
const SUB_ITEM = /^\d{1,3}(?:\.\d{1,3})+\.?\s+\p{Lu}/u;

/** A sub-item number, or a part heading in capitals ("B. NỘI DUNG TRÌNH …"), opens an item after any line. */
function opensItemWherever(text: string): boolean {
  return SUB_ITEM.test(text) || (HEADING_MARKER.test(text) && isHeadingLine(text) && text.length > 8);
}

// "Ban Xây dựng Đảng chủ trì, phối hợp …" on a line of its own: the line assigning the item above.
const ROLE_NEAR = /^[^.;:]{0,60}?\s(?:chủ\s?trì|tham\s?mưu)\b/u;

function opensAssignment(text: string): boolean {
  return ROLE_NEAR.test(text) && startsWithUnitHead(text);
}

// "11. Các bộ, cơ quan ngang bộ, địa phương và các cơ quan liên quan": a unit's section heading, whole on its line.
const NUMBERED = /^(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ]\))\s+/u;

function isUnitHeadingLine(line: string): boolean {
  const marker = NUMBERED.exec(line);
  return marker !== null && isUnitPhrase(line.slice(marker[0].length).replace(/:$/, ""));
}

/** "II. NHIỆM VỤ CỤ THỂ", "### Nhiệm vụ": a heading ends where it stands, whatever its last character. */
function isHeadingLine(line: string): boolean {
  return /^#{1,6}\s/.test(line) || (/\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line));
}
