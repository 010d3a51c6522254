import { foldText } from "../text/fold";
import { startsWithUnitHead } from "../units/heads";
import type { Block, Cell } from "./blocks";
import { cellLines } from "./line-table";
import { trimPunctuation } from "./clean";
import { findDate, findImplementedDoc, isoDate, parseDocNumber } from "./doc-ref";
import { foldAligned } from "./fold-aligned";
import { parseMarker } from "./markers";
import type { ExtractedHeader } from "./types";

// The document's kind, as its heading names it; the title follows.
const TITLE_KINDS = "ke hoach|chuong trinh|phu luc|de an|nghi quyet|quyet dinh";
const TITLE_HEADING = new RegExp(`^(?:${TITLE_KINDS})\\b`);
const MAX_TITLE_LENGTH = 400;

/**
 * The plan's header, read from what precedes the first numbered section: the header table
 * (issuer, "Số: …", "<place>, ngày …"), the "KẾ HOẠCH" heading and the title after it, the
 * preamble ("Thực hiện …", "… ban hành Kế hoạch"), and for an appendix its "(Kèm theo …)" line.
 */
export function extractHeader(blocks: Block[], warnings: string[]): ExtractedHeader {
  const front = frontMatter(blocks);
  const paragraphs = front.flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));
  const headerCells = front.find((block) => block.kind === "table")?.rows.flat() ?? [];
  const attachedTo = paragraphs.find((text) => /^\(?kem theo\b/.test(foldText(text))) ?? null;

  const title = findTitle(paragraphs);
  const issuer =
    issuerFromCells(headerCells) ??
    issuerFromPreamble(paragraphs) ??
    issuerFromTopLines(paragraphs) ??
    issuerFromAttachment(attachedTo);
  const number = numberFromCells(headerCells) ?? numberFromParagraphs(paragraphs) ?? numberFromAttachment(attachedTo, warnings);
  const date = dateFromCells(headerCells) ?? dateFromParagraphs(paragraphs) ?? dateFrom(attachedTo);
  const implementsDoc =
    (title ? findImplementedDoc(title) : null) ??
    paragraphs
      .filter((text) => /^thuc hien\b/.test(foldText(text)))
      .map(findImplementedDoc)
      .find((doc) => doc) ??
    null;

  if (!issuer) warnings.push("Không tìm thấy cơ quan ban hành");
  if (!number && !warnings.some((w) => w.startsWith("Số hiệu"))) warnings.push("Không tìm thấy số hiệu văn bản");
  if (!date) warnings.push("Không tìm thấy ngày ban hành");
  if (!title) warnings.push("Không tìm thấy tên kế hoạch");
  return { issuer, number, issued_on: date, implements: implementsDoc, title };
}

/** Blocks before the first numbered paragraph or the first large table. */
function frontMatter(blocks: Block[]): Block[] {
  const end = blocks.findIndex((block) => (block.kind === "table" ? block.rows.length > 3 : parseMarker(block.text) !== null));
  return end < 0 ? blocks : blocks.slice(0, end);
}

const DANGLING = /\s(?:thực hiện|triển khai|của|về|và|cho|theo|đối với)$/u;
// "KẾ HOẠCH thực hiện …": the heading and its lower-case title in one paragraph, as hard-wrapped text joins them.
const HEADING_WITH_TITLE = /^(?:KẾ HOẠCH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|ĐỀ ÁN)\s+(?=\p{Ll})(.+)$/u;

function findTitle(paragraphs: string[]): string | null {
  const heading = paragraphs.findIndex((text) => TITLE_HEADING.test(foldText(text)) && text.split(" ").length <= 8);
  const next = heading >= 0 ? paragraphs[heading + 1] : undefined;
  if (next && next.length <= MAX_TITLE_LENGTH && !/^(?:can cu|\(?kem theo)\b/.test(foldText(next))) {
    // "Ban hành Kế hoạch hành động thực hiện" / "Chỉ thị số 9-CT/TW …": a title cut where its line ended.
    const after = paragraphs[heading + 2];
    if (after && DANGLING.test(next) && next.length + after.length < MAX_TITLE_LENGTH) return trimPunctuation(`${next} ${after}`);
    return trimPunctuation(next);
  }
  for (const text of paragraphs) {
    const joined = HEADING_WITH_TITLE.exec(text.normalize("NFC"))?.[1];
    if (joined && joined.length <= MAX_TITLE_LENGTH) return trimPunctuation(joined);
  }
  return null;
}

// The motto and the number, which stand beside or under the issuer's name.
const MOTTO_OR_NUMBER = "cong hoa|doc lap|dang cong san viet nam|so\\b|s[o0] ?:";
const NOT_ISSUER = new RegExp(`^(?:${MOTTO_OR_NUMBER})`);

function issuerFromCells(cells: Cell[]): string | null {
  const cell = cells.find((c) => c.text !== "" && !NOT_ISSUER.test(foldText(c.text)) && !findDate(foldText(c.text)));
  if (!cell) return null;
  let lines = cellLines(cell);
  // Party documents stack the parent committee above the issuing one.
  if (lines.length > 1 && /^dang bo\b/.test(foldText(lines[0] ?? ""))) lines = lines.slice(1);
  const issuer = trimPunctuation(lines.join(" "));
  return issuer === "" ? null : issuer;
}

// What follows the issuer's name at the top of a text or PDF: the motto, the number, the document's kind.
const AFTER_ISSUER = new RegExp(`^(?:${MOTTO_OR_NUMBER}|${TITLE_KINDS}|danh muc)`);
const MAX_ISSUER_LINES = 3;

/**
 * The issuer as a document converted to text or read from a PDF begins: its name in capitals
 * before the motto ("ĐẢNG BỘ TỈNH …" / "ĐẢNG UỶ XÃ …": the parent committee stacked above the
 * issuing one; "ỦY BAN NHÂN DÂN" / "TỈNH …": one name on two lines).
 */
function issuerFromTopLines(paragraphs: string[]): string | null {
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    // A PDF may set the issuer and the motto on one line: "ĐẢNG BỘ TỈNH … ĐẢNG CỘNG SẢN VIỆT NAM ĐẢNG ỦY XÃ …".
    const parts = paragraph.split(MOTTO).map((part) => part.trim());
    for (const text of parts.filter((part) => part !== "")) {
      const folded = foldText(text);
      if (AFTER_ISSUER.test(folded) || findDate(folded)) return issuerOf(lines);
      if (text !== text.toUpperCase() || !/\p{Lu}/u.test(text) || lines.length === MAX_ISSUER_LINES) return null;
      lines.push(text);
    }
    if (parts.length > 1) break;
  }
  return issuerOf(lines);
}

const MOTTO = /(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM)/u;

/** The issuer's lines: the parent committee stacked above the issuing one is left out. */
function issuerOf(lines: string[]): string | null {
  if (lines.length > 1 && /^dang bo\b/.test(foldText(lines[0] ?? ""))) lines.shift();
  const issuer = trimPunctuation(lines.join(" "));
  return issuer === "" ? null : issuer;
}

const ISSUES_PLAN = /\bban hanh (?:ke hoach|chuong trinh)\b/;

/** "…; Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện, cụ thể như sau:" */
function issuerFromPreamble(paragraphs: string[]): string | null {
  for (const text of paragraphs) {
    const match = ISSUES_PLAN.exec(foldAligned(text));
    if (!match) continue;
    const before = text.slice(0, match.index);
    const clause = trimPunctuation(
      before.slice(Math.max(before.lastIndexOf(";"), before.lastIndexOf("."), before.lastIndexOf(":")) + 1),
    );
    if (clause !== "" && startsWithUnitHead(clause)) return clause;
  }
  return null;
}

/** "(Kèm theo … của Chính phủ)" */
function issuerFromAttachment(text: string | null): string | null {
  if (!text) return null;
  const at = foldAligned(text).lastIndexOf(" cua ");
  if (at < 0) return null;
  const issuer = trimPunctuation(text.slice(at + 5).replace(/[()]/g, ""));
  return issuer === "" ? null : issuer;
}

// "Số: 7360/KH-UBND", "Số 12-KH/HU".
const NUMBER_LABEL = /^so ?(?::|(?=\d)) ?/;

function numberIn(text: string): string | null {
  const label = NUMBER_LABEL.exec(foldAligned(text.slice(0, 8)));
  return label ? parseDocNumber(text.slice(label[0].length)) : null;
}

function numberFromCells(cells: Cell[]): string | null {
  for (const cell of cells) {
    const number = numberIn(cell.text);
    if (number) return number;
  }
  return null;
}

function numberFromParagraphs(paragraphs: string[]): string | null {
  for (const text of paragraphs) {
    const number = numberIn(text);
    if (number) return number;
  }
  return null;
}

/** The number after "số" in the attachment line; an unfilled one ("số  /NQ-CP") is reported. */
function numberFromAttachment(text: string | null, warnings: string[]): string | null {
  if (!text) return null;
  const match = /\bso\s+/.exec(foldAligned(text));
  if (!match) return null;
  const rest = text.slice(match.index + match[0].length);
  const number = parseDocNumber(rest);
  if (!number) {
    const written = rest.split(/\s+/)[0] ?? "";
    if (written !== "") warnings.push(`Số hiệu văn bản chưa đầy đủ: "${written}"`);
  }
  return number;
}

function dateFromCells(cells: Cell[]): string | null {
  for (const cell of cells) {
    const date = findDate(foldText(cell.text));
    if (date) return isoDate(date);
  }
  return null;
}

/** A dateline paragraph: "Bắc Giang, ngày 5 tháng 4 năm 2024". */
function dateFromParagraphs(paragraphs: string[]): string | null {
  for (const text of paragraphs) {
    const folded = foldText(text);
    if (!/^[^,]{2,40}, ngay \d/.test(folded)) continue;
    const date = findDate(folded);
    if (date) return isoDate(date);
  }
  return null;
}

function dateFrom(text: string | null): string | null {
  const date = text ? findDate(foldText(text)) : null;
  return date ? isoDate(date) : null;
}
