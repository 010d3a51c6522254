import { splitBlocks } from "../../core/plan-import/blocks";
import { crc32 } from "../../core/xlsx/crc32";

/**
 * Builds small .docx files in tests, so no binary fixture is needed: a zip
 * writer that can also make broken archives (deflate by CompressionStream,
 * CRC-32 so Word would open it too) and
 * WordprocessingML for paragraphs, numbered lists and tables.
 */

export interface ZipFile {
  name: string;
  data: string | Uint8Array;
  /** Store instead of deflate. */
  stored?: boolean;
  /** `data` is already a raw deflate stream (a hand-made bomb); the directory claims `claimedSize`. */
  deflated?: { claimedSize: number };
}

export async function buildZip(
  files: ZipFile[],
  options: { encrypt?: boolean; understateSizes?: boolean } = {},
): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    const raw = typeof file.data === "string" ? encoder.encode(file.data) : file.data;
    const body = file.stored || file.deflated ? raw : await deflateRaw(raw);
    const name = encoder.encode(file.name);
    const crc = crc32(raw);
    const flags = 0x800 | (options.encrypt ? 1 : 0);
    const method = file.stored ? 0 : 8;

    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, file.deflated ? file.deflated.claimedSize : raw.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    locals.push(local, body);

    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    // A zip bomb claims a small size in its directory; the reader must not trust it.
    cv.setUint32(
      24,
      file.deflated ? file.deflated.claimedSize : options.understateSizes ? Math.min(raw.length, 100) : raw.length,
      true,
    );
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

export async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data.slice()]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A raw deflate stream that inflates to about `inflatedBytes` spaces from ~1/159 of that:
 * one fixed-Huffman block, a literal then <length 258, distance 1> repeated. Made by hand
 * so a test can hold a 1 MB bomb without first building (and compressing) 160 MB.
 */
export function deflateBomb(inflatedBytes: number): Uint8Array {
  const repeats = Math.ceil(inflatedBytes / 258);
  const out = new Uint8Array(Math.ceil((3 + 8 + repeats * 13 + 7) / 8) + 1);
  let bit = 0;
  const bits = (value: number, count: number) => {
    // Header fields go least significant bit first.
    for (let i = 0; i < count; i++, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  const code = (value: number, count: number) => {
    // Huffman codes go most significant bit first.
    for (let i = count - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  bits(1, 1); // final block
  bits(1, 2); // fixed Huffman codes
  code(0x30 + 0x20, 8); // literal " "
  for (let i = 0; i < repeats; i++) {
    code(0b11000101, 8); // length 258 (code 285)
    code(0, 5); // distance 1
  }
  code(0, 7); // end of block
  return out.slice(0, Math.ceil(bit / 8));
}

/**
 * A raw deflate stream near deflate's densest (~1030×): one dynamic-Huffman block whose
 * codes give <length 258> one bit and <distance 1> one bit, so every two bits of input
 * write 258 spaces. About 1 MB inflates to 1 GB: the red team's bomb (issue 18, item 2).
 */
export function denseDeflateBomb(inflatedBytes: number): Uint8Array {
  const repeats = Math.ceil(inflatedBytes / 258);
  const out = new Uint8Array(Math.ceil((200 + repeats * 2) / 8) + 2);
  let bit = 0;
  const bits = (value: number, count: number) => {
    for (let i = 0; i < count; i++, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  const code = (value: number, count: number) => {
    for (let i = count - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  bits(1, 1); // final block
  bits(2, 2); // dynamic Huffman codes
  bits(286 - 257, 5); // literal/length codes: up to 285
  bits(0, 5); // one distance code
  bits(18 - 4, 4); // code-length codes listed, in the RFC's order, up to symbol 1
  // Code-length code lengths in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1: 18 gets 1 bit, 2 and 1 get 2.
  for (const length of [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2]) bits(length, 3);
  // Canonical codes of that alphabet: 18 → 0, 1 → 10, 2 → 11.
  const zeros = (n: number) => {
    for (let left = n; left > 0; ) {
      const run = Math.min(138, left);
      code(0, 1);
      bits(run - 11, 7);
      left -= run;
    }
  };
  const length = (value: 1 | 2) => code(value === 1 ? 0b10 : 0b11, 2);
  zeros(32);
  length(2); // " " (32)
  zeros(223);
  length(2); // end of block (256)
  zeros(28);
  length(1); // length 258 (285)
  length(1); // distance code 0 (distance 1)
  // Literal/length codes: 285 → 0, 32 → 10, 256 → 11; the distance code → 0.
  code(0b10, 2);
  bit += repeats * 2; // each <258, 1> is two zero bits
  code(0b11, 2);
  return out.slice(0, Math.ceil(bit / 8));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// ------------------------------------------------------------- WordprocessingML

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A run; `bold` adds <w:b/>. Leading/trailing spaces are preserved. */
export const run = (text: string, bold = false) =>
  `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

/** A paragraph from runs (strings are plain runs), optionally in a numbered list. */
export const paragraph = (runs: string | string[], list?: { numId: number; level?: number }) => {
  const body = (Array.isArray(runs) ? runs : [run(runs)]).map((r) => (r.startsWith("<") ? r : run(r))).join("");
  const numPr = list
    ? `<w:pPr><w:numPr><w:ilvl w:val="${list.level ?? 0}"/><w:numId w:val="${list.numId}"/></w:numPr></w:pPr>`
    : "";
  return `<w:p>${numPr}${body}</w:p>`;
};

/** A table; a cell is text, or { text, span } for a horizontal merge, or { text, merge } for a vertical one. */
export type CellSpec = string | { text: string; span?: number; merge?: "restart" | "continue"; bold?: boolean };

export const table = (rows: CellSpec[][]) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>${rows
    .map(
      (row) =>
        `<w:tr>${row
          .map((cell) => {
            const spec = typeof cell === "string" ? { text: cell } : cell;
            const props = [
              spec.span ? `<w:gridSpan w:val="${spec.span}"/>` : "",
              spec.merge === "restart" ? '<w:vMerge w:val="restart"/>' : spec.merge === "continue" ? "<w:vMerge/>" : "",
            ].join("");
            const paragraphs = spec.text.split("\n").map((line) => paragraph([run(line, spec.bold)]));
            return `<w:tc><w:tcPr><w:tcW w:w="100" w:type="dxa"/>${props}</w:tcPr>${paragraphs.join("")}</w:tc>`;
          })
          .join("")}</w:tr>`,
    )
    .join("")}</w:tbl>`;

export const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;

/** numbering.xml with one list per entry: each level's format and text ("upperRoman", "%1."). */
export const numberingXml = (lists: { numId: number; levels: { format: string; text: string; start?: number }[] }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${lists
    .map(
      (list) =>
        `<w:abstractNum w:abstractNumId="${list.numId}">${list.levels
          .map(
            (level, i) =>
              `<w:lvl w:ilvl="${i}"><w:start w:val="${level.start ?? 1}"/><w:numFmt w:val="${level.format}"/><w:lvlText w:val="${escapeXml(level.text)}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720"/></w:pPr></w:lvl>`,
          )
          .join("")}</w:abstractNum>`,
    )
    .join(
      "",
    )}${lists.map((list) => `<w:num w:numId="${list.numId}"><w:abstractNumId w:val="${list.numId}"/></w:num>`).join("")}</w:numbering>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A whole .docx from a document body (paragraph/table XML) and optional numbering. */
export function buildDocx(
  body: string,
  options: { numbering?: string; extra?: ZipFile[]; understateSizes?: boolean } = {},
): Promise<Uint8Array> {
  return buildZip(
    [
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "_rels/.rels", data: RELS },
      { name: "word/document.xml", data: documentXml(body) },
      ...(options.numbering ? [{ name: "word/numbering.xml", data: options.numbering }] : []),
      ...(options.extra ?? []),
    ],
    { understateSizes: options.understateSizes },
  );
}

/**
 * A plan written as text as the .docx an office would send: each paragraph the
 * extractor sees (wrapped lines joined) a Word paragraph, each table (pipe rows
 * or line-per-cell) a Word table with the cell's lines as paragraphs.
 */
export function docxFromText(text: string): Promise<Uint8Array> {
  const parts = splitBlocks(text).map((block) =>
    block.kind === "paragraph"
      ? paragraph(block.text)
      : table(
          block.rows.map((row) =>
            row.map((cell) =>
              cell.raw
                .map((line) => line.trim())
                .filter(Boolean)
                .join("\n"),
            ),
          ),
        ),
  );
  return buildDocx(parts.join(""));
}

/** Small .docx files that cost a naive XML reader minutes of CPU or hundreds of MB, `size` repeats of the trap. */
export function hostileDocx(
  kind: "unclosedNum" | "unclosedComment" | "nestedParagraphs" | "unclosedTag",
  size: number,
): Promise<Uint8Array> {
  switch (kind) {
    case "unclosedNum":
      return buildDocx(paragraph("Nội dung"), {
        numbering: `<w:numbering ${W}>${'<w:num w:numId="1">'.repeat(size)}</w:numbering>`,
      });
    case "unclosedComment":
      return buildDocx(paragraph("Nội dung") + "<!--".repeat(size));
    case "nestedParagraphs":
      return buildDocx("<w:p>".repeat(size) + "</w:p>".repeat(size));
    case "unclosedTag":
      return buildDocx(paragraph("Nội dung") + "<w:p w:x='1' ".repeat(size));
  }
}
