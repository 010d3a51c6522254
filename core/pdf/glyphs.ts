/**
 * Fonts whose text does not read as Vietnamese. Signed PDFs of Vietnamese offices often
 * embed subset Times New Roman as a CID font with no ToUnicode map: readers then return
 * glyph numbers as characters ("ĈӝF OұS" for "Độc lập"). Such a font is recognised by
 * its text (few words are Vietnamese syllables, or control characters stand for spaces)
 * and read again through Times New Roman's glyph order, kept in glyph-tables/. When that
 * does not read as Vietnamese either, the font is unreadable: never passed on as text.
 */
import { TIMES_NEW_ROMAN_GLYPHS } from "./glyph-tables/times-new-roman";

let glyphTable: Map<number, string> | null = null;

function timesNewRoman(): Map<number, string> {
  if (glyphTable) return glyphTable;
  glyphTable = new Map();
  for (const [gid, text, run = 1] of TIMES_NEW_ROMAN_GLYPHS) {
    for (let i = 0; i < run; i++) glyphTable.set(gid + i, i === 0 ? text : String.fromCharCode(text.charCodeAt(0) + i));
  }
  return glyphTable;
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;
const LETTERS = /\p{L}/u;

/**
 * Share of the words (tokens with a letter) that are Vietnamese syllables, or null when
 * the text has too few words to judge.
 */
export function vietnameseShare(text: string): number | null {
  const words = text.split(/[\s\u0000-\u001f.,;:!?()[\]"'“”‘’/\\\-–—_]+/).filter((w) => LETTERS.test(w));
  if (words.length < 3) return null;
  const readable = words.filter((w) => SYLLABLE.test(w.toLowerCase().normalize("NFD").replace(TONES, "").normalize("NFC")));
  return readable.length / words.length;
}

/** Text that cannot be what a document says: control characters where spaces belong. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f]/;
/** Letters no Vietnamese text is written in (Cyrillic, Greek, Armenian…): where Vietnamese glyph numbers land. */
const FOREIGN = /[\u0370-\u058f\u0590-\u1dff]/g;

function foreignShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters === 0 ? 0 : (text.match(FOREIGN)?.length ?? 0) / letters;
}

export type FontReading = { kind: "readable" } | { kind: "recovered"; map: (text: string) => string } | { kind: "unreadable" };

/** Unknown glyphs allowed in a recovered font (a rare capital the table has not seen), as a share of its glyphs. */
const UNKNOWN_GLYPHS = 0.01;

/** How to read the text a font produced: as is, through Times New Roman's glyph order, or not at all. */
export function readFont(text: string): FontReading {
  const share = vietnameseShare(text);
  const garbled = CONTROL.test(text) || (foreignShare(text) > 0.05 && (share === null || share < 0.5));
  if (!garbled) return { kind: "readable" };
  const table = timesNewRoman();
  let unknown = 0;
  let glyphs = 0;
  for (const char of text) {
    if (char === " ") continue;
    glyphs++;
    if (!table.has(char.codePointAt(0)!)) unknown++;
  }
  // A plain space is the reader's own (a gap it saw between glyphs), not a glyph number.
  const map = (raw: string) =>
    [...raw].map((char) => (char === " " ? " " : (table.get(char.codePointAt(0)!) ?? "\uFFFD"))).join("");
  const recovered = vietnameseShare(map(text));
  if (unknown <= glyphs * UNKNOWN_GLYPHS && (recovered === null ? !CONTROL.test(map(text)) : recovered >= 0.7))
    return { kind: "recovered", map };
  return { kind: "unreadable" };
}
