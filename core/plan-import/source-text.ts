import { joinLetterSpacedLines, splitGluedWords } from "../units/glued-words";
import { unwrapMarkdown } from "./markdown-wrapper";
import { dropPageFurniture } from "./page-furniture";

/**
 * The lines of a converted document, ready to be read: NFC, one kind of line break and of
 * space, the Markdown wrapper removed, page headers, page numbers and signature stamps
 * dropped, letter-spaced runs joined and glued words split.
 */
export function sourceLines(source: string): string[] {
  const text = unwrapMarkdown(
    source
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      .replace(/[\u00a0\u200b\ufeff]/g, " "),
  );
  return joinLetterSpacedLines(dropPageFurniture(text.split("\n"))).map(splitGluedWords);
}

const WIDTH_PERCENTILE = 0.9;
/** Paragraphs kept on one line are far longer than any page is wide. */
const MAX_WRAP_WIDTH = 130;

// Where blank lines separate paragraphs, they say where paragraphs end; line lengths need not.
const BLANK_SEPARATED = 0.5;

/**
 * The width at which the text was hard-wrapped (a page's line), or null when paragraphs
 * are kept on one line each or are separated by blank lines.
 */
export function wrapWidth(lines: string[]): number | null {
  let sentenceEnds = 0;
  let blankAfter = 0;
  lines.forEach((line, i) => {
    if (!/[.;:]\**$/.test(line.trim()) || i + 1 >= lines.length) return;
    sentenceEnds++;
    if ((lines[i + 1] ?? "").trim() === "") blankAfter++;
  });
  if (blankAfter > sentenceEnds * BLANK_SEPARATED) return null;
  const lengths = lines
    .map((line) => line.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (lengths.length < 20) return null;
  const width = lengths[Math.floor(lengths.length * WIDTH_PERCENTILE)] ?? 0;
  return width > 0 && width <= MAX_WRAP_WIDTH ? width : null;
}
