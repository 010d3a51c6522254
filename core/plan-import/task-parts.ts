import { startsWithUnitHead } from "../units/heads";
import { splitUnitList } from "../units/split";
import { foldAligned } from "./fold-aligned";
import type { OutlineNode } from "./outline";

const COOPERATE = /\bphoi hop(?: chat che)?(?: voi)? /g;

/** Units named after "phối hợp (với)" in a task sentence: "Chủ trì, phối hợp với Sở Nội vụ và …". */
export function cooperatingUnits(text: string): string[] {
  const names: string[] = [];
  for (const match of foldAligned(text).matchAll(COOPERATE)) {
    const after = text.slice(match.index + match[0].length);
    if (!startsWithUnitHead(after)) continue;
    const phrase = after.split(/[;.](?:\s|$)/)[0] ?? "";
    for (const name of splitUnitList(phrase)) if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** "IV. NHIỆM VỤ CỤ THỂ" for the node a task sits in; null at the top of the document. */
export function sectionLabel(node: OutlineNode | null): string | null {
  if (!node || node.ref === "") return null;
  return `${node.ref}. ${node.text}`;
}
