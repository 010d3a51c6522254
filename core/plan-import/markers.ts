/** The numbering that opens a paragraph: "IV-", "2.", "3.1.", "(1)", "a)", "-", "+". */
export type MarkerStyle = "roman" | "arabic" | "dotted" | "paren" | "letter" | "dash" | "plus";

export interface Marker {
  style: MarkerStyle;
  /** "IV", "2", "3.1", "1", "a"; empty for bullets. */
  label: string;
  /** Text after the marker. */
  rest: string;
}

const ROMAN = /^([IVXL]{1,6})\s*[.\-–—:)]\s*(?=\p{Lu})/u;
const VALID_ROMAN = /^(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
// Up to three digits: long plans and programmes number past 99 (a cap here dropped item 100 on).
const DOTTED = /^(\d{1,3}(?:\.\d{1,3}){1,3})\.?\s*(?=[\p{L}("“])/u;
const ARABIC = /^(\d{1,3})\s*[.)]\s*(?=[\p{L}("“])/u;
const PAREN = /^\((\d{1,3})\)\s*(?=\S)/;
const LETTER = /^([a-zđ])[).]\s+(?=\S)/;
const DASH = /^[-–—•]\s+(?=\S)/;
const PLUS = /^\+\s*(?=\S)/;

export function parseMarker(text: string): Marker | null {
  let match = ROMAN.exec(text);
  if (match?.[1] && VALID_ROMAN.test(match[1])) return marker("roman", match[1], text, match[0]);
  const numbered = [
    ["dotted", DOTTED],
    ["arabic", ARABIC],
    ["paren", PAREN],
    ["letter", LETTER],
  ] as const;
  for (const [kind, pattern] of numbered) {
    match = pattern.exec(text);
    if (match?.[1]) return marker(kind, match[1], text, match[0]);
  }
  for (const [kind, pattern] of [
    ["dash", DASH],
    ["plus", PLUS],
  ] as const) {
    match = pattern.exec(text);
    if (match) return marker(kind, "", text, match[0]);
  }
  return null;
}

function marker(style: MarkerStyle, label: string, text: string, matched: string): Marker {
  return { style, label, rest: text.slice(matched.length).trim() };
}

/** Nesting key: dotted labels nest by their number of parts ("3.1" inside "3"). */
export function styleKey(marker: Marker): string {
  return marker.style === "dotted" ? `dotted${marker.label.split(".").length}` : marker.style;
}
