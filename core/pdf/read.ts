/**
 * The text of a PDF, or why there is none: bytes in, text or a refusal out. The file is
 * measured first (guard.ts), so pdf.js only sees files whose work is bounded; then each
 * page's positioned text goes through glyph recovery, furniture removal and layout.
 * pdf.js is loaded here, on the first PDF, never on the path of other updates.
 */
import { loadPdfjs } from "./pdfjs-module";
import { withoutFurniture } from "./furniture";
import { readFont } from "./glyphs";
import { type GuardProblem, measurePdf, PDF_LIMITS } from "./guard";
import { layoutPages, type PdfPage, type PdfRun } from "./layout";

export type PdfProblem =
  /** No text layer: a scan or photos of pages. */
  | "no_text"
  | "encrypted"
  /** Not a PDF a reader can open: truncated, damaged. */
  | "broken"
  /** Past the limits on pages, objects, nesting or inflated size: a bomb, or far more than a plan. */
  | "too_complex"
  /** Its fonts carry no character mapping we can recover: the text would be gibberish. */
  | "unreadable_font";

export type PdfText = { ok: true; text: string; pages: number } | { ok: false; problem: PdfProblem };

/** Text items a whole document may yield (a dense 300-page law has ~200,000). */
const MAX_ITEMS = 300_000;
/** Fewer visible characters than this in the whole file: nothing to read, a scan. */
const MIN_CHARS = 100;
/** Unreadable fonts holding more than this share of the characters: refused rather than cut. */
const MAX_UNREADABLE_SHARE = 0.02;

const GUARD_PROBLEMS: Record<GuardProblem, PdfProblem> = {
  encrypted: "encrypted",
  too_many_pages: "too_complex",
  too_deep: "too_complex",
  too_large: "too_complex",
  too_many_objects: "too_complex",
};

interface FontRun extends PdfRun {
  font: string;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const measured = await measurePdf(bytes);
  if (!measured.ok) return { ok: false, problem: GUARD_PROBLEMS[measured.problem] };

  const pdfjs = await loadPdfjs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    useSystemFonts: false,
    useWasm: false,
    useWorkerFetch: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    let document: Awaited<typeof task.promise>;
    try {
      document = await task.promise;
    } catch (error) {
      return { ok: false, problem: error instanceof pdfjs.PasswordException ? "encrypted" : "broken" };
    }
    if (document.numPages > PDF_LIMITS.maxPages) return { ok: false, problem: "too_complex" };
    const pages: { page: PdfPage; runs: FontRun[] }[] = [];
    let items = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      items += content.items.length;
      if (items > MAX_ITEMS) return { ok: false, problem: "too_complex" };
      const runs: FontRun[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str === "") continue;
        const [a, b, , d, e, f] = item.transform as number[];
        runs.push({
          text: item.str,
          x: e! - x0,
          y: f! - y0,
          width: item.width,
          size: Math.abs(d!) || Math.hypot(a!, b!),
          font: item.fontName,
        });
      }
      pages.push({ page: { width: x1 - x0, height: y1 - y0, runs }, runs });
      page.cleanup();
    }
    return fromRuns(pages.map((p) => p.page));
  } catch {
    return { ok: false, problem: "broken" };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** Glyph recovery, furniture, layout: the part of reading that needs no PDF library. */
export function fromRuns(pages: PdfPage[]): PdfText {
  const all = pages.flatMap((p) => p.runs as FontRun[]);
  const textOf = new Map<string, string>();
  for (const run of all) textOf.set(run.font ?? "", (textOf.get(run.font ?? "") ?? "") + run.text);
  const readings = new Map([...textOf].map(([font, text]) => [font, readFont(text)]));

  const visible = (text: string) => text.replace(/[\s\u0000-\u001f]/g, "").length;
  const total = all.reduce((n, r) => n + visible(r.text), 0);
  const unreadable = all.filter((r) => readings.get(r.font ?? "")?.kind === "unreadable");
  if (total < MIN_CHARS) return { ok: false, problem: "no_text" };
  if (unreadable.reduce((n, r) => n + visible(r.text), 0) > total * MAX_UNREADABLE_SHARE)
    return { ok: false, problem: "unreadable_font" };

  const cleaned = pages.map((page) => ({
    ...page,
    runs: (page.runs as FontRun[]).flatMap((run) => {
      const reading = readings.get(run.font ?? "");
      if (reading?.kind === "unreadable") return [];
      return [reading?.kind === "recovered" ? { ...run, text: reading.map(run.text) } : run];
    }),
  }));
  const text = layoutPages(withoutFurniture(cleaned)).normalize("NFC");
  if (visible(text) < MIN_CHARS) return { ok: false, problem: "no_text" };
  return { ok: true, text, pages: pages.length };
}
