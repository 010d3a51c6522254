/**
 * Telegram's text markup, parsed the way the Bot API does it: HTML and
 * MarkdownV2 into plain text + entities (UTF-16 offsets), with the same kind
 * of errors ("can't parse entities: …"). Runtime-neutral.
 */
import type { MessageEntity } from "./types";

export type ParseResult = { ok: true; text: string; entities: MessageEntity[] } | { ok: false; error: string };

const encoder = new TextEncoder();
const byteOffset = (s: string, index: number) => encoder.encode(s.slice(0, index)).length;

const HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
  "tg-time",
]);

function decodeEntityAt(s: string, i: number): { ch: string; len: number } | null {
  const m = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/.exec(s.slice(i, i + 12));
  if (!m) return null;
  const body = m[1]!;
  let code: number | undefined;
  if (body[0] === "#") code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  else code = ({ lt: 60, gt: 62, amp: 38, quot: 34 } as Record<string, number>)[body];
  if (code === undefined || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return { ch: String.fromCodePoint(code), len: m[0].length };
}

interface OpenTag {
  name: string;
  offset: number;
  attrs: Record<string, string>;
}

/** Parses Telegram-flavoured HTML. Unknown tags, unbalanced tags and bad attributes are errors, like the Bot API. */
export function parseHtml(src: string): ParseResult {
  let out = "";
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  const fail = (msg: string): ParseResult => ({ ok: false, error: msg });
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "&") {
      const e = decodeEntityAt(src, i);
      if (e) {
        out += e.ch;
        i += e.len;
        continue;
      }
      out += c;
      i++;
      continue;
    }
    if (c !== "<") {
      out += c;
      i++;
      continue;
    }
    const begin = i;
    if (src[i + 1] === "/") {
      // end tag
      let j = i + 2;
      while (j < src.length && /[a-zA-Z0-9-]/.test(src[j]!)) j++;
      const name = src.slice(i + 2, j).toLowerCase();
      while (j < src.length && /\s/.test(src[j]!)) j++;
      if (src[j] !== ">") return fail(`Unclosed end tag at byte offset ${byteOffset(src, begin)}`);
      const top = stack.pop();
      if (!top) return fail(`Unexpected end tag at byte offset ${byteOffset(src, begin)}`);
      if (top.name !== name) {
        return fail(`Unmatched end tag at byte offset ${byteOffset(src, begin)}, expected "</${top.name}>", found "</${name}>"`);
      }
      const entity = htmlEntity(top, out.length - top.offset, stack);
      if (typeof entity === "string") return fail(entity);
      if (entity && entity.length > 0) entities.push(entity);
      i = j + 1;
      continue;
    }
    // start tag
    let j = i + 1;
    while (j < src.length && /[a-zA-Z0-9-]/.test(src[j]!)) j++;
    const name = src.slice(i + 1, j).toLowerCase();
    if (j >= src.length) return fail(`Unclosed start tag at byte offset ${byteOffset(src, begin)}`);
    if (!HTML_TAGS.has(name)) return fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(src, begin)}`);
    const attrs: Record<string, string> = {};
    for (;;) {
      while (j < src.length && /\s/.test(src[j]!)) j++;
      if (j >= src.length) return fail(`Unclosed start tag at byte offset ${byteOffset(src, begin)}`);
      if (src[j] === ">") break;
      if (src[j] === "/" && src[j + 1] === ">")
        return fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(src, begin)}`);
      const a = j;
      while (j < src.length && /[a-zA-Z0-9_-]/.test(src[j]!)) j++;
      const attrName = src.slice(a, j).toLowerCase();
      if (!attrName) return fail(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(src, begin)}`);
      while (j < src.length && /\s/.test(src[j]!)) j++;
      if (src[j] !== "=") {
        // attribute without value, e.g. <blockquote expandable>
        attrs[attrName] = "";
        continue;
      }
      j++;
      while (j < src.length && /\s/.test(src[j]!)) j++;
      let raw: string;
      if (src[j] === '"' || src[j] === "'") {
        const q = src[j]!;
        const end = src.indexOf(q, j + 1);
        if (end < 0) return fail(`Unclosed start tag at byte offset ${byteOffset(src, begin)}`);
        raw = src.slice(j + 1, end);
        j = end + 1;
      } else {
        const a2 = j;
        while (j < src.length && /[^\s>]/.test(src[j]!)) j++;
        raw = src.slice(a2, j);
      }
      attrs[attrName] = decodeAll(raw);
    }
    if (name === "span" && attrs.class !== "tg-spoiler") {
      return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(src, begin)}`);
    }
    stack.push({ name, offset: out.length, attrs });
    i = j + 1;
  }
  if (stack.length > 0) return fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]!.name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { ok: true, text: out, entities };
}

function decodeAll(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; ) {
    if (s[i] === "&") {
      const e = decodeEntityAt(s, i);
      if (e) {
        out += e.ch;
        i += e.len;
        continue;
      }
    }
    out += s[i];
    i++;
  }
  return out;
}

function htmlEntity(tag: OpenTag, length: number, stack: OpenTag[]): MessageEntity | string | null {
  const base = { offset: tag.offset, length };
  switch (tag.name) {
    case "b":
    case "strong":
      return { type: "bold", ...base };
    case "i":
    case "em":
      return { type: "italic", ...base };
    case "u":
    case "ins":
      return { type: "underline", ...base };
    case "s":
    case "strike":
    case "del":
      return { type: "strikethrough", ...base };
    case "span":
    case "tg-spoiler":
      return { type: "spoiler", ...base };
    case "code": {
      const parent = stack[stack.length - 1];
      if (parent?.name === "pre") {
        // <pre><code class="language-x"> becomes one pre entity with a language
        const lang = /^language-(.+)$/.exec(tag.attrs.class ?? "")?.[1];
        if (lang) parent.attrs.language = lang;
        return null;
      }
      return { type: "code", ...base };
    }
    case "pre":
      return tag.attrs.language ? { type: "pre", ...base, language: tag.attrs.language } : { type: "pre", ...base };
    case "blockquote":
      return { type: "expandable" in tag.attrs ? "expandable_blockquote" : "blockquote", ...base };
    case "a": {
      const href = tag.attrs.href ?? "";
      if (!href) return null;
      const mention = /^tg:\/\/user\?id=(\d+)$/.exec(href);
      if (mention) return { type: "text_mention", ...base, user: { id: Number(mention[1]), is_bot: false, first_name: "" } };
      if (!isValidUrl(href)) return null;
      return { type: "text_link", ...base, url: href };
    }
    case "tg-emoji":
      if (!tag.attrs["emoji-id"]) return `Custom emoji entity must have a non-empty identifier`;
      return { type: "custom_emoji", ...base, custom_emoji_id: tag.attrs["emoji-id"] };
    default:
      return null;
  }
}

export function isValidUrl(u: string): boolean {
  if (/^tg:\/\/\S+$/.test(u)) return true;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(u) ? u : `http://${u}`);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- MarkdownV2

const MDV2_RESERVED = "_*[]()~`>#+-=|{}.!";

/** Parses MarkdownV2 with its strict escaping rules (reserved characters outside entities must be escaped). */
export function parseMarkdownV2(src: string): ParseResult {
  let out = "";
  const entities: MessageEntity[] = [];
  type Open = { token: string; type: string; offset: number; begin: number };
  const stack: Open[] = [];
  const fail = (msg: string): ParseResult => ({ ok: false, error: msg });
  const atLineStart = (idx: number) => idx === 0 || src[idx - 1] === "\n";
  let quoteStart = -1;
  let i = 0;
  const closeQuote = () => {
    if (quoteStart >= 0) {
      let end = out.length;
      if (out.endsWith("\n")) end--;
      if (end > quoteStart) entities.push({ type: "blockquote", offset: quoteStart, length: end - quoteStart });
      quoteStart = -1;
    }
  };
  while (i < src.length) {
    const c = src[i]!;
    if (atLineStart(i)) {
      if (c === ">") {
        if (quoteStart < 0) quoteStart = out.length;
        i++;
        continue;
      }
      if (c === "*" && src[i + 1] === "*" && src[i + 2] === ">") {
        if (quoteStart < 0) quoteStart = out.length;
        i += 3;
        continue;
      }
      if (i > 0) closeQuote();
    }
    if (c === "\\") {
      const n = src[i + 1];
      if (n === undefined) return fail(`Can't parse entities: unexpected end of text after "\\"`);
      out += n;
      i += 2;
      continue;
    }
    if (c === "`") {
      const isPre = src.startsWith("```", i);
      const fence = isPre ? "```" : "`";
      let j = i + fence.length;
      let language: string | undefined;
      if (isPre) {
        const nl = src.indexOf("\n", j);
        const firstLine = nl >= 0 ? src.slice(j, nl) : "";
        if (nl >= 0 && /^[A-Za-z0-9_+-]*$/.test(firstLine)) {
          if (firstLine) language = firstLine;
          j = nl + 1;
        }
      }
      const start = out.length;
      let closed = false;
      while (j < src.length) {
        if (src[j] === "\\" && j + 1 < src.length) {
          out += src[j + 1];
          j += 2;
          continue;
        }
        if (src.startsWith(fence, j)) {
          closed = true;
          break;
        }
        out += src[j];
        j++;
      }
      if (!closed) return fail(`Can't find end of ${isPre ? "Pre" : "Code"} entity at byte offset ${byteOffset(src, i)}`);
      const len = out.length - start;
      if (len > 0)
        entities.push(
          language
            ? { type: "pre", offset: start, length: len, language }
            : { type: isPre ? "pre" : "code", offset: start, length: len },
        );
      i = j + fence.length;
      continue;
    }
    if (c === "[") {
      stack.push({ token: "[", type: "link", offset: out.length, begin: i });
      i++;
      continue;
    }
    if (c === "]") {
      const top = stack[stack.length - 1];
      if (top?.token !== "[") return fail(`Character ']' is reserved and must be escaped with the preceding '\\'`);
      stack.pop();
      if (src[i + 1] !== "(") return fail(`Character '[' is reserved and must be escaped with the preceding '\\'`);
      let j = i + 2;
      let url = "";
      while (j < src.length && src[j] !== ")") {
        if (src[j] === "\\" && j + 1 < src.length) {
          url += src[j + 1];
          j += 2;
          continue;
        }
        url += src[j];
        j++;
      }
      if (j >= src.length) return fail(`Can't find end of a url at byte offset ${byteOffset(src, i + 1)}`);
      const len = out.length - top.offset;
      if (len > 0) {
        const mention = /^tg:\/\/user\?id=(\d+)$/.exec(url);
        if (mention)
          entities.push({
            type: "text_mention",
            offset: top.offset,
            length: len,
            user: { id: Number(mention[1]), is_bot: false, first_name: "" },
          });
        else if (isValidUrl(url)) entities.push({ type: "text_link", offset: top.offset, length: len, url });
      }
      i = j + 1;
      continue;
    }
    const token = src.startsWith("||", i)
      ? "||"
      : src.startsWith("__", i)
        ? "__"
        : c === "*" || c === "_" || c === "~"
          ? c
          : null;
    if (token) {
      const type = { "||": "spoiler", __: "underline", "*": "bold", _: "italic", "~": "strikethrough" }[token]!;
      const openIdx = stack.findIndex((o) => o.token === token);
      if (openIdx >= 0) {
        if (openIdx !== stack.length - 1) {
          const inner = stack[stack.length - 1]!;
          return fail(`Can't find end of ${entityName(inner.type)} entity at byte offset ${byteOffset(src, inner.begin)}`);
        }
        const open = stack.pop()!;
        const len = out.length - open.offset;
        if (len > 0) entities.push({ type: open.type, offset: open.offset, length: len });
      } else {
        stack.push({ token, type, offset: out.length, begin: i });
      }
      i += token.length;
      continue;
    }
    if (MDV2_RESERVED.includes(c)) {
      return fail(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    }
    out += c;
    i++;
  }
  closeQuote();
  if (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    return fail(`Can't find end of ${entityName(top.type)} entity at byte offset ${byteOffset(src, top.begin)}`);
  }
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { ok: true, text: out, entities };
}

function entityName(type: string): string {
  return (
    (
      {
        bold: "Bold",
        italic: "Italic",
        underline: "Underline",
        strikethrough: "Strikethrough",
        spoiler: "Spoiler",
        link: "TextUrl",
      } as Record<string, string>
    )[type] ?? type
  );
}

/** Legacy Markdown: *bold* _italic_ `code` ```pre``` [text](url); unbalanced markers are errors. */
export function parseMarkdownLegacy(src: string): ParseResult {
  let out = "";
  const entities: MessageEntity[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "\\" && i + 1 < src.length && "_*`[".includes(src[i + 1]!)) {
      out += src[i + 1];
      i += 2;
      continue;
    }
    if (c === "*" || c === "_" || c === "`") {
      const fence = c === "`" && src.startsWith("```", i) ? "```" : c;
      const end = src.indexOf(fence, i + fence.length);
      if (end < 0) return { ok: false, error: `Can't find end of the entity starting at byte offset ${byteOffset(src, i)}` };
      const inner = src.slice(i + fence.length, end);
      const type = fence === "```" ? "pre" : c === "`" ? "code" : c === "*" ? "bold" : "italic";
      if (inner.length > 0) entities.push({ type, offset: out.length, length: inner.length });
      out += inner;
      i = end + fence.length;
      continue;
    }
    if (c === "[") {
      const m = /^\[([^\]]*)\]\(([^)]*)\)/.exec(src.slice(i));
      if (m) {
        if (m[1]!.length > 0 && isValidUrl(m[2]!))
          entities.push({ type: "text_link", offset: out.length, length: m[1]!.length, url: m[2]! });
        out += m[1];
        i += m[0].length;
        continue;
      }
    }
    out += c;
    i++;
  }
  return { ok: true, text: out, entities };
}

/** Parses text with a Bot API parse_mode. An unknown parse_mode is an error, like the Bot API. */
export function parseWithMode(text: string, parseMode: string | undefined): ParseResult {
  if (!parseMode) return { ok: true, text, entities: [] };
  switch (parseMode.toLowerCase()) {
    case "html":
      return parseHtml(text);
    case "markdownv2":
      return parseMarkdownV2(text);
    case "markdown":
      return parseMarkdownLegacy(text);
    default:
      return { ok: false, error: "unsupported parse_mode" };
  }
}

/** Marks /commands (at the start or after whitespace) the way Telegram clients do. */
export function commandEntities(text: string): MessageEntity[] {
  const out: MessageEntity[] = [];
  const re = /(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)(?=$|\s)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ type: "bot_command", offset: m.index + m[1]!.length, length: m[2]!.length });
  }
  return out;
}
