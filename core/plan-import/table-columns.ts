import { foldText } from "../text/fold";
import type { Cell } from "./line-table";

export type Column = "ref" | "title" | "lead" | "coop" | "deadline" | "result";

// Checked in order: "Thời gian thực hiện" is a deadline before "thực hiện" makes it a lead.
const HEADER_RULES: [Column, RegExp][] = [
  ["ref", /^(?:s?tt|so tt|so thu tu)$/],
  ["deadline", /\b(?:thoi gian|thoi han|tien do)\b/],
  ["coop", /\bphoi hop\b/],
  // "Người thực hiện", "Bộ phận phụ trách", "Đơn vị chịu trách nhiệm": a person or part of an office may lead.
  [
    "lead",
    /\b(?:chu tri|(?:co quan|don vi|nguoi|bo phan) (?:thuc hien|phu trach|chiu trach nhiem)|phu trach|trach nhiem thuc hien)\b/,
  ],
  ["result", /\b(?:ket qua|san pham)\b/],
  ["title", /\b(?:nhiem vu|noi dung|giai phap|cong viec)\b/],
];

export type ColumnMap = Partial<Record<Column, number>>;

/** Which column holds what, from a header row; columns not recognised are left out. */
export function mapColumns(row: Cell[]): ColumnMap {
  const map: ColumnMap = {};
  row.forEach((cell, index) => {
    const folded = foldText(cell.text).replace(/[.:]+$/, "");
    const column = HEADER_RULES.find(([, pattern]) => pattern.test(folded))?.[0];
    if (column && map[column] === undefined) map[column] = index;
  });
  return map;
}

/** A task table names at least the task and who leads it or when it is due. */
export function isTaskHeader(map: ColumnMap): boolean {
  return map.title !== undefined && (map.lead !== undefined || map.deadline !== undefined);
}

export const HEADER_SEARCH_ROWS = 3;

/** Index of the header row among the first rows, or -1 when the table lists no tasks. */
export function findTaskHeader(rows: Cell[][]): number {
  return rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => isTaskHeader(mapColumns(row)));
}

export function hasTaskHeader(rows: Cell[][]): boolean {
  return findTaskHeader(rows) >= 0;
}
