/** Converted documents put `**`/`*` emphasis anywhere, even inside words; it carries no meaning here. */
export function stripEmphasis(text: string): string {
  return text.replace(/\*+/g, "");
}

/** No emphasis, single spaces, trimmed. The input is already NFC (splitBlocks normalises once). */
export function cleanInline(text: string): string {
  return text.replace(/\*+/g, "").replace(/\s+/g, " ").trim();
}

/** Drops list punctuation around a phrase: leading bullets, trailing ".", ";", ":", "./.". */
export function trimPunctuation(text: string): string {
  return text.replace(/^[\s\-–—+•.,;:]+/, "").replace(/(?:\.\/\.|[\s.,;:])+$/, "");
}

/** Whole text wrapped in `**…**` (ignoring spaces), or nothing but emphasis marks. */
export function isBold(raw: string): boolean {
  const text = raw.trim();
  return text.startsWith("**") && text.endsWith("**");
}

export function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
