import { parseDeadline } from "../deadline/parse";
import { foldText } from "../text/fold";
import { startsWithUnitHead } from "../units/heads";
import { type Cell, makeCell } from "./line-table";
import { type Column, isTaskHeader, mapColumns } from "./table-columns";

/**
 * Tables that PDF extraction flattened to one cell fragment per line, with no separator
 * between cells ("STT", "Tên nhiệm vụ", "Cơ quan", "chủ trì", …, "1.", "Rà soát …",
 * "Bộ Tư pháp", …). Read as a clerk would: the header names the columns; a line holding
 * only the next number opens a row, a Roman numeral a group; inside a row a cell begins
 * with a capital letter after a line that did not leave a phrase open; cells are matched
 * to columns in order, a lead cell naming a unit and a time cell reading as a deadline;
 * an empty cell is skipped. A "-" line opens a sub-row with its own task and lead, whose
 * merged cells take the row's. The header repeated on each page is skipped; footnotes at
 * a page's foot are dropped.
 */

const HEAD_WORDS =
  /(?<=^|[\s/])(?:so tt|stt|tt|ten nhiem vu|noi dung|nhiem vu|co quan|don vi|ket qua|san pham|thoi gian|thoi han|tien do|cap phe duyet|can cu|nguon luc|ghi chu|nguoi thuc hien|kinh phi|phan cong)(?=$|[\s,/(])/g;
const REF_HEADER = /^(?:stt|tt|so tt)$/;
const MAX_HEADER_LINES = 24;
const MAX_HEADER_LINE = 45;

export interface FlatTable {
  rows: Cell[][];
  next: number;
}

const fold = (line: string) => foldText(line).replace(/[.:]+$/, "");

/**
 * The column names of a flattened header starting at `start`, and where its rows begin.
 * Header cells break anywhere ("Cơ" / "quan" / "phối hợp"), so the lines are joined and
 * cut before each word that opens a column name, unless a comma joins it to the name
 * before ("Nội dung, nhiệm vụ").
 */
function readHeader(lines: string[], start: number): { names: string[]; lines: string[]; end: number } | null {
  if (!REF_HEADER.test(fold(lines[start] ?? ""))) return null;
  const parts: string[] = [];
  let i = start;
  for (; i < lines.length && i - start < MAX_HEADER_LINES; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    if (i > start && (line.length > MAX_HEADER_LINE || isRowStart(line) || isGroupStart(line))) break;
    parts.push(fold(line));
  }
  const joined = parts.join(" ");
  const cuts = [...joined.matchAll(HEAD_WORDS)]
    .map((match) => match.index ?? 0)
    .filter((at) => at === 0 || !/,\s*$/.test(joined.slice(0, at)));
  const names = cuts.map((at, k) => joined.slice(at, cuts[k + 1] ?? joined.length).trim());
  if (names.length < 3) return null;
  const map = mapColumns(names.map((name) => makeCell([name])));
  if (!isTaskHeader(map) || map.ref !== 0) return null;
  return { names, lines: parts, end: i };
}

/** Where the header repeated at `start` (on a new page) ends, or -1 when it is not repeated there. */
function repeatedHeaderEnd(lines: string[], start: number, header: string[]): number {
  let k = 0;
  let i = start;
  for (; i < lines.length && k < header.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    if (fold(line) !== header[k]) return -1;
    k++;
  }
  return k === header.length ? i : -1;
}

const ROW_NUMBER = /^(\d{1,3})\s*[.)]?$/;
const GROUP = /^([IVXL]{1,5})\s*[.\-–)]?(?:\s+(\p{Lu}.*))?$/u;
const isRowStart = (line: string) => ROW_NUMBER.test(line.trim());
const isGroupStart = (line: string) => {
  const match = GROUP.exec(line.trim());
  return match !== null && /^(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(match[1] ?? "");
};
const isSubRow = (line: string) => /^[-–+]$/.test(line.trim());
// A footnote at a page's foot: "1 Nghị quyết số 12-NQ/TW …".
const FOOTNOTE = /^\d{1,2}\s\p{Lu}/u;
const TABLE_END = /^(?:nơi nhận|t\/m|tm\.|kt\.|phụ lục)\b/iu;

/** Splits a line where extraction left wide gaps between cells: "Quý IV/2028  10.  Xây dựng …". */
function splitGaps(line: string): string[] {
  return line
    .trim()
    .split(/\s{2,}(?=[\p{Lu}\d"“])/u)
    .flatMap(splitGluedTime)
    .filter((part) => part !== "");
}

// A time cell glued by one space to the end of the cell before it: "văn bản phối hợp Thường xuyên".
const GLUED_TIME =
  /^(.*\p{Ll}[.,;)]?)\s((?:Thường xuyên|Liên tục|Hằng năm|Hàng năm|Năm \d{4}|Quý [IV]{1,3}\/\d{4}|Tháng \d{1,2}\/\d{4})(?:\s*[-–]\s*\d{4})?\.?)$/u;

function splitGluedTime(part: string): string[] {
  const match = GLUED_TIME.exec(part);
  return match ? [match[1] ?? "", match[2] ?? ""] : [part];
}

interface RawRow {
  ref: string;
  lines: string[];
  subRows: string[][];
  group: boolean;
}

export function readFlatTable(source: string[], start: number): FlatTable | null {
  const header = readHeader(source, start);
  if (!header) return null;
  const columns = header.names.map((name) => columnOf(name));
  const raw: RawRow[] = [];
  let row: RawRow | null = null;
  let last = 0;
  let i = header.end;
  let afterBlank = false;
  for (; i < source.length; i++) {
    const text = (source[i] ?? "").trim();
    if (text === "") {
      afterBlank = true;
      continue;
    }
    if (TABLE_END.test(text)) break;
    if (fold(text) === header.lines[0]) {
      const end = repeatedHeaderEnd(source, i, header.lines);
      if (end >= 0) {
        i = end - 1;
        continue;
      }
      if (readHeader(source, i)) break;
    }
    if (afterBlank && FOOTNOTE.test(text)) {
      while (i + 1 < source.length && (source[i + 1] ?? "").trim() !== "") i++;
      continue;
    }
    afterBlank = false;
    for (const part of splitGaps(text)) {
      const number = ROW_NUMBER.exec(part);
      const value = Number(number?.[1]);
      // Numbering goes on across groups or restarts in each.
      if (number && (value === last + 1 || (value === 1 && last > 0))) {
        last = value;
        row = { ref: String(value), lines: [], subRows: [], group: false };
        raw.push(row);
        continue;
      }
      const group = GROUP.exec(part);
      if (group && isGroupStart(part) && (!row || row.lines.length > 0 || row.group)) {
        row = { ref: group[1] ?? "", lines: group[2] ? [group[2]] : [], subRows: [], group: true };
        raw.push(row);
        continue;
      }
      if (!row) continue;
      if (isSubRow(part) && !row.group) {
        row.subRows.push([]);
        continue;
      }
      const target = row.subRows[row.subRows.length - 1] ?? row.lines;
      target.push(part);
    }
  }
  const lengths = raw.flatMap((r) => r.lines.map((line) => line.length));
  const titleWidth = columnWidth(lengths);
  const widths = { title: titleWidth, narrowOthers: narrowOthers(lengths, titleWidth) };
  if (raw.every((r) => r.group)) return raw.length > 0 ? unnumberedTable(raw, header.names, columns, titleWidth, i) : null;
  const rows: Cell[][] = [header.names.map((name) => makeCell([name]))];
  for (const r of raw) {
    if (r.group) {
      rows.push(columns.map((column, c) => makeCell([column === "ref" ? r.ref : c === 1 ? r.lines.join(" ") : ""])));
      continue;
    }
    const cells = assignCells(r.lines, columns, widths);
    cells[0] = r.ref;
    if (r.subRows.length === 0) {
      rows.push(cells.map((text) => makeCell([text])));
      continue;
    }
    const subs = r.subRows.map((lines) => assignCells(lines, columns, widths));
    // Merged cells of sub-rows: each takes what the one above it (or the row) holds.
    let above = cells;
    subs.forEach((sub, k) => {
      columns.forEach((column, c) => {
        if (column !== "title" && column !== "lead" && (sub[c] ?? "") === "") sub[c] = above[c] ?? "";
      });
      sub[0] = `${r.ref}.${k + 1}`;
      above = sub;
    });
    columns.forEach((column, c) => {
      if (column === "lead" && (cells[c] ?? "") === "")
        cells[c] = subs
          .map((sub) => sub[c] ?? "")
          .filter((t) => t !== "")
          .join("; ");
      else if (column !== "title" && (cells[c] ?? "") === "") cells[c] = subs[0]?.[c] ?? "";
    });
    rows.push(cells.map((text) => makeCell([text])));
    for (const sub of subs) rows.push(sub.map((text) => makeCell([text])));
  }
  return { rows, next: i };
}

interface Widths {
  /** The task column's width, in characters. */
  title: number;
  /** Whether most lines are far narrower than the task column: its other columns are narrow ones. */
  narrowOthers: boolean;
}

function narrowOthers(lengths: number[], titleWidth: number): boolean {
  const sorted = [...lengths].sort((a, b) => a - b);
  return (sorted[Math.floor(sorted.length / 2)] ?? 0) <= NARROW_SHARE * titleWidth;
}

const NARROW_SHARE = 0.6;

/** The task column's width: the widest lines but a few (a stray long line, a note run across the page, is not the column). */
function columnWidth(lengths: number[]): number {
  const sorted = [...lengths].sort((a, b) => b - a);
  return sorted[Math.floor(sorted.length * WIDEST_SHARE)] ?? 0;
}

const WIDEST_SHARE = 0.05;

function columnOf(name: string): Column | "other" {
  const map = mapColumns([makeCell([name])]);
  return (Object.keys(map)[0] as Column | undefined) ?? "other";
}

// A line that ends like this leaves its phrase open: the next line goes on with it.
const OPEN_ENDING =
  /(?:[,(\-–/&]|(?:^|\s)(?:và|với|của|các|cho|trong|tại|theo|về|hoặc|là|để|đến|từ|ở|số|ngày|những|được|có|thuộc|trực))$/u;
// A time cell that is only a year or a span of years ("2026", "2026 - 2030") opens a cell though it has no capital.
const YEAR_CELL = /^(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\.?$/;
const YEAR_OPEN = /(?:^|\s)(?:năm|giai đoạn|khóa|khoá|nhiệm kỳ)$/iu;
const TITLE_CASE_WORD = /(?:^|\s)\p{Lu}\p{Ll}+$/u;

/** Lines of a row grouped into cells: a capital after a closed line opens the next cell. */
function segment(lines: string[]): string[][] {
  const segments: string[][] = [];
  for (const line of lines) {
    const current = segments[segments.length - 1];
    const previous = current?.[current.length - 1] ?? "";
    const opens =
      !current ||
      (YEAR_CELL.test(line) && !OPEN_ENDING.test(previous) && !YEAR_OPEN.test(previous)) ||
      (/^[\p{Lu}"“]/u.test(line) &&
        !OPEN_ENDING.test(previous) &&
        // "Bộ Công" / "Thương": a name cut after a capitalised word goes on in one or two capitalised words.
        !(TITLE_CASE_WORD.test(previous) && /^\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*)?[.,]?$/u.test(line)));
    if (opens) segments.push([line]);
    else current.push(line);
  }
  return segments;
}

const DEADLINE_START =
  /^(?:năm|quý|tháng|trước|trong|từ|hằng|hàng|thường xuyên|liên tục|định kỳ|giai đoạn|đã|sau|theo|kỳ họp|dự kiến|chậm nhất|hoàn thành|thực hiện|tiếp tục|đến|ngày|\d)/iu;

function looksLikeDeadline(text: string): boolean {
  if (text.length > 200 || !DEADLINE_START.test(text)) return false;
  return parseDeadline(text).kind !== "none" || /^(?:đã|theo|kỳ họp|sau)/iu.test(text);
}

/** How well a cell's text fits a column; the alignment maximises the sum. */
function cellFit(text: string, column: Column | "other"): number {
  const unit = startsWithUnitHead(text);
  switch (column) {
    case "lead":
      return unit ? 2 : -2;
    case "coop":
      return unit ? 1.5 : -1;
    case "deadline":
      return looksLikeDeadline(text) ? 3 : -3;
    default:
      return looksLikeDeadline(text) ? -1 : 0.5;
  }
}

const SKIP = -0.5;
const JOIN = 0.75;
const WIDE_CELL = 3;

/**
 * The row's cells by column (index 0, the ref, left empty): the first segment is the task
 * (segments that fit nothing better join it), the rest are aligned to the remaining
 * columns in order, skipping empty cells. Lines as wide as the task column that come after
 * the other cells are the end of the task, moved back to it.
 */
function assignCells(lines: string[], columns: (Column | "other")[], widths: Widths): string[] {
  const titleWidth = widths.title;
  const titleAt = columns.indexOf("title");
  const rest = columns.map((column, c) => ({ column, c })).filter(({ c }) => c > titleAt);
  const segments = segment(lines).map((seg) => seg);
  const tail: string[] = [];
  const wide = (line: string) => line.length >= titleWidth * 0.6;
  for (const seg of segments.slice(1)) {
    while (seg.length > 1 && wide(seg[seg.length - 1] ?? "") && !wide(seg[0] ?? "")) {
      tail.unshift(seg.pop() ?? "");
    }
    // After a page break the task's last lines may come before the end of another cell
    // ("Tháng 3/2027", the task's lines, "quan, tổ chức có"): a run of wide lines goes back too.
    if (seg.length > 2 && !wide(seg[0] ?? "")) {
      const from = seg.findIndex((line, k) => k > 0 && wide(line));
      let to = from;
      while (from > 0 && to < seg.length && wide(seg[to] ?? "")) to++;
      if (from > 0 && to - from >= 2) tail.push(...seg.splice(from, to - from));
    }
  }
  const texts = segments.map((seg) => seg.join(" "));
  // Where the other columns are narrow, a segment that opens with a line as wide as the task column goes on with the task.
  const opensWide = segments.map((seg) => widths.narrowOthers && wide(seg[0] ?? ""));
  const fitOf = (j: number, e: number, column: Column | "other") =>
    cellFit(texts.slice(j, e).join(" "), column) - (opensWide[j] ? WIDE_CELL : 0);
  const n = texts.length;
  const m = rest.length;
  // best[j][k]: best score placing segments j.. into columns k.. ; the title takes segments 0..t-1.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Number.NEGATIVE_INFINITY));
  const choice: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let k = m; k >= 0; k--) best[n]![k] = (m - k) * SKIP;
  // A cell may take several segments (a name cut where a line began with a capital:
  // "Thủ tướng" / "Chính phủ"), at the same cost per extra segment as the title.
  for (let j = n - 1; j >= 1; j--) {
    for (let k = m - 1; k >= 0; k--) {
      let top = SKIP + (best[j]?.[k + 1] ?? Number.NEGATIVE_INFINITY);
      let end = 0;
      for (let e = j + 1; e <= n; e++) {
        const place =
          fitOf(j, e, rest[k]?.column ?? "other") - (e - j - 1) * JOIN + (best[e]?.[k + 1] ?? Number.NEGATIVE_INFINITY);
        if (place > top) {
          top = place;
          end = e;
        }
      }
      best[j]![k] = top;
      choice[j]![k] = end;
    }
  }
  // How many leading segments the title takes: joining the title costs a little per segment.
  let titleEnd = 1;
  let top = Number.NEGATIVE_INFINITY;
  for (let t = 1; t <= n; t++) {
    const score = (best[t]?.[0] ?? Number.NEGATIVE_INFINITY) - (t - 1) * JOIN;
    if (score > top) {
      top = score;
      titleEnd = t;
    }
  }
  const cells = columns.map(() => "");
  cells[titleAt] = [...texts.slice(0, titleEnd), ...tail].join(" ");
  let k = 0;
  for (let j = titleEnd; j < n && k < m; ) {
    const end = choice[j]?.[k] ?? 0;
    if (end > j) {
      const at = rest[k]?.c ?? 0;
      cells[at] = texts.slice(j, end).join(" ");
      j = end;
    }
    k++;
  }
  return cells;
}

const WIDE = 0.6;

/**
 * Where a group's first task begins: its first line after the name as wide as the task column, or sooner, a
 * line opening with a capital after the group's name ("Quốc phòng - an ninh" / "Nghị" / "quyết"
 * / "về …": the task's words one to a line). The name goes on over a lower-case line or after
 * a line left open ("Lĩnh vực Văn hoá -" / "Xã hội").
 */
function taskStart(lines: string[], width: number): number {
  // The name itself may be as wide as a task line: the search for a wide line starts after it.
  const wideAt = lines.findIndex((line, i) => i > 0 && line.length >= width * WIDE);
  const end = wideAt < 0 ? lines.length : wideAt;
  for (let i = 1; i < end; i++) {
    const previous = (lines[i - 1] ?? "").trimEnd();
    if (/^\p{Lu}/u.test(lines[i] ?? "") && !/(?:[-–,/&]|\svà)$/u.test(previous)) return i;
  }
  return wideAt;
}

/**
 * A table whose rows carry no number (only its groups do): within each group, a row starts
 * with a line as wide as the task column once the row before has its other cells; the
 * group's own name is its lines before the first wide one. Time cells read as deadlines
 * give the deadline (the first, when the table has one per body it goes to); the other
 * cells name the lead, and a row without one keeps the lead of the row above (a merged cell).
 */
function unnumberedTable(raw: RawRow[], names: string[], columns: (Column | "other")[], width: number, next: number): FlatTable {
  const rows: Cell[][] = [names.map((name) => makeCell([name]))];
  const at = (column: Column) => columns.indexOf(column);
  let lead = "";
  for (const group of raw) {
    const wideAt = taskStart(group.lines, width);
    const nameLines = wideAt < 0 ? group.lines : group.lines.slice(0, wideAt);
    rows.push(columns.map((column) => makeCell([column === "ref" ? group.ref : column === "title" ? nameLines.join(" ") : ""])));
    if (wideAt < 0) continue;
    const tasks: string[][][] = [];
    for (const seg of segment(group.lines.slice(wideAt))) {
      const current = tasks[tasks.length - 1];
      const wide = (seg[0] ?? "").length >= width * WIDE;
      if (!current || (wide && current.length > 1)) tasks.push([seg]);
      else if (wide && current.length === 1) current[0]?.push(...seg);
      else current.push(seg);
    }
    tasks.forEach((task, k) => {
      const cells = columns.map(() => "");
      cells[at("ref")] = `${group.ref}.${k + 1}`;
      cells[at("title")] = (task[0] ?? []).join(" ");
      const others = task.slice(1).map((seg) => seg.join(" "));
      const deadline = others.find(looksLikeDeadline) ?? "";
      const named = others.filter((text) => !looksLikeDeadline(text)).join(" ");
      if (named !== "") lead = named;
      if (at("deadline") >= 0) cells[at("deadline")] = deadline;
      if (at("lead") >= 0) cells[at("lead")] = lead;
      rows.push(cells.map((text) => makeCell([text])));
    });
  }
  return { rows, next };
}
