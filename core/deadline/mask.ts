/** Fills matched text with a filler that no pattern matches and that keeps every index in place. */
export function maskText(text: string, from: number, to: number): string {
  return text.slice(0, from) + "#".repeat(to - from) + text.slice(to);
}

/** Masks every match of a global regex. */
export function maskMatches(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match) => "#".repeat(match.length));
}
