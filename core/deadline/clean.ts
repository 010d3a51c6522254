import { foldText, normalizeText } from "../text/fold";

/** A deadline phrase stripped of document artefacts, with its folded form for matching. */
export interface CleanPhrase {
  /** NFC text: no emphasis marks, wrapping parentheses, field label or trailing punctuation. */
  text: string;
  /** foldText(text), character for character. */
  folded: string;
  /** sourceIndex[i] is the index in `text` of folded[i]; sourceIndex[folded.length] is text.length. */
  sourceIndex: number[];
}

// Converted documents put emphasis marks anywhere, even inside a word ("quý **III**/2024").
const EMPHASIS = /[*_`]/g;
const LEADING_JUNK = /^[\s\-–—+•·:;,.]+/;
const TRAILING_JUNK = /[\s:;,.]+$/;
// The field label of labelled plans, "Thời gian thực hiện: Quý IV năm 2025"; the colon is sometimes missing.
const FIELD_LABEL =
  /^(?:(?:thoi gian|thoi han|tien do)(?: (?:thuc hien|hoan thanh|trien khai))?(?: du kien)? ?: ?|(?:thoi gian|thoi han) (?:thuc hien|hoan thanh) )/;

export function cleanPhrase(raw: string): CleanPhrase {
  let text = stripWrappers(normalizeText(raw.replace(EMPHASIS, "")));
  const labelled = foldWithOffsets(text);
  const label = FIELD_LABEL.exec(labelled.folded);
  if (label) text = stripWrappers(text.slice(labelled.sourceIndex[label[0].length]));
  return { text, ...foldWithOffsets(text) };
}

/** Removes bullets, trailing punctuation and parentheses around the whole phrase, repeatedly. */
export function stripWrappers(input: string): string {
  let text = input;
  for (;;) {
    const before = text;
    text = text.replace(LEADING_JUNK, "").replace(TRAILING_JUNK, "");
    if (enclosesWhole(text, "(", ")") || enclosesWhole(text, "[", "]")) text = text.slice(1, -1);
    else if (text.endsWith(")") && count(text, "(") < count(text, ")")) text = text.slice(0, -1);
    else if (text.startsWith("(") && count(text, "(") > count(text, ")")) text = text.slice(1);
    if (text === before) return text;
  }
}

/** "(a (b) c)" yes; "(a) b (c)" no. */
function enclosesWhole(text: string, open: string, close: string): boolean {
  if (!text.startsWith(open) || !text.endsWith(close)) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close) depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Folds character by character so a match in the folded text can be mapped back to the original. */
function foldWithOffsets(text: string): { folded: string; sourceIndex: number[] } {
  let folded = "";
  const sourceIndex: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = /\s/.test(char) ? " " : foldText(char);
    for (let k = 0; k < piece.length; k++) sourceIndex.push(index);
    folded += piece;
    index += char.length;
  }
  sourceIndex.push(text.length);
  return { folded, sourceIndex };
}
