import { splitUnitList } from "../units/split";
import type { Cell } from "./blocks";
import { shorten, trimPunctuation } from "./clean";
import type { PlacedTable } from "./outline";
import { fillSubRows } from "./sub-rows";
import { type ColumnMap, findTaskHeader, mapColumns } from "./table-columns";
import { sectionLabel } from "./task-parts";
import type { TaskDraft } from "./types";

const ROMAN = /^[IVXL]+$/;
const LETTER = /^(?![IVXL]$)[A-Z]$/;

/**
 * Tasks from tables with a TT / task / lead / co-operating / deadline header. Rows whose
 * TT is a Roman numeral or a letter, or whose every filled cell is bold, are group headers:
 * they name the section of the rows under them. A repeated header row is skipped.
 * Lettered parts (A, B, C) prefix the refs, since their TT numbering restarts.
 */
export function tableTasks(tables: PlacedTable[], warnings: string[]): TaskDraft[] {
  const drafts: TaskDraft[] = [];
  // Co-operating cells repeat row after row ("Các sở, ban, ngành; UBND các phường, xã").
  const unitLists = new Map<string, string[]>();
  const unitsIn = (text: string) => {
    let names = unitLists.get(text);
    if (!names) {
      names = splitUnitList(text);
      unitLists.set(text, names);
    }
    return [...names];
  };
  for (const table of tables) {
    const headerAt = findTaskHeader(table.rows);
    if (headerAt < 0) continue;
    const columns = mapColumns(table.rows[headerAt] ?? []);
    let part = "";
    let section = sectionLabel(table.within);
    let ordinal = 0;
    fillSubRows(table.rows.slice(headerAt + 1), columns).forEach((row, index) => {
      if (isRepeatedHeader(row)) return;
      const ref = trimPunctuation(cellText(row, columns.ref));
      const filled = row.filter((cell) => cell.text !== "");
      if (filled.length === 0) return;
      if (ROMAN.test(ref) || LETTER.test(ref) || filled.every((cell) => cell.bold)) {
        const others = filled.filter((cell) => cell !== row[columns.ref ?? -1]);
        const title = others[0]?.text ?? "";
        if (LETTER.test(ref)) part = ref;
        section = title ? `${ref}. ${title}` : ref;
        for (const extra of others.slice(1)) {
          warnings.push(`Dòng nhóm ${ref} có nội dung ngoài tên nhóm: "${shorten(extra.text)}"`);
        }
        return;
      }
      ordinal++;
      // Without a TT the row's position stands in; a TT column left empty is reported.
      const number = ref || `#${ordinal}`;
      if (ref === "" && columns.ref !== undefined) {
        warnings.push(`Dòng "${shorten(cellText(row, columns.title))}" không có số thứ tự`);
      }
      const fullRef = part ? `${part}.${number}` : number;
      drafts.push({
        ref: fullRef,
        title: trimPunctuation(cellText(row, columns.title)),
        lead: unitsIn(cellText(row, columns.lead)),
        coop: unitsIn(cellText(row, columns.coop)),
        deadlineText: cellText(row, columns.deadline) || null,
        section,
        order: table.order + (index + 1) / 100000,
      });
    });
  }
  return drafts;
}

const MAX_HEADER_CELL = 40;

function isRepeatedHeader(row: Cell[]): boolean {
  if (row.some((cell) => cell.text.length > MAX_HEADER_CELL)) return false;
  return Object.keys(mapColumns(row)).length >= 3;
}

function cellText(row: Cell[], column: ColumnMap[keyof ColumnMap]): string {
  return column === undefined ? "" : (row[column]?.text ?? "");
}
