import type { Cell } from "./line-table";
import type { ColumnMap } from "./table-columns";

// "-" (or "+", "•") in the number column: a part of the numbered row above, with its own task and lead.
const SUB_ROW_MARK = /^[-–+•]$/;

/**
 * Sub-rows as a table draws them: a cell merged down several sub-rows (the co-operating units,
 * the deadline) is drawn once, in the first of them. Each sub-row takes, for an empty cell other
 * than its task and lead, what the row above it holds, and is numbered after its row ("4.1");
 * a numbered row whose own cells are empty takes its sub-rows' leads together and the first
 * sub-row's other cells. Rows are returned as new arrays; the table is not changed.
 */
export function fillSubRows(rows: Cell[][], columns: ColumnMap): Cell[][] {
  const refAt = columns.ref;
  if (refAt === undefined) return rows;
  const own = new Set([refAt, columns.title, columns.lead]);
  const out = rows.map((row) => [...row]);
  for (let i = 0; i < out.length; i++) {
    const parent = out[i]!;
    const number = parent[refAt]?.text ?? "";
    if (number === "" || SUB_ROW_MARK.test(number)) continue;
    let end = i + 1;
    while (end < out.length && SUB_ROW_MARK.test(out[end]![refAt]?.text ?? "")) end++;
    if (end === i + 1) continue;
    const subs = out.slice(i + 1, end);
    let above = parent;
    subs.forEach((sub, k) => {
      sub.forEach((cell, c) => {
        if (c === refAt) sub[c] = withText(cell, `${number.replace(/\.$/, "")}.${k + 1}`);
        else if (!own.has(c) && cell.text === "") sub[c] = withText(cell, above[c]?.text ?? "");
      });
      above = sub;
    });
    parent.forEach((cell, c) => {
      if (cell.text !== "" || c === refAt || c === columns.title) return;
      const text =
        c === columns.lead
          ? subs
              .map((sub) => sub[c]?.text ?? "")
              .filter((t) => t !== "")
              .join("; ")
          : (subs[0]?.[c]?.text ?? "");
      parent[c] = withText(cell, text);
    });
    i = end - 1;
  }
  return out;
}

const withText = (cell: Cell, text: string): Cell => ({ ...cell, text, raw: [text] });
