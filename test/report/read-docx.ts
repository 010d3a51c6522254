import { readDocx } from "../../core/docx";
import { readZipEntry, zipEntries } from "../../core/docx/zip";

export interface ReadBack {
  /** The document's text, as the importer reads a .docx (paragraphs on lines). */
  text: string;
  /** Every table: rows of cell texts. */
  tables: string[][][];
  /** Raw parts, for layout checks. */
  parts: Map<string, string>;
}

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) =>
      [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)].map((t) => (t[1] === undefined ? "\n" : decode(t[1]))).join(""),
    )
    .join("\n");
}

/** Reads a produced .docx back: its text through the project's own reader, its tables from document.xml. */
export async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const read = await readDocx(bytes);
  if (!read.ok) throw new Error(`the .docx does not read back: ${read.problem}`);
  const entries = zipEntries(bytes);
  if (!entries.ok) throw new Error("not a zip");
  const parts = new Map<string, string>();
  for (const [name, entry] of entries.value) {
    const body = await readZipEntry(bytes, entry, 64 * 1024 * 1024);
    if (!body.ok) throw new Error(`${name}: ${body.problem}`);
    parts.set(name, new TextDecoder().decode(body.value));
  }
  const document = parts.get("word/document.xml") ?? "";
  const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])),
    ),
  );
  return { text: read.text, tables, parts };
}

/** The table whose header row starts with these cells. */
export function tableHeaded(tables: string[][][], ...header: string[]): string[][] {
  const table = tables.find((t) => header.every((h, i) => t[0]?.[i] === h));
  if (!table) throw new Error(`no table headed ${header.join(" | ")}`);
  return table;
}
