import { cleanInline, isBold } from "./clean";

export interface Cell {
  text: string;
  /** The lines as written: header cells stack the issuer's name over several lines. */
  raw: string[];
  bold: boolean;
}

const RULE = /^[-_=—–]{3,}$/;

export function makeCell(raw: string[]): Cell {
  return { text: cleanInline(raw.filter((line) => !RULE.test(line.trim())).join(" ")), raw, bold: isBold(raw.join("\n")) };
}

/** Cleaned non-empty lines of a cell, rules ("-----") removed. */
export function cellLines(cell: Cell): string[] {
  return cell.raw.map((line) => cleanInline(line)).filter((line) => line !== "" && !RULE.test(line));
}

const isBlank = (line: string) => line.trim() === "";

/**
 * Reads a table written one cell per run of lines between lines holding a single "|"
 * (how converted Word tables look): "|", cell, "|", cell, "|", "|" (row break), …
 * A run of only blank lines between two bars is also a row break. The table ends at a
 * content line that follows blank lines after a bar.
 * Returns the rows and the index of the first line after the table.
 */
export function readLineTable(lines: string[], start: number): { rows: Cell[][]; next: number } {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let cell: string[] | null = null;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const trimmed = line.trim();
    if (trimmed === "|") {
      if (cell !== null) {
        if (cell.every(isBlank)) {
          if (row.length > 0) rows.push(row);
          row = [];
        } else {
          row.push(makeCell(cell));
        }
      }
      cell = [];
      continue;
    }
    if (cell === null) break;
    if (trimmed !== "" && cell.length > 0 && cell.every(isBlank)) {
      i -= cell.length;
      break;
    }
    cell.push(line);
  }
  if (row.length > 0) rows.push(row);
  return { rows, next: Math.max(i, start + 1) };
}

const SEPARATOR_CELL = /^\s*:?-{2,}:?\s*$/;

/** Splits a Markdown pipe row; null for the "|---|---|" separator. */
export function readPipeRow(line: string): Cell[] | null {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  const raw = inner.split("|");
  if (raw.every((cell) => SEPARATOR_CELL.test(cell))) return null;
  return raw.map((cell) => makeCell([cell]));
}
