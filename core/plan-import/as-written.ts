import type { ExtractedTask } from "./types";

/**
 * Unit names as the document writes them. Reading splits words that OCR ran together
 * ("Đảng uỷUBND xã chủtrì"), so that units and roles can be recognised; the names given
 * back keep the document's own spelling, glue included, as an official would quote them.
 * Matching against known units ignores spacing (unitKey), so nothing is lost by it.
 */
export function unitsAsWritten(tasks: ExtractedTask[], source: string): void {
  const raw = source.normalize("NFC").replace(/\s+/g, " ");
  const cache = new Map<string, string>();
  const written = (name: string) => {
    let found = cache.get(name);
    if (found === undefined) {
      found = findAsWritten(raw, name) ?? name;
      cache.set(name, found);
    }
    return found;
  };
  for (const task of tasks) {
    task.lead = task.lead.map(written);
    task.coop = task.coop.map(written);
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The first occurrence of `name` in the text where its spaces may be missing; null when it occurs as given or not at all. */
function findAsWritten(raw: string, name: string): string | null {
  const words = name.split(" ");
  if (words.length < 2 || raw.includes(name)) return null;
  const pattern = new RegExp(words.map(escape).join(" ?"), "u");
  return pattern.exec(raw)?.[0] ?? null;
}
