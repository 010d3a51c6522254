/**
 * Page furniture left inside the text by PDF extraction: a running header repeated on
 * every page ("CÔNG BÁO/Số 286/Ngày 27-05-2026") with the page number beside it, and the
 * e-signature stamp ("Ký bởi: …", "Cơ quan: …", "Ngày ký: …"). A line is a running header
 * when, digits aside, it recurs on at least three pages, each time next to a bare number.
 */
const PAGE_NUMBER = /^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$/;
const MIN_PAGES = 3;
const MAX_HEADER_LENGTH = 100;
const MIN_HEADER_LENGTH = 8;
const STAMP = /^\s*(?:Ký bởi|Ngày ký)\s*:/u;

export function dropPageFurniture(lines: string[]): string[] {
  const masked = (line: string) => line.trim().replace(/\d+/g, "#");
  const nextFilled = (from: number, step: number) => {
    for (let i = from + step; i >= 0 && i < lines.length; i += step) if ((lines[i] ?? "").trim() !== "") return i;
    return -1;
  };
  const besideNumber = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.length > MAX_HEADER_LENGTH || PAGE_NUMBER.test(trimmed) || !/\d/.test(trimmed)) return;
    // A header names the publication: a row number "2." beside a page number is not one.
    if (trimmed.length < MIN_HEADER_LENGTH || !/\p{L}{2}/u.test(trimmed)) return;
    const after = nextFilled(i, 1);
    const before = nextFilled(i, -1);
    const number = [after, before].find((at) => at >= 0 && PAGE_NUMBER.test(lines[at] ?? ""));
    if (number === undefined) return;
    const key = masked(line);
    const list = besideNumber.get(key) ?? [];
    list.push(i, number);
    besideNumber.set(key, list);
  });
  const drop = new Set<number>();
  for (const indexes of besideNumber.values()) if (indexes.length / 2 >= MIN_PAGES) for (const i of indexes) drop.add(i);
  // The signature stamp: "Ký bởi", the signing body and the time.
  lines.forEach((line, i) => {
    if (!STAMP.test(line)) return;
    drop.add(i);
    if (/^\s*Ký bởi/u.test(line) && /^\s*Cơ quan\s*:/u.test(lines[i + 1] ?? "")) drop.add(i + 1);
  });
  return drop.size === 0 ? lines : lines.filter((_, i) => !drop.has(i));
}
