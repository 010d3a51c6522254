import { foldText } from "../text/fold";
import { splitGluedWords } from "./glued-words";
import { tidyName } from "./tidy";

// Abbreviations as they appear folded, expanded to the folded full name.
const ABBREVIATIONS: Record<string, string> = {
  ubnd: "uy ban nhan dan",
  hdnd: "hoi dong nhan dan",
  mttq: "mat tran to quoc",
  mttqvn: "mat tran to quoc viet nam",
  ubmttq: "uy ban mat tran to quoc",
  ubmttqvn: "uy ban mat tran to quoc viet nam",
  tw: "trung uong",
  tp: "thanh pho",
  khcn: "khoa hoc va cong nghe",
  "kh&cn": "khoa hoc va cong nghe",
  gddt: "giao duc va dao tao",
  "gd&dt": "giao duc va dao tao",
  "tn&mt": "tai nguyen va moi truong",
  "nn&ptnt": "nong nghiep va phat trien nong thon",
  "tt&tt": "thong tin va truyen thong",
  "ldtb&xh": "lao dong thuong binh va xa hoi",
  bhxh: "bao hiem xa hoi",
  nhnn: "ngan hang nha nuoc",
  kbnn: "kho bac nha nuoc",
};

/**
 * Comparison key for a unit name: words OCR ran together split ("Đảng uỷUBND xã"), folded (no diacritics, so "Ủy"/"Uỷ" agree), abbreviations
 * expanded ("UBND" = "Ủy ban nhân dân"), punctuation and hyphens dropped, spaces collapsed.
 */
export function unitKey(name: string): string {
  const folded = foldText(splitGluedWords(tidyName(name)));
  const expanded = folded
    .split(" ")
    .map((word) => ABBREVIATIONS[word.replace(/[.,;:]+$/, "")] ?? word)
    .join(" ");
  return expanded
    .replace(/&/g, " va ")
    .replace(/[-–—.,;:()"“”'‘’/]/g, " ")
    .replace(/\bco lien quan\b/g, "lien quan")
    .replace(/\s+/g, " ")
    .trim();
}
