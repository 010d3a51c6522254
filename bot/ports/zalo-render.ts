/**
 * Turning what the bot renders for Telegram into what Zalo can show:
 * plain text (no markup, no buttons) in messages of at most 2000 characters,
 * with menus written as numbered or lettered lines the user answers by typing the key.
 */

export const ZALO_TEXT_LIMIT = 2000;
const MAX_NUMBER_KEYS = 99;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes entities in one pass, so "&amp;lt;" becomes "&lt;" and not "<". */
function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>/gi;
const LINK = /<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi;

function withoutScheme(url: string): string {
  return url.replace(/^(?:https?:\/\/|mailto:|tel:)/i, "").replace(/\/$/, "");
}

/** "text (url)", or just one of them when the other adds nothing. */
function linkAsText(href: string, text: string): string {
  const label = text.trim();
  if (!href || /^tg:/i.test(href)) return text; // tg:// links (user mentions) mean nothing outside Telegram
  if (!label) return href;
  if (withoutScheme(label) === withoutScheme(href)) return text;
  return `${text} (${href})`;
}

/** Telegram-HTML (b, i, u, s, code, pre, a, blockquote, …) to plain text; line breaks are kept as written. */
export function htmlToZaloText(html: string): string {
  const linked = html.replace(LINK, (_, dq: string | undefined, sq: string | undefined, inner: string) =>
    // Escaped again so the final unescape pass treats link parts like the rest of the text.
    escapeForPass(linkAsText(unescapeHtml(dq ?? sq ?? ""), unescapeHtml(inner.replace(TAG, "")))),
  );
  return unescapeHtml(linked.replace(/<br\s*\/?>/gi, "\n").replace(TAG, ""));
}

function escapeForPass(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// ------------------------------------------------------------------ menus

export type MenuStyle = "numbers" | "letters";

export interface RenderedMenu {
  /** One "1. Label" line per action, joined with newlines. */
  text: string;
  /** The key of each line, in order: "1", "2", … or "a", "b", … */
  keys: string[];
}

/** Flattens button rows into one line per action; beyond 99 numbers or 26 letters the rest is left out. */
export function renderMenu(rows: { label: string }[][], style: MenuStyle): RenderedMenu {
  const labels = rows.flat().map((b) => b.label.trim());
  const max = style === "numbers" ? MAX_NUMBER_KEYS : LETTERS.length;
  const keys = labels.slice(0, max).map((_, i) => (style === "numbers" ? String(i + 1) : LETTERS[i]!));
  const text = keys.map((key, i) => `${key}. ${labels[i]}`).join("\n");
  return { text, keys };
}

// "số2" is fine, but a letter needs a space after the word: "sob" is not "b".
const PICK = /^(?:(?:số|so|chọn|chon)\s*(?=\d)|(?:số|so|chọn|chon)\s+)?(\d{1,2}|[a-z])\s*[.)]?$/u;

/** A typed menu choice: "2", "2.", "số 2", "B", "b)" → { key: "2" } / { key: "b" }; anything else null. */
export function parseMenuPick(text: string): { key: string } | null {
  const match = PICK.exec(text.normalize("NFC").trim().toLowerCase());
  if (!match) return null;
  const key = match[1]!;
  if (/\d/.test(key)) {
    const n = Number(key);
    return n >= 1 ? { key: String(n) } : null;
  }
  return { key };
}

// ------------------------------------------------------------------ splitting

const SEPARATORS = ["\n\n", "\n", " "];

/** Cuts a single over-long word; never between the two halves of a surrogate pair. */
function cutWord(word: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = word;
  while (rest.length > limit) {
    let cut = limit;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff && cut > 1) cut -= 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts;
}

/** Packs the units of one level (paragraphs, lines, words) greedily; a unit too long for a part is split one level down. */
function splitAtLevel(text: string, limit: number, level: number): string[] {
  if (text.length <= limit) return [text];
  const separator = SEPARATORS[level];
  if (separator === undefined) return cutWord(text, limit);
  const parts: string[] = [];
  let current: string | null = null;
  for (const unit of text.split(separator)) {
    if (unit.length > limit) {
      if (current !== null) parts.push(current);
      const pieces = splitAtLevel(unit, limit, level + 1);
      parts.push(...pieces.slice(0, -1));
      current = pieces[pieces.length - 1]!;
    } else if (current === null) {
      current = unit;
    } else if (current.length + separator.length + unit.length <= limit) {
      current += separator + unit;
    } else {
      parts.push(current);
      current = unit;
    }
  }
  if (current !== null) parts.push(current);
  return parts;
}

/**
 * Splits a text into messages of at most `limit` UTF-16 units (at least as strict as counting characters),
 * at paragraph, then line, then word boundaries. Parts are trimmed and blank ones dropped, so a blank text gives [].
 */
export function splitForZalo(text: string, limit = ZALO_TEXT_LIMIT): string[] {
  if (limit < 2) throw new RangeError("limit must be at least 2");
  return splitAtLevel(text, limit, 0)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}
