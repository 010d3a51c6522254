/**
 * Terminal rendering for the chat: Telegram text + entities as ANSI, keyboards
 * as numbered buttons, sizes the Vietnamese way.
 */
import type { MessageEntity, ReplyMarkup, StoredMessage } from "../fake-telegram/types";

export interface Style {
  color: boolean;
}

const ESC = "\x1b[";
export const ansi = {
  bold: (s: string, st: Style) => (st.color ? `${ESC}1m${s}${ESC}22m` : s),
  dim: (s: string, st: Style) => (st.color ? `${ESC}2m${s}${ESC}22m` : s),
  italic: (s: string, st: Style) => (st.color ? `${ESC}3m${s}${ESC}23m` : s),
  green: (s: string, st: Style) => (st.color ? `${ESC}32m${s}${ESC}39m` : s),
  yellow: (s: string, st: Style) => (st.color ? `${ESC}33m${s}${ESC}39m` : s),
  cyan: (s: string, st: Style) => (st.color ? `${ESC}36m${s}${ESC}39m` : s),
  red: (s: string, st: Style) => (st.color ? `${ESC}31m${s}${ESC}39m` : s),
};

const ENTITY_SGR: Record<string, string> = {
  bold: "1",
  italic: "3",
  underline: "4",
  strikethrough: "9",
  code: "36",
  pre: "36",
  spoiler: "2",
  text_link: "4",
  blockquote: "3",
  expandable_blockquote: "3",
};

/** Text + entities (UTF-16 offsets) → ANSI. Overlapping entities are fine: styles are recomputed at every boundary. */
export function renderEntities(text: string, entities: MessageEntity[] | undefined, st: Style): string {
  const ents = (entities ?? []).filter((e) => e.length > 0);
  if (!ents.length) return text;
  const cuts = new Set<number>([0, text.length]);
  for (const e of ents) {
    cuts.add(Math.max(0, Math.min(text.length, e.offset)));
    cuts.add(Math.max(0, Math.min(text.length, e.offset + e.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = "";
  for (let k = 0; k < points.length - 1; k++) {
    const a = points[k]!;
    const b = points[k + 1]!;
    const active = ents.filter((e) => e.offset <= a && e.offset + e.length >= b);
    const codes = [...new Set(active.map((e) => ENTITY_SGR[e.type]).filter((c): c is string => !!c))];
    const piece = text.slice(a, b);
    out += st.color && codes.length ? `${ESC}${codes.join(";")}m${piece}${ESC}0m` : piece;
    for (const link of ents.filter((e) => e.type === "text_link" && e.offset + e.length === b && e.url)) {
      out += st.color ? `${ESC}2m (${link.url})${ESC}22m` : ` (${link.url})`;
    }
  }
  return out;
}

/** A pressable thing in the terminal: an inline button or a reply-keyboard button. */
export interface ChatButton {
  n: number;
  text: string;
  kind: "callback" | "url" | "reply" | "other";
  data?: string;
  url?: string;
  row: number;
}

export function buttonsOf(markup: ReplyMarkup | undefined): ChatButton[] {
  if (!markup) return [];
  const out: ChatButton[] = [];
  let n = 0;
  if ("inline_keyboard" in markup && Array.isArray(markup.inline_keyboard)) {
    markup.inline_keyboard.forEach((row, r) => {
      for (const b of row) {
        n++;
        if (typeof b.callback_data === "string") out.push({ n, text: b.text, kind: "callback", data: b.callback_data, row: r });
        else if (typeof b.url === "string") out.push({ n, text: b.text, kind: "url", url: b.url, row: r });
        else out.push({ n, text: b.text, kind: "other", row: r });
      }
    });
  } else if ("keyboard" in markup && Array.isArray(markup.keyboard)) {
    markup.keyboard.forEach((row, r) => {
      for (const b of row) {
        n++;
        const text = typeof b === "string" ? b : String(b.text);
        out.push({ n, text, kind: "reply", row: r });
      }
    });
  }
  return out;
}

/** `[1] Báo cáo tiến độ  [2] Xem kế hoạch`, one line per keyboard row. */
export function renderButtons(buttons: ChatButton[], st: Style, indent = "   "): string[] {
  const rows = new Map<number, ChatButton[]>();
  for (const b of buttons) rows.set(b.row, [...(rows.get(b.row) ?? []), b]);
  return [...rows.values()].map(
    (row) =>
      indent +
      row
        .map((b) => {
          const label = `${ansi.bold(`[${b.n}]`, st)} ${b.text}`;
          if (b.kind === "url") return `${label} ${ansi.dim(`🔗 ${b.url}`, st)}`;
          if (b.kind === "other") return `${label} ${ansi.dim("(không dùng được ở đây)", st)}`;
          return label;
        })
        .join("  "),
  );
}

export function formatSize(bytes: number): string {
  const fmt = (v: number) => v.toFixed(1).replace(".", ",").replace(/,0$/, "");
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} KB`;
  return `${fmt(bytes / 1024 / 1024)} MB`;
}

/** The visible body of a stored message: text or caption, rendered. */
export function renderBody(m: StoredMessage, st: Style): string {
  if (m.text !== undefined) return renderEntities(m.text, m.entities, st);
  if (m.caption !== undefined) return renderEntities(m.caption, m.caption_entities, st);
  return "";
}

export function indentLines(text: string, indent: string): string {
  return text
    .split("\n")
    .map((l) => indent + l)
    .join("\n");
}

export const ROLE_LABELS: Record<string, string> = {
  admin: "quản trị",
  leader: "lãnh đạo",
  member: "cán bộ",
  viewer: "theo dõi",
};
