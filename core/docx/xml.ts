/** A regular-expression scan of WordprocessingML: the parts read here never need a DOM. */

/** Start tags, end tags, empty tags and the text between them; comments, PIs and CDATA are skipped by the caller. */
export const TOKEN = /<(\/?)([A-Za-z_][\w.-]*(?::[\w.-]+)?)((?:\s+[^>]*?)?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g;

/** The value of an attribute such as w:val, or null. */
export function attr(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(["'])(.*?)\\1`).exec(attributes);
  return match ? decodeEntities(match[2]!) : null;
}

/** On/off properties (w:b, w:vanish): present means on unless w:val says otherwise. */
export function isOn(attributes: string): boolean {
  const value = attr(attributes, "w:val");
  return value === null || !/^(?:0|false|off|none)$/i.test(value);
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, body: string) => {
    if (body.startsWith("#x")) return safeCodePoint(parseInt(body.slice(2), 16), whole);
    if (body.startsWith("#")) return safeCodePoint(parseInt(body.slice(1), 10), whole);
    return NAMED[body] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** Each `<tag …>…</tag>` element of one kind (not nested in itself), with its attributes and inner XML. */
export function elements(xml: string, tag: string): { attributes: string; inner: string }[] {
  const found: { attributes: string; inner: string }[] = [];
  const pattern = new RegExp(`<${tag}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${tag}>)`, "g");
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) found.push({ attributes: m[1] ?? "", inner: m[2] ?? "" });
  return found;
}

/** The attributes of the first empty or open `<tag …>` in `xml`, or null. */
export function firstTag(xml: string, tag: string): string | null {
  const match = new RegExp(`<${tag}(\\s[^>]*?)?/?>`).exec(xml);
  return match ? (match[1] ?? "") : null;
}
