/**
 * Word's automatic list numbers ("I.", "1.", "a)") are not in the text of
 * document.xml: they are computed from numbering.xml when the page is drawn.
 * Plans rely on them for their outline, so they are recomputed here.
 */
import { attr, elements, firstTag } from "./xml";

interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
}

interface NumberingDefinition {
  abstractId: string;
  /** Levels with a startOverride: the list restarts the first time this num is used. */
  overrides: Map<number, number>;
}

export interface ParagraphNumber {
  numId: string;
  level: number;
}

export interface StyleNumbering {
  numId: string | null;
  level: number | null;
  basedOn: string | null;
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, NumberingDefinition>();
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();

  constructor(numberingXml: string | null) {
    if (!numberingXml) return;
    for (const abstract of elements(numberingXml, "w:abstractNum")) {
      const id = attr(abstract.attributes, "w:abstractNumId");
      if (id === null) continue;
      const levels = new Map<number, Level>();
      for (const lvl of elements(abstract.inner, "w:lvl")) {
        const index = Number(attr(lvl.attributes, "w:ilvl") ?? "0");
        levels.set(index, {
          start: Number(valueOf(lvl.inner, "w:start") ?? "1"),
          format: valueOf(lvl.inner, "w:numFmt") ?? "decimal",
          text: valueOf(lvl.inner, "w:lvlText") ?? "",
          legal: firstTag(lvl.inner, "w:isLgl") !== null,
        });
      }
      this.abstracts.set(id, levels);
    }
    for (const num of elements(numberingXml, "w:num")) {
      const id = attr(num.attributes, "w:numId");
      const abstractId = valueOf(num.inner, "w:abstractNumId");
      if (id === null || abstractId === null) continue;
      const overrides = new Map<number, number>();
      for (const override of elements(num.inner, "w:lvlOverride")) {
        const start = valueOf(override.inner, "w:startOverride");
        if (start !== null) overrides.set(Number(attr(override.attributes, "w:ilvl") ?? "0"), Number(start));
      }
      this.nums.set(id, { abstractId, overrides });
    }
  }

  /** The label of the next paragraph of this list ("2.", "b)", "- " for bullets), or "" when there is none. */
  next({ numId, level }: ParagraphNumber): string {
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstractId);
    const definition = levels?.get(level);
    if (!num || !levels || !definition) return "";

    let counters = this.counters.get(num.abstractId);
    if (!counters) this.counters.set(num.abstractId, (counters = []));
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [overridden, start] of num.overrides) {
        counters[overridden] = start - 1;
        counters.length = Math.min(counters.length, overridden + 1);
      }
    }
    counters[level] = (counters[level] ?? definition.start - 1) + 1;
    counters.length = level + 1;

    if (definition.format === "bullet") return "- ";
    if (definition.format === "none") return "";
    const label = definition.text.replace(/%(\d)/g, (_, n: string) => {
      const at = Number(n) - 1;
      const shown = levels.get(at);
      const value = counters[at] ?? shown?.start ?? 1;
      return format(value, definition.legal ? "decimal" : (shown?.format ?? "decimal"));
    });
    return label === "" ? "" : `${label} `;
  }
}

/** Paragraph styles that carry numbering (headings numbered by their style), with their basedOn chain. */
export function styleNumbering(stylesXml: string | null): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>();
  if (!stylesXml) return styles;
  for (const style of elements(stylesXml, "w:style")) {
    const id = attr(style.attributes, "w:styleId");
    if (id === null || attr(style.attributes, "w:type") !== "paragraph") continue;
    const numPr = elements(style.inner, "w:numPr")[0]?.inner ?? null;
    styles.set(id, {
      numId: numPr === null ? null : valueOf(numPr, "w:numId"),
      level: numPr === null ? null : Number(valueOf(numPr, "w:ilvl") ?? "0"),
      basedOn: valueOf(style.inner, "w:basedOn"),
    });
  }
  return styles;
}

/** The numbering a paragraph style gives, following basedOn (guarded against loops). */
export function numberingOfStyle(styles: Map<string, StyleNumbering>, styleId: string): ParagraphNumber | null {
  let id: string | null = styleId;
  let level: number | null = null;
  for (let hops = 0; id !== null && hops < 10; hops++) {
    const style = styles.get(id);
    if (!style) return null;
    level ??= style.level;
    if (style.numId !== null) return style.numId === "0" ? null : { numId: style.numId, level: level ?? 0 };
    id = style.basedOn;
  }
  return null;
}

function valueOf(xml: string, tag: string): string | null {
  const attributes = firstTag(xml, tag);
  return attributes === null ? null : attr(attributes, "w:val");
}

function format(value: number, numFmt: string): string {
  switch (numFmt) {
    case "upperRoman":
      return roman(value);
    case "lowerRoman":
      return roman(value).toLowerCase();
    case "upperLetter":
      return letters(value);
    case "lowerLetter":
      return letters(value).toLowerCase();
    case "decimalZero":
      return value < 10 ? `0${value}` : String(value);
    default:
      return String(value);
  }
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: [number, string][] = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let out = "";
  let rest = value;
  for (const [n, symbol] of table) {
    while (rest >= n) {
      out += symbol;
      rest -= n;
    }
  }
  return out;
}

/** Word's letter lists: a … z, then aa … zz. */
function letters(value: number): string {
  if (value <= 0) return String(value);
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}
