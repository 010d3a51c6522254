/**
 * Word's automatic list numbers ("I.", "1.", "a)") are not in the text of
 * document.xml: they are computed from numbering.xml when the page is drawn.
 * Plans rely on them for their outline, so they are recomputed here.
 */
import { attr, scanXml, type XmlProblem } from "./xml";

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
  private readonly abstracts: Map<string, Map<number, Level>>;
  private readonly nums: Map<string, NumberingDefinition>;
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();

  /** Built by {@link readNumbering}; an empty one gives no labels. */
  constructor(abstracts: Map<string, Map<number, Level>> = new Map(), nums: Map<string, NumberingDefinition> = new Map()) {
    this.abstracts = abstracts;
    this.nums = nums;
  }

  /** The label of the next paragraph of this list ("2.", "b)", "- " for bullets), or "" when there is none. */
  next({ numId, level }: ParagraphNumber): string {
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstractId);
    const definition = levels?.get(level);
    if (!num || !levels || !definition) return "";

    let counters = this.counters.get(num.abstractId);
    if (!counters) {
      counters = [];
      this.counters.set(num.abstractId, counters);
    }
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

/**
 * numbering.xml in one pass: each w:abstractNum's levels (the first w:start,
 * w:numFmt, w:lvlText, w:isLgl inside each w:lvl) and each w:num's abstract
 * and start overrides.
 */
export function readNumbering(numberingXml: string | null): { ok: true; value: Numbering } | { ok: false; problem: XmlProblem } {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, NumberingDefinition>();
  if (!numberingXml) return { ok: true, value: new Numbering() };
  let abstract: { id: string | null; levels: Map<number, Level> } | null = null;
  let level: { index: number; start: string | null; format: string | null; text: string | null; legal: boolean } | null = null;
  let num: { id: string | null; abstractId: string | null; overrides: Map<number, number> } | null = null;
  let override: { level: number; start: string | null } | null = null;

  const problem = scanXml(numberingXml, {
    open(name, attributes, empty) {
      if (name === "w:abstractNum" && !abstract && !num) {
        abstract = { id: attr(attributes, "w:abstractNumId"), levels: new Map() };
        if (empty) finishAbstract();
      } else if (name === "w:lvl" && abstract && !level) {
        level = { index: Number(attr(attributes, "w:ilvl") ?? "0"), start: null, format: null, text: null, legal: false };
        if (empty) finishLevel();
      } else if (level) {
        if (name === "w:start") level.start ??= attr(attributes, "w:val");
        else if (name === "w:numFmt") level.format ??= attr(attributes, "w:val");
        else if (name === "w:lvlText") level.text ??= attr(attributes, "w:val");
        else if (name === "w:isLgl") level.legal = true;
      } else if (name === "w:num" && !abstract && !num) {
        num = { id: attr(attributes, "w:numId"), abstractId: null, overrides: new Map() };
        if (empty) finishNum();
      } else if (num && name === "w:abstractNumId") {
        num.abstractId ??= attr(attributes, "w:val");
      } else if (num && name === "w:lvlOverride" && !override) {
        override = { level: Number(attr(attributes, "w:ilvl") ?? "0"), start: null };
        if (empty) finishOverride();
      } else if (override && name === "w:startOverride") {
        override.start ??= attr(attributes, "w:val");
      }
    },
    close(name) {
      if (name === "w:lvl" && level) finishLevel();
      else if (name === "w:abstractNum" && abstract && !level) finishAbstract();
      else if (name === "w:lvlOverride" && override) finishOverride();
      else if (name === "w:num" && num && !override) finishNum();
    },
  });
  if (problem) return { ok: false, problem };
  return { ok: true, value: new Numbering(abstracts, nums) };

  function finishLevel() {
    const l = level!;
    abstract!.levels.set(l.index, {
      start: Number(l.start ?? "1"),
      format: l.format ?? "decimal",
      text: l.text ?? "",
      legal: l.legal,
    });
    level = null;
  }
  function finishAbstract() {
    if (abstract!.id !== null) abstracts.set(abstract!.id, abstract!.levels);
    abstract = null;
  }
  function finishOverride() {
    const o = override!;
    if (o.start !== null) num!.overrides.set(o.level, Number(o.start));
    override = null;
  }
  function finishNum() {
    const n = num!;
    if (n.id !== null && n.abstractId !== null) nums.set(n.id, { abstractId: n.abstractId, overrides: n.overrides });
    num = null;
  }
}

/** Paragraph styles that carry numbering (headings numbered by their style), with their basedOn chain. */
export function styleNumbering(
  stylesXml: string | null,
): { ok: true; value: Map<string, StyleNumbering> } | { ok: false; problem: XmlProblem } {
  const styles = new Map<string, StyleNumbering>();
  if (!stylesXml) return { ok: true, value: styles };
  let style: {
    id: string | null;
    paragraph: boolean;
    numPr: "none" | "inside" | "done";
    numId: string | null;
    level: string | null;
    basedOn: string | null;
  } | null = null;

  const problem = scanXml(stylesXml, {
    open(name, attributes, empty) {
      if (name === "w:style" && !style) {
        style = {
          id: attr(attributes, "w:styleId"),
          paragraph: attr(attributes, "w:type") === "paragraph",
          numPr: "none",
          numId: null,
          level: null,
          basedOn: null,
        };
        if (empty) finish();
      } else if (style) {
        if (name === "w:numPr" && style.numPr === "none") style.numPr = empty ? "done" : "inside";
        else if (style.numPr === "inside" && name === "w:numId") style.numId ??= attr(attributes, "w:val");
        else if (style.numPr === "inside" && name === "w:ilvl") style.level ??= attr(attributes, "w:val");
        else if (name === "w:basedOn") style.basedOn ??= attr(attributes, "w:val");
      }
    },
    close(name) {
      if (!style) return;
      if (name === "w:numPr" && style.numPr === "inside") style.numPr = "done";
      else if (name === "w:style") finish();
    },
  });
  if (problem) return { ok: false, problem };
  return { ok: true, value: styles };

  function finish() {
    const s = style!;
    style = null;
    if (s.id === null || !s.paragraph) return;
    const hasNumPr = s.numPr !== "none";
    styles.set(s.id, { numId: hasNumPr ? s.numId : null, level: hasNumPr ? Number(s.level ?? "0") : null, basedOn: s.basedOn });
  }
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
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
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
