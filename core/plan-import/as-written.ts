import type { ExtractedTask } from "./types";

/**
 * Unit names as the document writes them. Reading splits words that OCR ran together
 * ("Đảng uỷUBND xã chủtrì"), so that units and roles can be recognised; the names given
 * back keep the document's own spelling, glue included, as an official would quote them:
 * the spelling found near the task's own words, else the first one in the document.
 * Matching against known units ignores spacing (unitKey), so nothing is lost by it.
 */
export function unitsAsWritten(tasks: ExtractedTask[], source: string): void {
  const raw = source.normalize("NFC").replace(/\s+/g, " ");
  const global = new Map<string, string>();
  for (const task of tasks) {
    const near = nearText(raw, task.title);
    const written = (name: string) => {
      const words = name.split(" ");
      if (words.length < 2) return name;
      const pattern = spacingFree(words);
      // The task's own lines first: the lines before it belong to the task above.
      const local = near === null ? null : (pattern.exec(near.after)?.[0] ?? pattern.exec(near.before)?.[0] ?? null);
      if (local) return local;
      let found = global.get(name);
      if (found === undefined) {
        found = raw.includes(name) ? name : (pattern.exec(raw)?.[0] ?? name);
        global.set(name, found);
      }
      return found;
    };
    task.lead = task.lead.map(written);
    task.coop = task.coop.map(written);
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const spacingFree = (words: string[]) => new RegExp(words.map(escapeRegExp).join(" ?"), "u");

const TITLE_WORDS = 6;
const WINDOW = 1200;

const LOOK_BACK = 200;

/** The stretch of the document from the task's first words on, and the lines just before; null when they are not found. */
function nearText(raw: string, title: string): { after: string; before: string } | null {
  const words = title
    .split(" ")
    .filter((w) => w !== "")
    .slice(0, TITLE_WORDS);
  if (words.length < 3) return null;
  const plain = raw.indexOf(words.join(" "));
  const at = plain >= 0 ? plain : spacingFree(words).exec(raw)?.index;
  return at === undefined ? null : { after: raw.slice(at, at + WINDOW), before: raw.slice(Math.max(0, at - LOOK_BACK), at) };
}
