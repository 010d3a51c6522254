import { startsWithUnitHead } from "../units/heads";
import { shorten, trimPunctuation } from "./clean";
import { type OutlineNode, walk } from "./outline";

// A numbered item with text under it is a heading unless it is itself a sentence.
const ENDS_SENTENCE = /[.;:!?]$/;
const isLeaf = (node: OutlineNode) => node.children.length === 0 && node.body.length === 0;

const ASSIGNING_VERB = /^(?:giao|khuyến khích|đề nghị|yêu cầu)\s+/iu;

/**
 * Paragraphs of the solution and organisation parts that did not become tasks: kept as
 * plan content. In the organisation part, a paragraph that opens with a unit ("Giao Ban Tổ
 * chức Huyện ủy chủ trì …") assigns work in prose; the reviewer is asked to check it.
 */
export function extractContent(root: OutlineNode, consumed: Set<OutlineNode>, warnings: string[]): string[] {
  const content: string[] = [];
  for (const node of walk(root)) {
    if (consumed.has(node) || (node.kind !== "content" && node.kind !== "assignments")) continue;
    const texts: string[] = [];
    if (node.marker?.style !== "roman" && (isLeaf(node) || ENDS_SENTENCE.test(node.text))) texts.push(node.text);
    texts.push(...node.body.map((paragraph) => paragraph.text));
    for (const raw of texts) {
      const text = trimPunctuation(raw);
      if (text === "") continue;
      content.push(text);
      if (node.kind === "assignments" && startsWithUnitHead(text.replace(ASSIGNING_VERB, ""))) {
        warnings.push(`Đoạn ${node.ref} giao việc nhưng chưa tách thành nhiệm vụ: "${shorten(text)}"`);
      }
    }
  }
  return content;
}
