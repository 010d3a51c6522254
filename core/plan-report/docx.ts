/**
 * The report as a .docx laid out as the decree and the party's guidance
 * ask: A4, Times New Roman 14, margins top and bottom 20 mm, left 30 mm,
 * right 15 mm; page numbers centred at the top from the second page; the heading block as a two-column table without lines;
 * sections justified with a first-line indent; Nơi nhận beside the signature.
 */
import { A4, buildDocx, mm, para, type Block, type Para, type TableRow } from "../wordml";
import type { Item, Line, ReportDoc } from "./content";

const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
const INDENT = mm(10);

export function reportDocx(doc: ReportDoc, options: { modified?: Date; title?: string } = {}): Promise<Uint8Array> {
  return buildDocx(blocks(doc), {
    page: { ...A4, margins: MARGINS },
    font: "Times New Roman",
    size: 14,
    lang: "vi-VN",
    pageNumbers: true,
    modified: options.modified,
    title: options.title,
  });
}

function* blocks(doc: ReportDoc): Generator<Block> {
  const left = Math.round(TEXT_WIDTH * 0.41);
  yield {
    table: {
      widths: [left, TEXT_WIDTH - left],
      borders: false,
      rows: [
        { cells: [{ paras: doc.heading.left.map((l) => line(l, 12)) }, { paras: doc.heading.right.map((l) => line(l, 13)) }] },
      ],
    },
  };
  yield { para: para("", { after: 0 }) };
  for (const [i, text] of doc.title.entries())
    yield {
      para: para(text, { bold: i < 3, italic: i === 3, align: "center", size: i === 0 ? 15 : 14, after: 0, keepNext: true }),
    };
  yield { para: para("", { after: 0 }) };
  for (const section of doc.sections) {
    yield { para: para(section.heading, { bold: true, keepNext: true, firstLine: INDENT, before: 120, after: 60 }) };
    for (const item of section.items) yield* itemBlocks(item);
  }
  const half = Math.round(TEXT_WIDTH / 2);
  yield { para: para("", { after: 0 }) };
  yield {
    table: {
      widths: [half, TEXT_WIDTH - half],
      borders: false,
      rows: [
        {
          cells: [
            {
              paras: [
                para("Nơi nhận:", { bold: true, italic: true, size: 12, after: 0 }),
                ...doc.closing.recipients.map((r) => para(r, { size: 11, after: 0 })),
              ],
            },
            { paras: doc.closing.signer.map((l) => line(l, 14)) },
          ],
        },
      ],
    },
  };
}

function line(l: Line, size: number): Para {
  return para(l.text, {
    bold: l.bold,
    italic: l.italic,
    underline: l.underline,
    size: l.size ?? size,
    align: "center",
    after: 0,
  });
}

function* itemBlocks(item: Item): Generator<Block> {
  if (item.kind === "para") {
    yield {
      para: para(item.text, { bold: item.bold, italic: item.italic, align: "both", firstLine: INDENT, keepNext: item.bold }),
    };
    return;
  }
  const total = item.columns.reduce((n, c) => n + c.width, 0);
  const widths = item.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, bold = false) => ({
    paras: [para(text, { size: 12, bold, after: 0, align: item.columns[i]?.numeric ? "center" : "left" })],
  });
  const rows: TableRow[] = [
    {
      header: true,
      cells: item.columns.map((c) => ({ paras: [para(c.header, { size: 12, bold: true, align: "center", after: 0 })] })),
    },
    ...item.rows.map((r) => ({ cells: r.map((text, i) => cell(text, i)) })),
    ...(item.totalRow ? [{ cells: item.totalRow.map((text, i) => cell(text, i, true)) }] : []),
  ];
  yield { table: { widths, borders: true, rows } };
  yield { para: para("", { after: 0, size: 6 }) };
}
