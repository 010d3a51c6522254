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

/**
 * The lines of a page's runs, grouped into blocks in writing order. A wide gap on a
 * baseline is a cell boundary, except in justified text: inside a block already wider
 * than one line, or when the text after the gap wraps back to the left edge of the text
 * before it (the two were one line of a narrow justified cell).
 */
export function pageBlocks(runs: PdfRun[]): Block[] {
  const blocks: Block[] = [];
  let block: Block | null = null;
  let line: Line | null = null;
  /** The one-line blocks gaps split on the current baseline, the current block last (a justified line may split twice or more). */
  let split: Block[] = [];
  const join = (target: Line, text: string, gap: number, size: number) => {
    const spaced = gap > WORD_GAP * size && !/\s$/.test(target.text) && !/^\s/.test(text);
    target.text += (spaced ? " " : "") + text;
  };
  for (const run of runs) {
    if (run.text.trim() === "") continue;
    const size = run.size > 0 ? run.size : 10;
    // A footnote mark: a small number raised on the line it follows.
    if (line && size < 0.8 * line.size && Math.abs(run.y - line.y) < 0.7 * line.size && /^\s*[\d*]{1,3}\s*$/.test(run.text))
      continue;
    const x1 = run.x + Math.max(0, run.width);
    if (line && block && Math.abs(run.y - line.y) < 0.35 * size) {
      const gap = run.x - line.x1;
      // Justified: a wrapped line of a wider block, with words enough before the gap (a lone "1" is a cell).
      const justified =
        block.lines.length > 1 && x1 <= block.x1 + 0.5 * size && line.x1 - line.x0 >= 0.15 * (block.x1 - block.x0);
      if (gap > -0.5 * size && (gap < CELL_GAP * size || justified)) {
        join(line, run.text, gap, size);
        line.x1 = Math.max(line.x1, x1);
        block.x1 = Math.max(block.x1, x1);
        continue;
      }
    }
    const next: Line = { y: run.y, x0: run.x, x1, size, text: run.text };
    const sameBaseline = line !== null && Math.abs(run.y - line.y) < 0.35 * size;
    // The pieces of the split line, from the first whose left edge the next line wraps back to.
    const current: Block | null = block;
    const start: number =
      current && !sameBaseline && split.at(-1) === current
        ? split.findIndex(
            (piece, i) => i < split.length - 1 && wrapsBack(piece, current, next) && evenlySpaced(split.slice(i), size),
          )
        : -1;
    const pieces: Block[] = start >= 0 ? split.slice(start) : [];
    const before: Block | undefined = pieces[0];
    if (block && line && before) {
      // The splits were one justified line: the text after each gap belongs to the block before it.
      const first = before.lines.at(-1)!;
      for (const after of pieces.slice(1)) {
        const piece = after.lines[0]!;
        join(first, piece.text, Number.POSITIVE_INFINITY, size);
        first.x1 = piece.x1;
        before.x1 = Math.max(before.x1, piece.x1);
        blocks.splice(blocks.indexOf(after), 1);
      }
      block = before;
      line = first;
    }
    if (!sameBaseline) split = [];
    if (block && line && continuesBlock(block, line, next)) {
      block.lines.push(next);
      block.x0 = Math.min(block.x0, next.x0);
      block.x1 = Math.max(block.x1, next.x1);
      block.bottom = Math.min(block.bottom, next.y);
    } else {
      if (sameBaseline && block && line && block.lines.length > 1 && block.lines.at(-1) === line) {
        // A cell boundary on a line taken for the block's next one: that line starts a new row.
        block.lines.pop();
        block.x0 = Math.min(...block.lines.map((l) => l.x0));
        block.x1 = Math.max(...block.lines.map((l) => l.x1));
        block.bottom = Math.min(...block.lines.map((l) => l.y));
        block = { lines: [line], x0: line.x0, x1: line.x1, top: line.y + line.size * 0.8, bottom: line.y };
        blocks.push(block);
      }
      const splitFrom = sameBaseline && block && block.lines.length === 1 && (split.length === 0 || split.at(-1) === block);
      split = splitFrom && block ? (split.length === 0 ? [block] : split) : [];
      block = { lines: [next], x0: next.x0, x1: next.x1, top: next.y + size * 0.8, bottom: next.y };
      blocks.push(block);
      if (splitFrom) split.push(block);
    }
    line = next;
  }
  for (const b of blocks) for (const l of b.lines) l.text = l.text.replace(/\s+/g, " ").trim();
  return blocks;
}

/** Gaps of one justified line are all the same width; the gaps between a row's cells are not. */
function evenlySpaced(pieces: Block[], size: number): boolean {
  const gaps = pieces.slice(1).map((piece, i) => piece.x0 - pieces[i]!.x1);
  return Math.max(...gaps) - Math.min(...gaps) < 0.5 * size;
}

/** The line after a split one starts back at the left edge of the text before the gap, just below. */
function wrapsBack(before: Block, after: Block, next: Line): boolean {
  const last = after.lines[0]!;
  const drop = last.y - next.y;
  return (
    drop > 0.6 * next.size &&
    drop < 2.3 * next.size &&
    Math.abs(next.x0 - before.x0) < next.size &&
    next.x1 <= after.x1 + next.size
  );
}

/** The next line of the same block: just below the last one, overlapping it sideways. */
function continuesBlock(block: Block, last: Line, next: Line): boolean {
  const drop = last.y - next.y;
  const size = Math.max(last.size, next.size);
  if (drop < 0.6 * size || drop > 2.3 * size) return false;
  // The second line of a centred cell, wider than the first, may start with a short run that ends before the block does.
  const centredWider = block.lines.length === 1 && next.x0 > block.x0 - 2 * size;
  return next.x0 < block.x1 + 0.5 * size && (next.x1 > block.x0 - 0.5 * size || centredWider);
}

/**
 * Blocks side by side form a row: each to the right of the one before, starting no lower
 * than a few lines under the row so far (a vertically centred cell can sit below the top
 * of the next, or above it); a block back at the left starts the next row.
 */
function rowsOf(blocks: Block[]): Block[][] {
  const rows: Block[][] = [];
  let row: Block[] = [];
  for (const block of blocks) {
    const previous = row.at(-1);
    const bottom = Math.min(...row.map((b) => b.bottom));
    const size = block.lines[0]!.size;
    if (previous && block.x0 > previous.x1 - 2 && block.top > bottom - 3 * size) row.push(block);
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
  /** Footnotes met inside a table, written after it so they do not cut it. */
  let footnotes: string[] = [];
  /** The last table's header, for a table that goes on after a break without repeating it. */
  let lastHeader: Table | null = null;
  const flush = () => {
    if (table) out.push("", ...tableLines(table), "", ...footnotes);
    if (table) lastHeader = table;
    table = null;
    footnotes = [];
  };
  for (const runs of pages) {
    let pageStart = true;
    for (const row of rowsOf(pageBlocks(runs))) {
      // The header repeated (at the top of a page) is left out; the rows after it may still continue a cut one.
      if (table && sameText(row, table.rows[0]!.blocks)) continue;
      if (table && fitsTable(table, row)) {
        table.rows.push({ blocks: row, continues: pageStart });
        pageStart = false;
        continue;
      }
      // Cells each in a column past the first: at a page's top, the rest of a row the break cut;
      // two or more elsewhere, a sub-row under the row's merged number and task cells: both go on that row.
      if (table && (pageStart || row.length >= 2) && continuesCell(table, row)) {
        table.rows.push({ blocks: row, continues: true });
        pageStart = false;
        continue;
      }
      // A group row merged across the table ("I. Đổi mới …"): one block from the first column on.
      if (table && row.length === 1 && GROUP_ROW.test(cellText(row)) && row[0]!.x0 < (columnBounds(table)[0] ?? 0)) {
        table.rows.push({ blocks: row, continues: pageStart });
        pageStart = false;
        continue;
      }
      if (table && smallerThan(row, tableSize(table))) {
        for (const block of row) for (const paragraph of paragraphs(block)) footnotes.push(paragraph, "");
        continue;
      }
      pageStart = false;
      flush();
      if (row.length >= 3) {
        const previous = lastHeader as Table | null;
        const numbered = NUMBERED_ROW.test(cellText([row[0]!]));
        table =
          previous && numbered && row.length <= previous.bounds.length + 1
            ? { bounds: columnBounds(previous), rows: [previous.rows[0]!, { blocks: row, continues: false }] }
            : { bounds: row.slice(1).map((b, i) => (row[i]!.x1 + b.x0) / 2), rows: [{ blocks: row, continues: false }] };
        continue;
      }
      // A blank line after each paragraph, as a Word document's text has them.
      for (const block of row) for (const paragraph of paragraphs(block)) out.push(paragraph, "");
    }
  }
  flush();
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A row that starts with a number (1, 1., I, a)): a body row, not a header. */
const NUMBERED_ROW = /^(?:\d{1,3}|[IVXL]{1,5}|[a-zđ])[.)]?$/;

/**
 * The paragraphs of a block, each on one line: a line goes on the paragraph before when
 * that one reached the block's right edge and this one starts at its left margin (a
 * justified or left-aligned wrap); an indented, centred or short-ended line starts anew.
 */
function paragraphs(block: Block): string[] {
  const right = Math.max(...block.lines.map((l) => l.x1));
  const left = Math.min(...block.lines.map((l) => l.x0));
  const out: string[] = [];
  let margin = Number.POSITIVE_INFINITY;
  block.lines.forEach((line, i) => {
    const previous = block.lines[i - 1];
    const size = line.size;
    const wraps =
      previous !== undefined &&
      previous.x1 >= right - 2 * size &&
      line.x0 <= previous.x0 + 0.5 * size &&
      // An indented line is the first of the next paragraph, however far the one before it reached.
      (margin === Number.POSITIVE_INFINITY ? line.x0 < left + 0.5 * size : Math.abs(line.x0 - margin) < 0.5 * size);
    if (wraps) {
      out[out.length - 1] += ` ${line.text}`;
      margin = Math.min(margin, line.x0);
    } else {
      out.push(line.text);
      margin = Number.POSITIVE_INFINITY;
    }
  });
  return out;
}

/** The font size most of a table's lines have. */
function tableSize(table: Table): number {
  const sizes = table.rows.flatMap((r) => r.blocks.flatMap((b) => b.lines.map((l) => l.size))).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 0;
}

const smallerThan = (row: Block[], size: number) => row.every((b) => b.lines.every((l) => l.size < 0.92 * size));

/** Two blocks or more, the first starting in the first column, no more than the columns. */
function fitsTable(table: Table, row: Block[]): boolean {
  const firstColumnEnd = columnBounds(table)[0] ?? Number.POSITIVE_INFINITY;
  return row.length >= 2 && row[0]!.x0 < firstColumnEnd && row.length <= table.bounds.length + 1;
}

const sameText = (a: Block[], b: Block[]) => cellText(a).replace(/\s/g, "") === cellText(b).replace(/\s/g, "");

/** A group heading: a Roman numeral or a capital letter, then its title. */
const GROUP_ROW = /^(?:[IVXL]{1,5}|[A-Z])[.)]\s+\S/;

/** Blocks each inside one column (not the first) at the top of a page: the rest of the cells a page break cut. */
function continuesCell(table: Table, row: Block[]): boolean {
  const edges = [...columnBounds(table), Number.POSITIVE_INFINITY];
  return row.every((block) =>
    edges.some((left, i) => i + 1 < edges.length && block.x0 >= left - 4 && block.x1 <= edges[i + 1]! + 4),
  );
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

/**
 * The column of a block: the header cell it overlaps most (header cells are centred over
 * their column, so overlap tells better than edges); by the separators when it overlaps none.
 */
function columnOf(block: Block, header: Block[], bounds: number[]): number {
  let best = -1;
  let most = 0;
  header.forEach((cell, i) => {
    const overlap = Math.min(block.x1, cell.x1) - Math.max(block.x0, cell.x0);
    if (overlap > most) {
      most = overlap;
      best = i;
    }
  });
  if (best >= 0 && header.length === bounds.length + 1) return best;
  const column = bounds.findIndex((bound) => block.x0 < bound);
  return column < 0 ? bounds.length : column;
}

function tableLines(table: Table): string[] {
  const bounds = columnBounds(table);
  const header = table.rows[0]!.blocks;
  const width = bounds.length + 1;
  const rows: string[][] = [];
  for (const { blocks, continues } of table.rows) {
    const cells: Block[][] = Array.from({ length: width }, () => []);
    for (const block of blocks) cells[columnOf(block, header, bounds)]!.push(block);
    let texts = cells.map(cellText);
    const group = blocks.length === 1 ? /^([IVXL]{1,5}|[A-Z])[.)]\s+(.*)$/.exec(cellText(blocks)) : null;
    if (group && GROUP_ROW.test(cellText(blocks))) texts = [group[1]!, group[2]!, ...Array(Math.max(0, width - 2)).fill("")];
    const last = rows.at(-1);
    if (continues && texts[0] === "" && last && rows.length > 1)
      texts.forEach((text, i) => {
        // A sub-row repeats its lead in its own cell: said once.
        if (text && text !== last[i]) last[i] = `${last[i] ?? ""} ${text}`.trim();
      });
    else rows.push(texts);
  }
  const [headerRow, ...body] = rows;
  return [pipeRow(headerRow ?? [], width), pipeRow(Array(width).fill("---"), width), ...body.map((r) => pipeRow(r, width))];
}

function pipeRow(cells: string[], width: number): string {
  const padded = Array.from({ length: width }, (_, i) => cells[i] ?? "");
  return `| ${padded.join(" | ")} |`;
}
