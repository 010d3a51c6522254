/**
 * Text of PDF pages from positioned runs. Runs come in the order the document was
 * written (a Word table cell by cell, row by row), so that order is kept and positions
 * decide the rest: a line ends where the baseline moves, words are spaced by the gap
 * between runs, and runs that move up or jump sideways start a new block. Blocks side
 * by side are a table row; three or more make the row a Markdown pipe row, columns
 * taken from the table's first row, so each row keeps its cells together (a cell
 * that is vertically centred, or wraps over lines, stays in its own cell).
 */

export interface PdfRun {
  text: string;
  /** Left edge and baseline, in points from the page's bottom left. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: PdfRun[];
}

interface Line {
  y: number;
  x0: number;
  x1: number;
  size: number;
  text: string;
}

interface Block {
  lines: Line[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** A gap wider than this many font sizes on one baseline separates cells. */
const CELL_GAP = 1.2;
/** Below this many font sizes, two runs on a baseline touch (a word split by a font change). */
const WORD_GAP = 0.12;

/** The lines of a page's runs, grouped into blocks in writing order. */
export function pageBlocks(runs: PdfRun[]): Block[] {
  const blocks: Block[] = [];
  let block: Block | null = null;
  let line: Line | null = null;
  for (const run of runs) {
    if (run.text.trim() === "") continue;
    const size = run.size > 0 ? run.size : 10;
    const x1 = run.x + Math.max(0, run.width);
    if (line && block && Math.abs(run.y - line.y) < 0.35 * size) {
      const gap = run.x - line.x1;
      if (gap > -0.5 * size && gap < CELL_GAP * size) {
        const spaced = gap > WORD_GAP * size && !/\s$/.test(line.text) && !/^\s/.test(run.text);
        line.text += (spaced ? " " : "") + run.text;
        line.x1 = Math.max(line.x1, x1);
        block.x1 = Math.max(block.x1, x1);
        continue;
      }
    }
    const next: Line = { y: run.y, x0: run.x, x1, size, text: run.text };
    if (block && line && continuesBlock(block, line, next)) {
      block.lines.push(next);
      block.x0 = Math.min(block.x0, next.x0);
      block.x1 = Math.max(block.x1, next.x1);
      block.bottom = Math.min(block.bottom, next.y);
    } else {
      block = { lines: [next], x0: next.x0, x1: next.x1, top: next.y + size * 0.8, bottom: next.y };
      blocks.push(block);
    }
    line = next;
  }
  for (const b of blocks) for (const l of b.lines) l.text = l.text.replace(/\s+/g, " ").trim();
  return blocks;
}

/** The next line of the same block: just below the last one, overlapping it sideways. */
function continuesBlock(block: Block, last: Line, next: Line): boolean {
  const drop = last.y - next.y;
  const size = Math.max(last.size, next.size);
  if (drop < 0.6 * size || drop > 2.3 * size) return false;
  return next.x0 < block.x1 + 0.5 * size && next.x1 > block.x0 - 0.5 * size;
}

/** Blocks side by side (each to the right of the one before, at overlapping heights) form a row. */
function rowsOf(blocks: Block[]): Block[][] {
  const rows: Block[][] = [];
  let row: Block[] = [];
  for (const block of blocks) {
    const previous = row.at(-1);
    const top = Math.max(...row.map((b) => b.top));
    const bottom = Math.min(...row.map((b) => b.bottom));
    if (previous && block.x0 > previous.x1 - 2 && block.top > bottom - 2 && block.bottom < top + 2) row.push(block);
    else {
      if (row.length > 0) rows.push(row);
      row = [block];
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

interface Table {
  /** Separators from the first row, good enough to tell whether a row belongs. */
  bounds: number[];
  rows: { blocks: Block[]; continues: boolean }[];
}

const cellText = (blocks: Block[]) =>
  blocks
    .flatMap((b) => b.lines.map((l) => l.text))
    .join(" ")
    .replace(/\|/g, "/")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The text of the pages, furniture already removed. A table goes on across a page break
 * while its rows still fit its columns; a row cut by the break (its number cell empty)
 * is joined to the row it continues.
 */
export function layoutPages(pages: PdfRun[][]): string {
  const out: string[] = [];
  let table: Table | null = null;
  const flush = () => {
    if (table) out.push("", ...tableLines(table), "");
    table = null;
  };
  for (const runs of pages) {
    let pageStart = true;
    for (const row of rowsOf(pageBlocks(runs))) {
      if (table && fitsTable(table, row)) {
        table.rows.push({ blocks: row, continues: pageStart });
        pageStart = false;
        continue;
      }
      pageStart = false;
      flush();
      if (row.length >= 3) {
        table = { bounds: row.slice(1).map((b, i) => (row[i]!.x1 + b.x0) / 2), rows: [{ blocks: row, continues: false }] };
        continue;
      }
      for (const block of row) for (const line of block.lines) out.push(line.text);
    }
  }
  flush();
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Two blocks or more, the first starting in the first column, no more than the columns. */
function fitsTable(table: Table, row: Block[]): boolean {
  const firstColumnEnd = table.bounds[0] ?? Number.POSITIVE_INFINITY;
  return row.length >= 2 && row[0]!.x0 < firstColumnEnd && row.length <= table.bounds.length + 1;
}

/**
 * Column separators from the rows that fill every column: the middle of the gap left
 * between one column's text and the next's (header cells are centred, so the header
 * alone would put them too far right).
 */
function columnBounds(table: Table): number[] {
  const width = table.bounds.length + 1;
  const full = table.rows.filter((r) => r.blocks.length === width);
  return table.bounds.map((fallback, i) => {
    const low = Math.max(...full.map((r) => r.blocks[i]!.x1));
    const high = Math.min(...full.map((r) => r.blocks[i + 1]!.x0));
    return full.length > 0 && low < high ? (low + high) / 2 : fallback;
  });
}

function tableLines(table: Table): string[] {
  const bounds = columnBounds(table);
  const width = bounds.length + 1;
  const rows: string[][] = [];
  for (const { blocks, continues } of table.rows) {
    const cells: Block[][] = Array.from({ length: width }, () => []);
    for (const block of blocks) {
      const column = bounds.findIndex((bound) => block.x0 < bound);
      cells[column < 0 ? width - 1 : column]!.push(block);
    }
    const texts = cells.map(cellText);
    const last = rows.at(-1);
    if (continues && texts[0] === "" && last && rows.length > 1)
      texts.forEach((text, i) => {
        if (text) last[i] = `${last[i] ?? ""} ${text}`.trim();
      });
    else rows.push(texts);
  }
  const [header, ...body] = rows;
  return [pipeRow(header ?? [], width), pipeRow(Array(width).fill("---"), width), ...body.map((r) => pipeRow(r, width))];
}

function pipeRow(cells: string[], width: number): string {
  const padded = Array.from({ length: width }, (_, i) => cells[i] ?? "");
  return `| ${padded.join(" | ")} |`;
}
