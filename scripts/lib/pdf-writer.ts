/**
 * A small PDF writer for tests and benchmarks: pages of positioned text in a CID font (Identity-H, two
 * bytes a glyph, no font program embedded, as a reader falls back to any font), with or
 * without a ToUnicode map, and the hostile files a PDF reader must refuse. The files
 * are written by hand so each test says exactly what is in them.
 */
import { TIMES_NEW_ROMAN_GLYPHS } from "../../core/pdf/glyph-tables/times-new-roman";

export interface TextLine {
  text: string;
  x: number;
  y: number;
  size?: number;
}

/**
 * How characters become glyph numbers: "unicode" (glyph = code point, with a ToUnicode map),
 * "times" (Times New Roman's glyph order, no map: what signed PDFs of offices do), "other"
 * (a glyph order no table knows, no map).
 */
export type FontKind = "unicode" | "times" | "other";

const encoder = new TextEncoder();

let timesGlyphs: Map<string, number> | null = null;
function timesGlyphOf(char: string): number {
  if (!timesGlyphs) {
    timesGlyphs = new Map();
    for (const [gid, text, run = 1] of TIMES_NEW_ROMAN_GLYPHS)
      for (let i = 0; i < run; i++) timesGlyphs.set(String.fromCharCode(text.charCodeAt(0) + i), gid + i);
  }
  const gid = timesGlyphs.get(char);
  if (gid === undefined) throw new Error(`no Times New Roman glyph for ${char}`);
  return gid;
}

function glyphOf(char: string, font: FontKind): number {
  const code = char.codePointAt(0)!;
  if (font === "unicode") return code;
  if (font === "times") return timesGlyphOf(char);
  // Another font's order: ASCII where Times has it, every other letter somewhere else.
  return code < 0x80 ? code - 29 : 2000 + (code % 1000);
}

const hex = (n: number) => n.toString(16).padStart(4, "0");

/** Objects in order, numbered from 1; a stream object is [dictionary text, bytes]. */
type PdfObjectSource = string | [string, Uint8Array];

function assemble(objects: PdfObjectSource[], rootObject = 1): Uint8Array {
  const parts: Uint8Array[] = [encoder.encode("%PDF-1.7\n%\u00e2\u00e3\n")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    length += bytes.length;
  };
  objects.forEach((object, i) => {
    offsets.push(length);
    if (typeof object === "string") push(encoder.encode(`${i + 1} 0 obj\n${object}\nendobj\n`));
    else {
      push(encoder.encode(`${i + 1} 0 obj\n${object[0].replace(/>>\s*$/, "")} /Length ${object[1].length} >>\nstream\n`));
      push(object[1]);
      push(encoder.encode("\nendstream\nendobj\n"));
    }
  });
  const xref = length;
  const table = offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  push(
    encoder.encode(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${objects.length + 1} /Root ${rootObject} 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A PDF of A4 pages, each a list of lines, in one font of the given kind. */
export function pdfOfPages(pages: TextLine[][], font: FontKind = "unicode", baseFont = "ABCDEF+TimesNewRomanPSMT"): Uint8Array {
  const used = new Map<number, string>();
  const content = (lines: TextLine[]) =>
    lines
      .map((line) => {
        const glyphs = [...line.text].map((char) => {
          const gid = glyphOf(char, font);
          used.set(gid, char);
          return hex(gid);
        });
        return `BT /F1 ${line.size ?? 13} Tf 1 0 0 1 ${line.x} ${line.y} Tm <${glyphs.join("")}> Tj ET`;
      })
      .join("\n");
  const streams = pages.map((lines) => encoder.encode(content(lines)));
  // 1 catalog, 2 pages, 3 Type0 font, 4 CID font, 5 descriptor, 6 ToUnicode, then page and content pairs.
  const pageRefs = pages.map((_, i) => `${7 + 2 * i} 0 R`).join(" ");
  const cmap = [
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def",
    "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    `${used.size} beginbfchar`,
    ...[...used].map(([gid, char]) => `<${hex(gid)}> <${hex(char.charCodeAt(0))}>`),
    "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
  ].join("\n");
  const objects: PdfObjectSource[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pageRefs}] /Count ${pages.length} >>`,
    `<< /Type /Font /Subtype /Type0 /BaseFont /${baseFont} /Encoding /Identity-H /DescendantFonts [4 0 R]${font === "unicode" ? " /ToUnicode 6 0 R" : ""} >>`,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 500 /CIDToGIDMap /Identity >>`,
    `<< /Type /FontDescriptor /FontName /${baseFont} /Flags 6 /FontBBox [0 -216 1000 891] /ItalicAngle 0 /Ascent 891 /Descent -216 /CapHeight 662 /StemV 80 >>`,
    ["<< >>", encoder.encode(cmap)],
  ];
  streams.forEach((stream) => {
    const n = objects.length + 1;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${n + 1} 0 R >>`,
    );
    objects.push(["<< >>", stream]);
  });
  return assemble(objects);
}

/** Paragraphs of one line each, top to bottom from y = 780, 36 points apart, at the left margin. */
export function textLines(lines: string[], x = 72, top = 780): TextLine[] {
  return lines.map((text, i) => ({ text, x, y: top - 36 * i }));
}

/** A PDF whose only page is an image (a scan): no text layer. */
export function scannedPdf(): Uint8Array {
  const pixels = new Uint8Array(64 * 64).fill(200);
  return assemble([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    ["<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 >>", pixels],
    ["<< >>", encoder.encode("q 595 0 0 842 0 0 cm /Im1 Do Q")],
  ]);
}

/** A PDF whose trailer names an encryption dictionary (a password-protected file). */
export function encryptedPdf(): Uint8Array {
  const plain = new TextDecoder("latin1").decode(pdfOfPages([textLines(["Kế hoạch"])]));
  return encoder.encode(
    plain.replace(
      "/Root 1 0 R >>",
      "/Root 1 0 R /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <00> /U <00> >> >>",
    ),
  );
}

/**
 * Raw deflate in fixed Huffman codes: one zero byte, then copies of 258 bytes at
 * distance 1, 13 bits each. Hand-written so a test can make a stream that inflates to
 * hundreds of megabytes without compressing them first.
 */
function zeroBomb(inflatedBytes: number): Uint8Array {
  const copies = Math.ceil(inflatedBytes / 258);
  const bits: number[] = [];
  const put = (value: number, count: number, reversed = false) => {
    for (let i = 0; i < count; i++) bits.push(reversed ? (value >> (count - 1 - i)) & 1 : (value >> i) & 1);
  };
  put(1, 1); // last block
  put(1, 2); // fixed Huffman
  put(0b00110000, 8, true); // literal 0
  const out = new Uint8Array(2 + Math.ceil((bits.length + 13 * copies + 7 + 7) / 8) + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let bit = 0;
  const flush = (value: number) => {
    if (value) out[2 + (bit >> 3)]! |= 1 << (bit & 7);
    bit++;
  };
  for (const b of bits) flush(b);
  for (let i = 0; i < copies; i++) {
    for (const b of [1, 1, 0, 0, 0, 1, 0, 1]) flush(b); // length 258 (code 285)
    for (let j = 0; j < 5; j++) flush(0); // distance 1 (code 0)
  }
  for (let j = 0; j < 7; j++) flush(0); // end of block
  return out;
}

export type HostilePdf = "inflate_bomb" | "many_pages" | "deep_nesting" | "endless_content";

export function hostilePdf(kind: HostilePdf): Uint8Array {
  const catalog = "<< /Type /Catalog /Pages 2 0 R >>";
  const onePage = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
  const page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>";
  switch (kind) {
    case "inflate_bomb":
      // A page content stream that inflates to 1 GB (6.5 MB on disk).
      return assemble([catalog, onePage, page, ["<< /Filter /FlateDecode >>", zeroBomb(1024 ** 3)]]);
    case "many_pages": {
      const count = 5000;
      const kids = Array.from({ length: count }, (_, i) => `${3 + i} 0 R`).join(" ");
      const pages = Array.from({ length: count }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
      return assemble([catalog, `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`, ...pages]);
    }
    case "deep_nesting":
      return assemble([
        catalog,
        onePage,
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots ${"[".repeat(200_000)}${"]".repeat(200_000)} >>`,
      ]);
    case "endless_content": {
      // Text operators without end: 20 MB of them, deflated to a few KB.
      const chunk = encoder.encode("BT /F1 12 Tf 72 700 Td (a) Tj ET\n".repeat(2048));
      const copies = Math.ceil((20 * 1024 * 1024) / chunk.length);
      const raw = new Uint8Array(chunk.length * copies);
      for (let i = 0; i < copies; i++) raw.set(chunk, i * chunk.length);
      return assemble([catalog, onePage, page, ["<< /Filter /FlateDecode >>", deflateSync(raw)]]);
    }
  }
}

/** zlib deflate of repetitive bytes, written by hand as in zeroBomb: a literal run, then distance copies. */
function deflateSync(raw: Uint8Array): Uint8Array {
  // The data repeats with the period of its first chunk: stored literally once, then copied.
  const period = raw.indexOf(raw[0]!, 1) > 0 ? findPeriod(raw) : raw.length;
  const stored = raw.subarray(0, period);
  const bits: number[] = [];
  const put = (value: number, count: number) => {
    for (let i = 0; i < count; i++) bits.push((value >> i) & 1);
  };
  const putCode = (code: number, count: number) => {
    for (let i = count - 1; i >= 0; i--) bits.push((code >> i) & 1);
  };
  put(1, 1);
  put(1, 2);
  for (const byte of stored) {
    if (byte < 144) putCode(0x30 + byte, 8);
    else putCode(0x190 + byte - 144, 9);
  }
  // Copies of 258 bytes at distance `period` (≤ 32 KB): distance code with extra bits.
  const distanceCode = (d: number): [number, number, number] => {
    let code = 0;
    let base = 1;
    let extra = 0;
    const bases = [
      1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193,
      12289, 16385, 24577,
    ];
    for (let c = 0; c < bases.length; c++) if (bases[c]! <= d) code = c;
    base = bases[code]!;
    extra = code < 4 ? 0 : (code >> 1) - 1;
    return [code, extra, d - base];
  };
  const [dCode, dExtra, dValue] = distanceCode(period);
  let remaining = raw.length - period;
  while (remaining >= 258) {
    putCode(0b11000101, 8);
    putCode(dCode, 5);
    put(dValue, dExtra);
    remaining -= 258;
  }
  putCode(0, 7);
  const out = new Uint8Array(2 + Math.ceil(bits.length / 8));
  out[0] = 0x78;
  out[1] = 0x01;
  bits.forEach((b, i) => {
    if (b) out[2 + (i >> 3)]! |= 1 << (i & 7);
  });
  return out;
}

function findPeriod(raw: Uint8Array): number {
  for (let p = 1; p <= Math.min(32768, raw.length / 2); p++) {
    let same = true;
    for (let i = p; i < Math.min(raw.length, 4 * p) && same; i++) same = raw[i] === raw[i - p];
    if (same) return p;
  }
  return raw.length;
}
