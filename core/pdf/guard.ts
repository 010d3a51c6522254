/**
 * What a PDF costs to read, measured before the reader sees it: pages, objects,
 * nesting and the bytes its streams inflate to (images aside: text extraction never
 * decodes them). A file past any limit is refused here, so a bomb costs at most the
 * caps below in CPU and memory, never what it would inflate to.
 */
import { inflateBounded } from "./inflate";
import { walkObjects } from "./objects";

export const PDF_LIMITS = {
  /** A plan runs to a few dozen pages; a law with its annexes to a few hundred. */
  maxPages: 300,
  maxObjects: 100_000,
  /** Real files nest dictionaries and arrays a handful deep. */
  maxDepth: 64,
  /** One stream, inflated (a page's content, a font). */
  maxStreamBytes: 16 * 1024 * 1024,
  /** Every stream but images, inflated, together: what the reader would decode. */
  maxInflatedBytes: 32 * 1024 * 1024,
} as const;

export type GuardProblem = "encrypted" | "too_many_pages" | "too_deep" | "too_large" | "too_many_objects";

export interface PdfCost {
  pages: number;
  objects: number;
  inflated: number;
  depth: number;
}

export async function measurePdf(bytes: Uint8Array): Promise<{ ok: true; cost: PdfCost } | { ok: false; problem: GuardProblem }> {
  const cost: PdfCost = { pages: 0, objects: 0, inflated: 0, depth: 0 };
  let problem: GuardProblem | null = null;
  const walked = await walkObjects(
    bytes,
    { maxObjectStreamBytes: PDF_LIMITS.maxStreamBytes, maxObjects: PDF_LIMITS.maxObjects },
    async (object) => {
      if (problem) return;
      cost.objects++;
      cost.depth = Math.max(cost.depth, nestingDepth(object.body));
      if (cost.depth > PDF_LIMITS.maxDepth) problem = "too_deep";
      if (/\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(object.body)) problem = "encrypted";
      if (/\/Type\s*\/Page(?![A-Za-z])/.test(object.body) && ++cost.pages > PDF_LIMITS.maxPages) problem = "too_many_pages";
      if (!object.stream || /\/Subtype\s*\/Image\b/.test(object.body)) return;
      const filter = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(object.body)?.[1] ?? "";
      if (!filter.includes("/FlateDecode")) return;
      const room = Math.min(PDF_LIMITS.maxStreamBytes, PDF_LIMITS.maxInflatedBytes - cost.inflated);
      const inflated = await inflateBounded(object.stream, room, false);
      cost.inflated += inflated.size;
      if (!inflated.ok) problem = "too_large";
    },
  );
  if (walked) return { ok: false, problem: walked };
  if (problem) return { ok: false, problem };
  // The trailer (not an object) names the encryption dictionary of a classic file.
  if (/trailer\s*<<[\s\S]*?\/Encrypt\s/.test(tail(bytes))) return { ok: false, problem: "encrypted" };
  return { ok: true, cost };
}

/** The deepest nesting of dictionaries and arrays in an object's text, strings skipped. */
export function nestingDepth(body: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "(") {
      i = skipString(body, i);
    } else if (c === "[" || (c === "<" && body[i + 1] === "<")) {
      if (c === "<") i++;
      deepest = Math.max(deepest, ++depth);
    } else if (c === "]" || (c === ">" && body[i + 1] === ">")) {
      if (c === ">") i++;
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/** Index of the ")" closing the literal string opened at `open` (nested parentheses and escapes allowed). */
function skipString(body: string, open: number): number {
  let level = 0;
  for (let i = open; i < body.length; i++) {
    const c = body[i];
    if (c === "\\") i++;
    else if (c === "(") level++;
    else if (c === ")" && --level === 0) return i;
  }
  return body.length;
}

function tail(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes.subarray(Math.max(0, bytes.length - 4096))) text += String.fromCharCode(byte);
  return text;
}
