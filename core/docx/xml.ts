/**
 * A hand-written, single-pass scanner for the WordprocessingML parts we read:
 * every character is looked at a bounded number of times, whatever the input
 * (regular expressions over XML backtrack: an unclosed `<!--` or `<w:num>`
 * made them quadratic, 90 s of CPU for a 4 KB file). Malformed XML (unclosed
 * tags, comments, mismatched end tags, a DOCTYPE) and nesting deeper than
 * anything Word writes are refused instead of guessed at.
 */

/** Word nests paragraphs in tables in text boxes a few dozen levels at most; 3 million nested paragraphs is an attack. */
export const XML_MAX_DEPTH = 256;

export type XmlProblem = "malformed" | "too_deep";

export interface XmlHandler {
  /** A start tag; `empty` for `<tag/>` (no end event follows). `depth` counts the open elements around it. */
  open?(name: string, attributes: string, empty: boolean, depth: number): void;
  close?(name: string, depth: number): void;
  /** Character data, entities already decoded (CDATA as is). */
  text?(text: string): void;
}

/** Walks `xml` once, calling the handler; null when it is well formed, else what is wrong with it. */
export function scanXml(xml: string, handler: XmlHandler): XmlProblem | null {
  const stack: string[] = [];
  const length = xml.length;
  let at = 0;
  while (at < length) {
    const lt = xml.indexOf("<", at);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > at) {
      if (handler.text && stack.length > 0) handler.text(decodeEntities(xml.slice(at, textEnd)));
      if (lt < 0) break;
    }
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) return "malformed";
      at = end + 3;
      continue;
    }
    if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) return "malformed";
      at = end + 2;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) return "malformed";
      if (handler.text && stack.length > 0) handler.text(xml.slice(lt + 9, end));
      at = end + 3;
      continue;
    }
    // DOCTYPE and its entity declarations: Word never writes one; refusing it refuses entity tricks too.
    if (xml.startsWith("<!", lt)) return "malformed";

    const gt = tagEnd(xml, lt + 1);
    if (gt < 0) return "malformed";
    const closing = xml.charCodeAt(lt + 1) === 0x2f; // "/"
    const nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    while (nameEnd < gt && isNameChar(xml.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === nameStart) return "malformed";
    const name = xml.slice(nameStart, nameEnd);
    at = gt + 1;

    if (closing) {
      if (stack.pop() !== name) return "malformed";
      handler.close?.(name, stack.length);
      continue;
    }
    const empty = xml.charCodeAt(gt - 1) === 0x2f && gt - 1 >= nameEnd;
    const attributes = xml.slice(nameEnd, empty ? gt - 1 : gt);
    if (attributes !== "" && !isSpace(attributes.charCodeAt(0))) return "malformed";
    handler.open?.(name, attributes, empty, stack.length);
    if (!empty) {
      if (stack.length >= XML_MAX_DEPTH) return "too_deep";
      stack.push(name);
    }
  }
  return stack.length === 0 ? null : "malformed";
}

/** The `>` ending the tag that starts at `from`, skipping quoted attribute values; -1 when there is none. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      return i;
    } else if (c === 0x3c) {
      return -1; // "<" inside a tag: broken markup
    }
  }
  return -1;
}

function isNameChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x3a ||
    c === 0x5f ||
    c === 0x2d ||
    c === 0x2e ||
    c > 0x7f
  );
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The value of an attribute such as w:val, or null. One pass over the attribute text. */
export function attr(attributes: string, name: string): string | null {
  let i = 0;
  const n = attributes.length;
  while (i < n) {
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    const start = i;
    while (i < n && attributes.charCodeAt(i) !== 0x3d && !isSpace(attributes.charCodeAt(i))) i++;
    const key = attributes.slice(start, i);
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    if (attributes.charCodeAt(i) !== 0x3d) return null;
    i++;
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    const quote = attributes[i];
    if (quote !== '"' && quote !== "'") return null;
    const end = attributes.indexOf(quote, i + 1);
    if (end < 0) return null;
    if (key === name) return decodeEntities(attributes.slice(i + 1, end));
    i = end + 1;
  }
  return null;
}

/** On/off properties (w:b, w:vanish): present means on unless w:val says otherwise. */
export function isOn(attributes: string): boolean {
  const value = attr(attributes, "w:val");
  return value === null || !/^(?:0|false|off|none)$/i.test(value);
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  // Bounded repetitions: a long run of letters after "&" is tried once, not backtracked over.
  return text.replace(/&(#x[0-9a-fA-F]{1,8}|#\d{1,10}|[a-z]{1,8});/g, (whole, body: string) => {
    if (body.startsWith("#x")) return safeCodePoint(parseInt(body.slice(2), 16), whole);
    if (body.startsWith("#")) return safeCodePoint(parseInt(body.slice(1), 10), whole);
    return NAMED[body] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
