import { normalizeText } from "../text/fold";

/** Trims list punctuation and a stray leading "và", and collapses a doubled word ("Sở Sở Công thương"). */
export function tidyName(raw: string): string {
  let name = normalizeText(raw.replace(/\*/g, ""))
    .replace(/^(?:và|với|cùng)\s+/i, "")
    .replace(/^[\s\-–—+•.,;:]+/, "")
    .replace(/[\s.,;:]+$/, "");
  name = name.replace(/(^|\s)(\p{L}+) \2(?=\s|$)/gu, "$1$2");
  if (unbalanced(name)) name = name.replace(/\s*\([^)]*$/, "").replace(/^[^(]*\)\s*/, "");
  return name;
}

function unbalanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === "(") depth++;
    else if (char === ")") depth--;
    if (depth < 0) return true;
  }
  return depth !== 0;
}
