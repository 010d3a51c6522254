/**
 * `npx tsx scripts/pdf-glyph-table.ts FILE.pdf … > core/pdf/glyph-tables/times-new-roman.ts`
 *
 * Learns Times New Roman's glyph numbers from PDFs that do carry a ToUnicode map for
 * it: Word embeds the font as a CID font (Identity-H, CIDs = the font's own glyph ids),
 * so each map says which character each glyph id draws. Every TimesNewRoman* face in
 * the files is read (regular, bold, italic share one glyph order); a glyph id that two
 * files map differently is left out and reported on stderr. Prints the table module.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { decodeStream, latin1, type PdfObject, walkObjects } from "../core/pdf/objects";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("Usage: npx tsx scripts/pdf-glyph-table.ts FILE.pdf …");
  process.exit(1);
}

const glyphs = new Map<number, string>();
const conflicts = new Set<number>();
for (const file of files) {
  const objects = new Map<number, PdfObject>();
  await walkObjects(new Uint8Array(readFileSync(file)), { maxObjectStreamBytes: 64 << 20, maxObjects: 1e6 }, (o) => {
    objects.set(o.num, o);
  });
  let fonts = 0;
  for (const object of objects.values()) {
    const font = /\/Subtype\s*\/Type0\b/.test(object.body) && /\/BaseFont\s*\/(?:[A-Z]{6}\+)?TimesNewRoman/.test(object.body);
    if (!font || !/\/Encoding\s*\/Identity-H/.test(object.body)) continue;
    const descendant = objects.get(Number(/\/DescendantFonts\s*\[\s*(\d+)/.exec(object.body)?.[1]));
    if (descendant && /\/CIDToGIDMap\s*\d+\s+\d+\s+R/.test(descendant.body)) continue; // glyph ids are not the CIDs
    const cmap = objects.get(Number(/\/ToUnicode\s*(\d+)/.exec(object.body)?.[1]));
    if (!cmap?.stream) continue;
    const decoded = await decodeStream(cmap.body, cmap.stream, 16 << 20);
    if (!(decoded instanceof Uint8Array)) continue;
    fonts++;
    for (const [gid, text] of readToUnicode(latin1(decoded))) {
      const known = glyphs.get(gid);
      if (known !== undefined && known !== text) conflicts.add(gid);
      else glyphs.set(gid, text);
    }
  }
  console.error(`${basename(file)}: ${fonts} Times New Roman CID fonts with a ToUnicode map`);
}
for (const gid of conflicts) glyphs.delete(gid);
// The first glyphs of a TrueType font follow the Macintosh standard order (the 'post' table's
// format 1), where printable ASCII sits at its code minus 29. The files confirm it where they
// use a letter; letters Vietnamese never writes (f, j, w, z) are filled in from that order.
for (let code = 0x20; code <= 0x7e; code++) {
  const gid = code - 29;
  const known = glyphs.get(gid);
  if (known !== undefined && known !== String.fromCharCode(code))
    throw new Error(`glyph ${gid} is ${known}, not the standard order`);
  if (!conflicts.has(gid)) glyphs.set(gid, String.fromCharCode(code));
}
if (conflicts.size > 0) console.error(`left out (mapped differently in two files): ${[...conflicts].join(", ")}`);

/** bfchar and bfrange entries of a ToUnicode CMap (2-byte codes). */
function readToUnicode(cmap: string): [number, string][] {
  const out: [number, string][] = [];
  const hex = (h: string) => {
    const units: number[] = [];
    for (let i = 0; i + 4 <= h.length; i += 4) units.push(Number.parseInt(h.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      out.push([Number.parseInt(m[1]!, 16), hex(m[2]!)]);
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const from = Number.parseInt(m[1]!, 16);
      const to = Number.parseInt(m[2]!, 16);
      if (m[3]!.startsWith("[")) {
        [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((v, i) => {
          out.push([from + i, hex(v[1]!)]);
        });
      } else {
        const base = hex(m[3]!.slice(1, -1));
        for (let code = from; code <= to && code - from < 256; code++)
          out.push([code, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - from)]);
      }
    }
  }
  return out;
}

// Runs of consecutive glyph ids drawing consecutive single characters are written as one range.
const entries = [...glyphs.entries()].filter(([, text]) => text.length > 0).sort((a, b) => a[0] - b[0]);
const ranges: string[] = [];
for (let i = 0; i < entries.length; ) {
  const [gid, text] = entries[i]!;
  let n = 1;
  while (
    text.length === 1 &&
    entries[i + n]?.[0] === gid + n &&
    entries[i + n]![1].length === 1 &&
    entries[i + n]![1].charCodeAt(0) === text.charCodeAt(0) + n
  )
    n++;
  ranges.push(`[${gid}, ${JSON.stringify(text)}${n > 1 ? `, ${n}` : ""}]`);
  i += n;
}
console.log(`/**
 * Times New Roman: glyph id → text, for PDFs that embed it without a ToUnicode map.
 * Font data (which glyph of the font draws which character), learned by
 * scripts/pdf-glyph-table.ts from PDFs that carry the map. Generated: do not edit.
 * Each entry is [first glyph id, its text, how many consecutive ids continue the run].
 */
export const TIMES_NEW_ROMAN_GLYPHS: readonly (readonly [number, string, number?])[] = [
  ${ranges.join(",\n  ")},
];`);
