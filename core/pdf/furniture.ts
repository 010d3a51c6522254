/**
 * Page furniture: running headers and footers ("CÔNG BÁO/Số 277/Ngày …  52"), page
 * numbers. A line in the top or bottom band of a page goes when it is only a page
 * number, or when the same line (digits aside) stands in that band on most pages.
 */
import type { PdfPage, PdfRun } from "./layout";

/** Share of the page height, from the top and from the bottom, where furniture sits. */
const BAND = 0.1;
const PAGE_NUMBER = /^(?:-\s*)?(?:trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*-)?$/i;

interface BandLine {
  runs: PdfRun[];
  key: string;
}

function bandLines(page: PdfPage): BandLine[] {
  const lines: { y: number; runs: PdfRun[] }[] = [];
  for (const run of page.runs) {
    const inBand = run.y > page.height * (1 - BAND) || run.y < page.height * BAND;
    if (!inBand || run.text.trim() === "") continue;
    const line = lines.find((l) => Math.abs(l.y - run.y) < 2);
    if (line) line.runs.push(run);
    else lines.push({ y: run.y, runs: [run] });
  }
  return lines.map((l) => ({
    runs: l.runs,
    key: l.runs
      .map((r) => r.text)
      .join(" ")
      .replace(/\d+/g, "#")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase(),
  }));
}

/** Each page's runs without its furniture. */
export function withoutFurniture(pages: PdfPage[]): PdfRun[][] {
  const perPage = pages.map(bandLines);
  const seen = new Map<string, number>();
  for (const lines of perPage) for (const key of new Set(lines.map((l) => l.key))) seen.set(key, (seen.get(key) ?? 0) + 1);
  const repeated = (key: string) => pages.length >= 3 && (seen.get(key) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((page, i) => {
    const drop = new Set<PdfRun>();
    for (const line of perPage[i]!) {
      const text = line.runs.map((r) => r.text.trim()).join(" ");
      if (PAGE_NUMBER.test(text) || repeated(line.key)) for (const run of line.runs) drop.add(run);
    }
    return page.runs.filter((run) => !drop.has(run));
  });
}
