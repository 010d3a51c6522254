/**
 * Which rules a report's layout follows, from the body that issues it:
 * Hướng dẫn 36-HD/VPTW for party bodies (cấp ủy, ban đảng, chi bộ), Nghị
 * định 30/2020/NĐ-CP for state bodies (UBND, HĐND, sở, phòng…). Decided on
 * the unit's name and, when that says nothing, its parents'; null when no
 * rule fits (a front organisation, an unusual name): the admin picks.
 */
import { foldText } from "../text/fold";

export type ReportLayout = "party" | "state";

const PARTY =
  /(^|\s)(dang uy|dang bo|chi bo|huyen uy|tinh uy|thanh uy|thi uy|quan uy|xa uy|ban thuong vu|ban chap hanh|ban to chuc|ban tuyen giao|ban dan van|ban noi chinh|ban kinh te|uy ban kiem tra|dang doan|ban can su|van phong (huyen|tinh|thanh|thi|quan) uy)(\s|$)/;
const STATE =
  /(^|\s)(ubnd|hdnd|uy ban nhan dan|hoi dong nhan dan|so|phong|cuc|tong cuc|chi cuc|bo|chinh phu|thu tuong|van phong ubnd|trung tam|benh vien|truong|cong an|bo chi huy quan su|ban chi huy quan su|toa an|vien kiem sat|kho bac|thanh tra)(\s|$)/;

export function layoutOfName(name: string): ReportLayout | null {
  const folded = foldText(name);
  // "Ủy ban kiểm tra Huyện ủy" is a party body although it starts like "Ủy ban nhân dân".
  if (PARTY.test(folded)) return "party";
  if (STATE.test(folded)) return "state";
  return null;
}

/** The unit's own name first, then its parents', nearest first. */
export function layoutOf(names: string[]): ReportLayout | null {
  for (const name of names) {
    const layout = layoutOfName(name);
    if (layout) return layout;
  }
  return null;
}

const ORGAN =
  /^(ban thuong vu |ban chap hanh )?(dang uy|dang bo|chi bo|huyen uy|tinh uy|thanh uy|thi uy|quan uy|ubnd|hdnd|uy ban nhan dan|hoi dong nhan dan)( (xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh|dac khu))? /;

/**
 * The place named before the date ("Yên Dũng, ngày …"): the issuer's name
 * without its organ words, or its parent's; null when neither names a place.
 */
export function placeOf(names: string[]): string | null {
  for (const name of names) {
    const m = ORGAN.exec(foldText(name));
    if (m) {
      // The fold keeps word boundaries: cut the same number of words from the original.
      const words = name.trim().split(/\s+/);
      const cut = m[0].trim().split(" ").length;
      if (words.length > cut) return words.slice(cut).join(" ");
    }
  }
  return null;
}

/**
 * The issuer's initials for the document symbol: "Huyện ủy" → HU, "Đảng ủy
 * xã …" → ĐU, "Ủy ban nhân dân huyện …" → UBND; a name with no organ words
 * gives the initials of all its words.
 */
export function symbolOf(name: string): string {
  const m = ORGAN.exec(foldText(name));
  const words = name.trim().split(/\s+/);
  const organWords = m ? words.slice(0, m[2]!.split(" ").length + (m[1] ? m[1].trim().split(" ").length : 0)) : words;
  const folded = foldText(organWords.join(" "));
  if (folded === "ubnd" || folded === "uy ban nhan dan") return "UBND";
  if (folded === "hdnd" || folded === "hoi dong nhan dan") return "HĐND";
  // Initials without their tone marks, but Đ stays Đ (ĐU, not DU).
  return organWords
    .map((w) => {
      const first = w[0] ?? "";
      return /[đĐ]/.test(first) ? "Đ" : foldText(first).toUpperCase();
    })
    .join("")
    .slice(0, 8);
}
