import { foldText } from "../text/fold";

const cache = new Map<string, string>();

function foldChar(char: string): string {
  let folded = cache.get(char);
  if (folded === undefined) {
    folded = /\s/.test(char) ? " " : foldText(char);
    if (folded.length !== char.length) folded = folded.length === 0 ? " " : folded.charAt(0).padEnd(char.length, " ");
    cache.set(char, folded);
  }
  return folded;
}

/**
 * foldText applied character by character, so that index i of the result corresponds to
 * index i of the input: a match found in the folded text can be sliced from the original.
 */
export function foldAligned(text: string): string {
  const lower = text.toLowerCase();
  // toLowerCase may change the length ("İ"); then only ASCII is lowered here, foldChar does the rest.
  const base = lower.length === text.length ? lower : text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return base.replace(/[^\x20-\x7e]/g, foldChar);
}
