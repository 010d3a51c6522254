import { foldText } from "../text/fold";

// "xây dựng", "ban hành", "xây dựng, ban hành", "xây dựng và ban hành", "lập", "cụ thể hóa (bằng|thành)".
const VERB = `(?:xay dung(?:,? (?:va )?ban hanh)?|ban hanh|lap|cu the hoa(?:,? xay dung)?(?: bang| thanh)?)`;
// "kế hoạch", "chương trình hành động", "chương trình, kế hoạch".
const NOUN = `(?:ke hoach|chuong trinh)(?: hanh dong)?(?:,? (?:ke hoach|chuong trinh)(?: hanh dong)?)?`;
/**
 * What follows the noun when the plan is one that carries out another:
 * "… kế hoạch thực hiện", "… triển khai", "… cụ thể (để thực hiện)", "… để/nhằm …",
 * or nothing more (the task ends, or a bracket with its deadline follows).
 */
const CARRIES_OUT = String.raw`(?: (?:cu the )?(?:(?:de|nham) )?(?:trien khai|thuc hien|cu the hoa|to chuc thuc hien)\b| cu the\b|\s*(?:[(;.,]|$))`;
const PLANNING = new RegExp(String.raw`\b${VERB} ${NOUN}${CARRIES_OUT}`);
const ACTION_PROGRAMME = /\b(?:xay dung|ban hanh)(?:,? (?:va )?ban hanh)? chuong trinh hanh dong\b/;
// "cụ thể hóa (nghị quyết) bằng kế hoạch", "cụ thể hoá thành chương trình".
const MADE_CONCRETE = /\bcu the hoa (?:[^ ]+ ){0,4}?(?:bang|thanh) (?:cac )?(?:ke hoach|chuong trinh)\b/;

/**
 * Whether a task asks its unit to build or issue its own plan carrying out
 * this one ("xây dựng kế hoạch thực hiện", "ban hành kế hoạch triển khai",
 * "cụ thể hóa bằng kế hoạch", "xây dựng chương trình hành động"). A plan on a
 * subject of its own ("xây dựng kế hoạch đào tạo cán bộ") is ordinary work.
 * Give it the title with the deadline as written: documents often put the
 * planning step in the deadline's bracket ("(xây dựng kế hoạch thực hiện
 * trong quý II)").
 */
export function isPlanningTask(text: string): boolean {
  const folded = foldText(text);
  return PLANNING.test(folded) || ACTION_PROGRAMME.test(folded) || MADE_CONCRETE.test(folded);
}
