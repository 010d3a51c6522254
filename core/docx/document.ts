/**
 * document.xml → plain text the plan extractor reads: one paragraph per block
 * (blank line between, so hard breaks are never guessed), Word's list numbers
 * put back, bold as **…** like the converted documents the extractor was
 * built on, and each table row as a `| a | b |` line.
 */
import { numberingOfStyle, type Numbering, type ParagraphNumber, type StyleNumbering } from "./numbering";
import { attr, isOn, scanXml, type XmlProblem } from "./xml";

interface Segment {
  text: string;
  bold: boolean;
}

interface ParagraphState {
  segments: Segment[];
  styleId: string | null;
  numId: string | null;
  level: number | null;
}

interface CellState {
  paragraphs: string[];
  span: number;
  /** vMerge without "restart": the cell continues the one above; Word shows the text once, we repeat it. */
  continues: boolean;
}

interface TableState {
  rows: string[][];
  row: string[] | null;
  cell: CellState | null;
  /** Text of the last cell that started a vertical merge, by grid column. */
  mergedAbove: Map<number, string>;
}

// Elements whose content is not document text: deleted or moved-away revisions, field
// instructions, the fallback copy of a text box (its text is also in mc:Choice), the
// formatting a tracked change replaced, and properties with nothing we read.
const SKIPPED = new Set([
  "w:delText",
  "w:instrText",
  "w:moveFrom",
  "mc:Fallback",
  "w:rPrChange",
  "w:pPrChange",
  "w:tblPrChange",
  "w:trPrChange",
  "w:tcPrChange",
  "w:tblPr",
  "w:tblGrid",
  "w:sectPr",
  "w:sdtPr",
]);

const RULE = /^[-_=—–.]{3,}$/;

export function documentText(
  xml: string,
  numbering: Numbering,
  styles: Map<string, StyleNumbering>,
): { ok: true; text: string } | { ok: false; problem: XmlProblem } {
  const blocks: string[] = [];
  const paragraphs: ParagraphState[] = [];
  const tables: TableState[] = [];
  /** Names of the skipped elements we are inside, innermost last. */
  const skipping: string[] = [];
  let inRunProperties = false;
  let inParagraphProperties = false;
  let bold = false;
  let inText = false;

  const paragraph = () => paragraphs[paragraphs.length - 1];
  const table = () => tables[0];
  const add = (text: string) => {
    const p = paragraph();
    if (p) p.segments.push({ text, bold });
  };

  const problem = scanXml(xml, {
    text: (text) => {
      if (inText) add(text);
    },
    open: (name, attributes, empty) => token(name, attributes, false, empty),
    close: (name) => token(name, "", true, false),
  });
  if (problem) return { ok: false, problem };
  return { ok: true, text: `${blocks.filter((b) => b !== "").join("\n\n")}\n` };

  function token(name: string, attributes: string, closing: boolean, selfClosing: boolean): void {
    if (skipping.length > 0) {
      if (name !== skipping[skipping.length - 1] || selfClosing) return;
      if (closing) skipping.pop();
      else skipping.push(name);
      return;
    }
    if (SKIPPED.has(name)) {
      if (!closing && !selfClosing) skipping.push(name);
      return;
    }

    // Properties are read for a few values; everything else in them is skipped.
    if (name === "w:pPr" && paragraphs.length > 0) {
      if (!selfClosing) inParagraphProperties = !closing;
      return;
    }
    if (name === "w:rPr" && !inParagraphProperties) {
      if (!selfClosing) inRunProperties = !closing;
      return;
    }
    if (inParagraphProperties) {
      const p = paragraph();
      if (p && !closing && name === "w:pStyle") p.styleId = attr(attributes, "w:val");
      else if (p && !closing && name === "w:numId") p.numId = attr(attributes, "w:val");
      else if (p && !closing && name === "w:ilvl") p.level = Number(attr(attributes, "w:val") ?? "0");
      return;
    }
    if (inRunProperties) {
      if (!closing && name === "w:b") bold = isOn(attributes);
      return;
    }
    // Row and cell properties (w:trPr, w:tcPr) are walked through: they carry the merges.
    if (!closing && tables.length === 1 && (name === "w:gridSpan" || name === "w:vMerge" || name === "w:gridBefore")) {
      const t = table()!;
      const count = Math.min(64, Math.max(1, Number(attr(attributes, "w:val") ?? "1") || 1));
      if (name === "w:gridBefore") t.row?.push(...Array<string>(count).fill(""));
      else if (t.cell && name === "w:gridSpan") t.cell.span = count;
      else if (t.cell) t.cell.continues = attr(attributes, "w:val") !== "restart";
      return;
    }

    switch (name) {
      case "w:p":
        if (selfClosing) {
          finishParagraph({ segments: [], styleId: null, numId: null, level: null });
        } else if (!closing) {
          paragraphs.push({ segments: [], styleId: null, numId: null, level: null });
        } else {
          const done = paragraphs.pop();
          if (done) finishParagraph(done);
        }
        break;
      case "w:r":
        if (!closing) bold = false;
        break;
      case "w:t":
        inText = !closing && !selfClosing;
        break;
      case "w:tab":
      case "w:ptab":
        if (!closing) add("\t");
        break;
      case "w:br":
      case "w:cr":
        if (!closing && attr(attributes, "w:type") !== "page") add("\n");
        break;
      case "w:noBreakHyphen":
        if (!closing) add("-");
        break;
      case "w:tbl":
        if (!selfClosing && !closing) tables.push({ rows: [], row: null, cell: null, mergedAbove: new Map() });
        else if (closing) {
          const done = tables.pop();
          // A table inside a cell has already given its paragraphs to the outer cell.
          if (done && tables.length === 0) blocks.push(done.rows.map((cells) => `| ${cells.join(" | ")} |`).join("\n"));
        }
        break;
      case "w:tr":
        if (tables.length === 1) {
          const t = table()!;
          if (!closing && !selfClosing) t.row = [];
          else if (closing && t.row) {
            t.rows.push(t.row);
            t.row = null;
          }
        }
        break;
      case "w:tc":
        if (tables.length === 1) {
          const t = table()!;
          if (!closing && !selfClosing) t.cell = { paragraphs: [], span: 1, continues: false };
          else if (closing && t.cell && t.row) {
            const column = t.row.length;
            let text = t.cell.paragraphs
              .filter((p) => p !== "")
              .join(" ")
              .replace(/\|/g, "/");
            if (t.cell.continues && text === "") text = t.mergedAbove.get(column) ?? "";
            else if (!t.cell.continues) t.mergedAbove.set(column, text);
            t.row.push(text, ...Array<string>(t.cell.span - 1).fill(""));
            t.cell = null;
          }
        }
        break;
    }
  }

  function finishParagraph(p: ParagraphState) {
    const number = numberOf(p);
    const label = number ? numbering.next(number) : "";
    const body = render(p.segments);
    if (body.trim() === "" && label.trim() === "") return;
    const text = label + body;
    const cell = table()?.cell;
    // The rule under the issuer's name in the header table is decoration, not part of the name.
    if (cell) {
      if (!RULE.test(text.trim())) cell.paragraphs.push(text.replace(/\s+/g, " ").trim());
      return;
    }
    // A text box's paragraph closes inside its anchor paragraph: it becomes a block of its own first.
    blocks.push(
      text
        .replace(/[ \t]+/g, " ")
        .replace(/ *\n */g, "\n")
        .trim(),
    );
  }

  function numberOf(p: ParagraphState): ParagraphNumber | null {
    if (p.numId !== null) return p.numId === "0" ? null : { numId: p.numId, level: p.level ?? 0 };
    const fromStyle = p.styleId ? numberingOfStyle(styles, p.styleId) : null;
    return fromStyle && p.level !== null ? { ...fromStyle, level: p.level } : fromStyle;
  }
}

/** Joins runs, wrapping bold stretches in ** with the spaces outside the marks ("**I. MỤC ĐÍCH** và"). */
function render(segments: Segment[]): string {
  const merged: Segment[] = [];
  for (const s of segments) {
    const last = merged[merged.length - 1];
    if (last && (last.bold === s.bold || s.text.trim() === "")) last.text += s.text;
    else merged.push({ ...s });
  }
  return merged
    .map(({ text, bold }) => {
      if (!bold || text.trim() === "") return text;
      // trimStart/trimEnd rather than /\s*$/, which is quadratic on a long run of spaces.
      const lead = text.slice(0, text.length - text.trimStart().length);
      const trail = text.slice(text.trimEnd().length);
      return `${lead}**${text.trim()}**${trail}`;
    })
    .join("");
}
