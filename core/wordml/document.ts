import { escapeXml } from "../xlsx";
import type { Block, Para, Run, Table, TableCell } from "./blocks";

/**
 * WordprocessingML for the body: each block becomes its XML as it is read, so
 * a long table streams into the zip without being held whole.
 */
export interface PageSetup {
  /** Twips; A4 is 11906 × 16838. */
  width: number;
  height: number;
  margins: { top: number; bottom: number; left: number; right: number };
}

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export async function* documentXml(
  blocks: Iterable<Block> | AsyncIterable<Block>,
  page: PageSetup,
  /** The relationship id of a header with the page number, shown from the second page. */
  pageNumberHeader?: string,
): AsyncGenerator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>`;
  for await (const block of blocks) {
    if ("para" in block) yield paraXml(block.para);
    else yield* tableXml(block.table);
  }
  const m = page.margins;
  const header = pageNumberHeader ? `<w:headerReference w:type="default" r:id="${pageNumberHeader}"/>` : "";
  yield `<w:sectPr>${header}<w:pgSz w:w="${page.width}" w:h="${page.height}"/><w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="567" w:footer="567" w:gutter="0"/>${pageNumberHeader ? "<w:titlePg/>" : ""}</w:sectPr>`;
  yield "</w:body></w:document>";
}

export function paraXml(p: Para): string {
  let props = "";
  if (p.keepNext) props += "<w:keepNext/>";
  if (p.before !== undefined || p.after !== undefined)
    props += `<w:spacing w:before="${p.before ?? 0}" w:after="${p.after ?? 0}"/>`;
  if (p.firstLine) props += `<w:ind w:firstLine="${p.firstLine}"/>`;
  if (p.align) props += `<w:jc w:val="${p.align}"/>`;
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${p.runs.map(runXml).join("")}</w:p>`;
}

function runXml(r: Run): string {
  let props = "";
  if (r.bold) props += "<w:b/><w:bCs/>";
  if (r.italic) props += "<w:i/><w:iCs/>";
  // The schema orders run properties: size before underline.
  if (r.size) props += `<w:sz w:val="${Math.round(r.size * 2)}"/><w:szCs w:val="${Math.round(r.size * 2)}"/>`;
  if (r.underline) props += '<w:u w:val="single"/>';
  // A line break inside a run is a <w:br/>; tabs are text here.
  const text = r.text
    .split("\n")
    .map((line) => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`)
    .join("<w:br/>");
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}${text}</w:r>`;
}

async function* tableXml(t: Table): AsyncGenerator<string> {
  const width = t.widths.reduce((a, b) => a + b, 0);
  const border = t.borders ? "single" : "nil";
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((side) => `<w:${side} w:val="${border}"${t.borders ? ' w:sz="4" w:space="0" w:color="000000"' : ""}/>`)
    .join("");
  yield `<w:tbl><w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>`;
  yield '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>';
  yield `<w:tblGrid>${t.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  let rows = 0;
  for await (const row of t.rows) {
    rows++;
    let column = 0;
    const cells = row.cells.map((cell) => {
      const span = cell.span ?? 1;
      const w = t.widths.slice(column, column + span).reduce((a, b) => a + b, 0);
      column += span;
      return cellXml(cell, w, span);
    });
    yield `<w:tr>${row.header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${cells.join("")}</w:tr>`;
  }
  // A table needs at least one row to be valid.
  if (rows === 0) yield `<w:tr>${cellXml({ paras: [] }, width, t.widths.length)}</w:tr>`;
  yield "</w:tbl>";
}

function cellXml(cell: TableCell, width: number, span: number): string {
  const props = `<w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}`;
  // A cell must end with a paragraph.
  const paras = cell.paras.length > 0 ? cell.paras : [{ runs: [] }];
  return `<w:tc><w:tcPr>${props}</w:tcPr>${paras.map(paraXml).join("")}</w:tc>`;
}

/** A header holding the page number, centred (the decree: in the top margin, from the second page). */
export const pageNumberHeaderXml =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${W_NS}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>';
