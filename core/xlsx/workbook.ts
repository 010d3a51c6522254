import { columnName, escapeXml } from "./xml";
import { writeZip, type ZipEntry, type ZipOptions } from "./zip";

/**
 * Minimal SpreadsheetML (Office Open XML) for reports: text, numbers and
 * dates; a bold shaded header row that stays frozen while scrolling, with an
 * autofilter; fixed column widths. Strings are written inline (no shared
 * string table), so each sheet streams straight into the zip. Opens in
 * Excel, LibreOffice and Google Sheets.
 */

/** A calendar date (ISO yyyy-mm-dd), stored as an Excel date and shown as dd/mm/yyyy. */
export interface DateCell {
  date: string;
}

export type Cell = string | number | DateCell | null;

export interface Column {
  header: string;
  /** In characters of the default font, as Excel measures it. */
  width: number;
}

export interface Sheet {
  name: string;
  columns: Column[];
  /** Rows after the header; an async source is read as the sheet is written, so a large sheet is never held whole. */
  rows: Iterable<Cell[]> | AsyncIterable<Cell[]>;
  /**
   * Written after the other sheets, while keeping its place among the tabs:
   * for a summary whose rows are counted while the detail sheets stream.
   */
  deferred?: boolean;
}

/** Excel's limit for the text of one cell. */
const MAX_CELL_CHARS = 32_767;

const STYLE = { normal: 0, header: 1, date: 2 } as const;

export async function buildWorkbook(sheets: Sheet[], options: ZipOptions = {}): Promise<Uint8Array> {
  if (sheets.length === 0) throw new Error("a workbook needs at least one sheet");
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  const rowCounts: number[] = [];

  const order = sheets
    .map((_, i) => i)
    .sort((a, b) => Number(sheets[a]!.deferred ?? false) - Number(sheets[b]!.deferred ?? false));

  function* parts(): Generator<ZipEntry> {
    yield { name: "[Content_Types].xml", content: [contentTypes(sheets.length)] };
    yield { name: "_rels/.rels", content: [rootRels] };
    yield { name: "xl/styles.xml", content: [styles] };
    for (const i of order) {
      yield { name: `xl/worksheets/sheet${i + 1}.xml`, content: worksheet(sheets[i]!, (n) => (rowCounts[i] = n)) };
    }
    // After the sheets: the autofilter ranges need their row counts.
    yield {
      name: "xl/workbook.xml",
      content: [
        workbookXml(
          names,
          sheets.map((s) => s.columns.length),
          rowCounts,
        ),
      ],
    };
    yield { name: "xl/_rels/workbook.xml.rels", content: [workbookRels(sheets.length)] };
  }
  return writeZip(parts(), options);
}

async function* worksheet(sheet: Sheet, done: (rows: number) => void): AsyncGenerator<string> {
  const width = sheet.columns.length;
  const last = columnName(Math.max(1, width));
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  yield '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
  yield '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>';
  yield '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';
  yield '<sheetFormatPr defaultRowHeight="15"/><cols>';
  yield sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("");
  yield "</cols><sheetData>";
  yield row(
    1,
    sheet.columns.map((c) => c.header),
    STYLE.header,
  );
  let n = 1;
  for await (const cells of sheet.rows) yield row(++n, cells.slice(0, width), STYLE.normal);
  yield "</sheetData>";
  yield `<autoFilter ref="A1:${last}${n}"/>`;
  yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  yield '<pageSetup paperSize="9" orientation="landscape"/>';
  yield "</worksheet>";
  done(n);
}

function row(r: number, cells: Cell[], style: number): string {
  let xml = `<row r="${r}">`;
  cells.forEach((cell, i) => {
    const ref = `${columnName(i + 1)}${r}`;
    const s = style === STYLE.normal ? "" : ` s="${style}"`;
    if (cell === null || cell === "") {
      if (style !== STYLE.normal) xml += `<c r="${ref}"${s}/>`;
    } else if (typeof cell === "number") {
      if (Number.isFinite(cell)) xml += `<c r="${ref}"${s}><v>${cell}</v></c>`;
    } else if (typeof cell === "string") {
      const text = escapeXml(cell.length > MAX_CELL_CHARS ? cell.slice(0, MAX_CELL_CHARS) : cell);
      xml += `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
    } else {
      const serial = excelSerial(cell.date);
      if (serial !== null) xml += `<c r="${ref}" s="${STYLE.date}"><v>${serial}</v></c>`;
    }
  });
  return `${xml}</row>`;
}

/** Days since 1899-12-30, Excel's day zero (it counts the non-existent 29/02/1900, which this epoch absorbs). */
export function excelSerial(isoDate: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.slice(0, 10));
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Excel: at most 31 characters, none of : \ / ? * [ ], not quoted, unique ignoring case. */
export function uniqueSheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    const base =
      raw
        .replace(/[:\\/?*[\]]/g, " ")
        .replace(/^'+|'+$/g, "")
        .replace(/\s+/g, " ")
        .trim() || `Sheet${i + 1}`;
    let name = base.slice(0, 31).trim();
    for (let k = 2; used.has(name.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      name = base.slice(0, 31 - suffix.length).trim() + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    `${sheets}</Types>`
  );
}

const rootRels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  "</Relationships>";

function workbookXml(names: string[], widths: number[], rowCounts: number[]): string {
  const sheets = names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  // Excel keeps each sheet's autofilter range in a hidden defined name.
  const filters = names
    .map((name, i) => {
      const ref = `'${escapeXml(name.replace(/'/g, "''"))}'!$A$1:$${columnName(Math.max(1, widths[i]!))}$${rowCounts[i] ?? 1}`;
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${ref}</definedName>`;
    })
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${sheets}</sheets><definedNames>${filters}</definedNames></workbook>`
  );
}

function workbookRels(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `${sheets}<Relationship Id="rId${sheetCount + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    "</Relationships>"
  );
}

/** Style 0 normal, 1 header (bold, shaded, bordered, wrapped), 2 date as dd/mm/yyyy. */
const styles =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>' +
  '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">' +
  '<alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";
