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
  const starts = tasks.map((task) => taskStart(raw, task.title));
  tasks.forEach((task, i) => {
    const at = starts[i];
    // The task's own stretch ends where the next task's words begin.
    const next = Math.min(...starts.filter((s): s is number => s !== undefined && at !== undefined && s > at), raw.length);
    const near = at === undefined ? null : nearText(raw, at, Math.min(next, at + task.title.length + OWN_AFTER_TITLE));
    const written = (name: string) => {
      const words = name.split(" ");
      if (words.length < 2) return name;
      const pattern = spacingFree(words);
      // The task's own lines first (its assignment line, its fields), then the nearest heading
      // above it (a unit's section), then what follows.
      const local =
        near === null
          ? null
          : (pattern.exec(near.own)?.[0] ?? lastMatch(pattern, near.before) ?? pattern.exec(near.after)?.[0] ?? null);
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
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const spacingFree = (words: string[]) => new RegExp(words.map(escapeRegExp).join(" ?"), "u");

const TITLE_WORDS = 6;
const TITLE_WORDS_MORE = 12;
const WINDOW = 1200;

const LOOK_BACK = 1500;
// A task's own lines after its first words: its title, assignment line and fields.
const OWN_AFTER_TITLE = 300;

/** Where the task's first words are in the document. */
function taskStart(raw: string, title: string): number | undefined {
  const words = title.split(" ").filter((w) => w !== "");
  if (words.length < 3) return undefined;
  // Tasks often open alike ("Phối hợp các cơ quan có liên quan …"): more words first, to find this one.
  return [TITLE_WORDS_MORE, TITLE_WORDS]
    .map((n) => spacingFree(words.slice(0, n)).exec(raw)?.index)
    .find((index) => index !== undefined);
}

/** The task's own stretch of the document, the stretch before it and the one after. */
function nearText(raw: string, at: number, ownEnd: number): { own: string; before: string; after: string } {
  return {
    own: raw.slice(at, ownEnd),
    before: raw.slice(Math.max(0, at - LOOK_BACK), at),
    after: raw.slice(ownEnd, at + WINDOW),
  };
}

function lastMatch(pattern: RegExp, text: string): string | null {
  let found: string | null = null;
  for (const match of text.matchAll(new RegExp(pattern.source, "gu"))) found = match[0];
  return found;
}
