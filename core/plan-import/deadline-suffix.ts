import { foldText } from "../text/fold";
import { trimPunctuation } from "./clean";

// Words that make a closing parenthesis a deadline rather than an aside like "(trên đại học)".
const DEADLINE_CUE =
  /\b(?:thuc hien|hoan thanh|ban hanh|thuong xuyen|lien tuc|hang (?:nam|quy|thang|tuan)|dinh ky|quy [ivx\d]|thang \d|nam \d{4}|\d{4}|truoc|sau khi|theo ke hoach|giai doan)\b/;

/**
 * Splits "Ban hành kế hoạch … (*ban hành các văn bản trong quý III/2024*)." into the task
 * text and the deadline phrase. Returns deadline null when the text does not end in one.
 */
export function splitTrailingDeadline(text: string): { title: string; deadline: string | null } {
  const trimmed = text.replace(/[\s.,;:]+$/, "");
  if (!trimmed.endsWith(")")) return { title: trimPunctuation(text), deadline: null };
  let depth = 0;
  let open = -1;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const char = trimmed.charAt(i);
    if (char === ")") depth++;
    else if (char === "(" && --depth === 0) {
      open = i;
      break;
    }
  }
  if (open <= 0) return { title: trimPunctuation(text), deadline: null };
  const inside = trimPunctuation(trimmed.slice(open + 1, -1));
  if (!DEADLINE_CUE.test(foldText(inside))) return { title: trimPunctuation(text), deadline: null };
  return { title: trimPunctuation(trimmed.slice(0, open)), deadline: inside };
}
