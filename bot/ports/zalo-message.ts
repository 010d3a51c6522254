import type { MenuItem } from "../../db/queries/chat-menus";
import { subjectOf } from "../prefetch";
import { shorten } from "../render/html";
import type { Action } from "./actions";
import { htmlToZaloText, splitForZalo, type MenuStyle } from "./zalo-render";

export type { MenuItem };

export interface ZaloMessage {
  /** Each ≤ 2000 characters, sent in order. */
  parts: string[];
  /** The menu to keep for this chat, when the message has actions. */
  menu: { title: string; items: MenuItem[] } | null;
}

const MAX_NUMBER_KEY = 99;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
/** A list button: "3", or "3. Đảng ủy xã …" (the line of the list it opens). */
const NUMBERED_LABEL = /^(\d{1,3})(?:[.)]\s+(.+))?$/s;
/** A pager's bare arrows, spelled out on a line of their own. */
const PAGE_ARROWS: Record<string, string> = { "◀": "◀ Trang trước", "▶": "Trang sau ▶" };
/** "📎 2. bien-ban.pdf": a numbered item behind a symbol, read as "2. 📎 bien-ban.pdf" (one number on the line). */
const SYMBOL_NUMBERED = /^([^\p{L}\p{N}\s]{1,3})\s+(\d{1,3})[.)]\s+(.+)$/su;
/** A list line of the text: "3. …", "🔴 3) …". */
const LIST_LINE = /^(\s*(?:[^\p{L}\p{N}\s]{1,3}\s*)?)(\d{1,3})([.)]\s)(.*)$/u;

/**
 * A screen as Zalo shows it: plain text, then its actions as a menu to answer
 * by typing a key ("1", or "a" while a flow waits for typed numbers), links
 * written out, and a line saying how to answer. Keys are never ones in
 * `taken` (the chat's other live menus), so a typed key acts on one item
 * only; a numbered list is renumbered when its numbers are taken, text and
 * keys alike, so the number printed next to an item is the key that opens it.
 */
export function zaloMessage(
  text: string,
  options: { html?: boolean; actions?: Action[][]; style?: MenuStyle; taken?: ReadonlySet<string> },
): ZaloMessage {
  let body = (options.html ? htmlToZaloText(text) : text).trim();
  const rows = options.actions ?? [];
  const picks = rows
    .map((row) => row.filter((a): a is Action & { data: string } => "data" in a && !a.info))
    .filter((r) => r.length > 0);
  const links = rows.flat().filter((a): a is Action & { url: string } => "url" in a);
  // "Trang 2/5" says where the list is; as a key it would only send the same page again.
  const info = rows.flat().flatMap((a) => ("info" in a && a.info ? [a.label] : []));
  const linkLines = [...info, ...links.map((link) => `🔗 ${link.label}: ${link.url}`)];
  if (picks.length === 0) return { parts: splitForZalo([body, ...linkLines].filter(Boolean).join("\n\n")), menu: null };

  const style = options.style ?? "numbers";
  const keyed = style === "letters" ? letterKeys(picks, options.taken) : numberKeys(picks, options.taken);
  if (keyed.shift !== 0) body = renumber(body, keyed.numbers, keyed.shift);
  const listLines = listLinesOf(body);
  const items: MenuItem[] = [];
  const lines: string[] = [];
  for (const pick of keyed.picks) {
    const own = NUMBERED_LABEL.exec(pick.label);
    // A list button stands for the list line printed with its number: the text already shows it.
    if (own && style === "numbers" && (!own[2] || listLines.has(pick.key))) {
      items.push(item(pick.key, pick.data, listLines.get(pick.key) ?? pick.label));
      continue;
    }
    const label = own?.[2] && style === "numbers" ? own[2] : pick.label;
    lines.push(`${pick.key}. ${label}`);
    items.push(item(pick.key, pick.data, label));
  }
  const hint =
    style === "numbers" ? "↪ Trả lời bằng số tương ứng" : "↪ Chọn bằng chữ cái tương ứng (số gõ vào là nội dung trả lời)";
  const sections = [body, ...linkLines, [...lines, hint].join("\n")];
  const title = shorten(body.split("\n").find((l) => l.trim() !== "") ?? "", 60).trim();
  return { parts: splitForZalo(sections.filter(Boolean).join("\n\n")), menu: { title, items } };
}

function item(key: string, data: string, label: string): MenuItem {
  return { key, data, label: shorten(label.trim(), 48), ...subjectOf(data) };
}

interface KeyedPick {
  key: string;
  label: string;
  data: string;
}

/**
 * Each action's label as it reads on its own line: an action beside a list
 * item on its row ("🔔 Nhắc ngay" next to a unit) names that item.
 */
function labelled(rows: (Action & { data: string })[][]): { label: string; data: string }[] {
  return rows.flatMap((row) => {
    const anchor = row.map((a) => NUMBERED_LABEL.exec(a.label.trim())).find((m) => m?.[2]);
    return row.map((a) => {
      const symbol = SYMBOL_NUMBERED.exec(a.label.trim());
      const label = symbol ? `${symbol[2]}. ${symbol[1]} ${symbol[3]}` : (PAGE_ARROWS[a.label.trim()] ?? a.label.trim());
      const beside = anchor && !NUMBERED_LABEL.test(label);
      return { label: beside ? `${label} (${shorten(anchor[2]!, 32)})` : label, data: a.data };
    });
  });
}

/**
 * Numbers for a menu: a list button keeps its number, all of the list moved
 * by the smallest shift that frees it from the taken keys; the other actions
 * take the lowest free numbers.
 */
function numberKeys(
  rows: (Action & { data: string })[][],
  taken: ReadonlySet<string> = new Set(),
): { picks: KeyedPick[]; numbers: Set<number>; shift: number } {
  const actions = labelled(rows);
  const numbers = new Set<number>();
  for (const a of actions) {
    const m = NUMBERED_LABEL.exec(a.label);
    if (m) numbers.add(Number(m[1]));
  }
  const highest = Math.max(0, ...numbers);
  let shift = 0;
  while ([...numbers].some((n) => taken.has(String(n + shift))) && highest + shift < MAX_NUMBER_KEY) shift++;
  const used = new Set([...taken, ...[...numbers].map((n) => String(n + shift))]);
  const seen = new Set<number>();
  let next = 1;
  const picks = actions.map((a) => {
    const m = NUMBERED_LABEL.exec(a.label);
    if (m && !seen.has(Number(m[1]))) {
      seen.add(Number(m[1]));
      const key = String(Number(m[1]) + shift);
      return { key, data: a.data, label: m[2] ? `${key}. ${m[2]}` : key };
    }
    while (used.has(String(next))) next++;
    used.add(String(next));
    return { key: String(next), data: a.data, label: a.label };
  });
  return { picks, numbers, shift };
}

/** Letters, while a flow waits for typed numbers: the lowest free ones. */
function letterKeys(
  rows: (Action & { data: string })[][],
  taken: ReadonlySet<string> = new Set(),
): { picks: KeyedPick[]; numbers: Set<number>; shift: number } {
  const free = [...LETTERS].filter((l) => !taken.has(l));
  const picks = labelled(rows)
    .slice(0, free.length)
    .map((a, i) => ({ key: free[i]!, data: a.data, label: a.label }));
  return { picks, numbers: new Set(), shift: 0 };
}

/** The list's line numbers moved by `shift`, so they read as the keys. */
function renumber(body: string, numbers: Set<number>, shift: number): string {
  return body
    .split("\n")
    .map((line) => {
      const m = LIST_LINE.exec(line);
      if (!m || !numbers.has(Number(m[2]))) return line;
      return `${m[1]}${Number(m[2]) + shift}${m[3]}${m[4]}`;
    })
    .join("\n");
}

/** The text of each numbered list line, by its number: what a bare number key does. */
function listLinesOf(body: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = LIST_LINE.exec(line);
    if (m && !lines.has(String(Number(m[2])))) lines.set(String(Number(m[2])), m[4]!.trim());
  }
  return lines;
}
