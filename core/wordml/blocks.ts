/**
 * What a Word document is made of, as this writer knows it: paragraphs of
 * runs, and tables of paragraphs. Lengths are in twentieths of a point
 * (twips, Word's unit: 1 cm = 567), font sizes in points.
 */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Points; the document's size when absent. */
  size?: number;
}

export interface Para {
  runs: Run[];
  align?: "left" | "center" | "right" | "both";
  /** First-line indent, twips. */
  firstLine?: number;
  /** Space before and after, twips. */
  before?: number;
  after?: number;
  /** Keep with the next paragraph (a heading with its text). */
  keepNext?: boolean;
}

export interface TableCell {
  paras: Para[];
  /** Columns this cell spans. */
  span?: number;
}

export interface TableRow {
  cells: TableCell[];
  /** Repeated at the top of every page the table runs onto. */
  header?: boolean;
}

export interface Table {
  /** Column widths, twips. */
  widths: number[];
  rows: Iterable<TableRow> | AsyncIterable<TableRow>;
  /** Grid lines; false for layout tables (a heading block, a signature block). */
  borders: boolean;
}

export type Block = { para: Para } | { table: Table };

export const twipsPerMm = 1440 / 25.4;

export function mm(value: number): number {
  return Math.round(value * twipsPerMm);
}

/** A paragraph of one run: the common case. */
export function para(text: string, style: Omit<Run, "text"> & Omit<Para, "runs"> = {}): Para {
  const { bold, italic, underline, size, ...layout } = style;
  return { runs: [{ text, bold, italic, underline, size }], ...layout };
}
