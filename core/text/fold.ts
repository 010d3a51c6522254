/**
 * Vietnamese text helpers. Input is normalised to NFC (Telegram clients and
 * converted documents mix composed and decomposed forms); comparisons use the
 * folded form: no diacritics, đ→d, lower case, single spaces.
 */
export function normalizeText(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
