import type { MenuItem } from "../../db/queries/chat-menus";
import { subjectOf } from "../prefetch";
import type { Action } from "./actions";
import { htmlToZaloText, splitForZalo, type MenuStyle } from "./zalo-render";

export type { MenuItem };

export interface ZaloMessage {
  /** Each ≤ 2000 characters, sent in order. */
  parts: string[];
  /** The menu to remember for this chat, when the message has actions. */
  menu: MenuItem[] | null;
}

/**
 * A screen as Zalo shows it: plain text, then its actions as a menu to answer
 * by typing a key ("1", or "a" while a flow waits for typed numbers), links
 * written out, and a line saying how to answer.
 */
export function zaloMessage(text: string, options: { html?: boolean; actions?: Action[][]; style?: MenuStyle }): ZaloMessage {
  const body = options.html ? htmlToZaloText(text) : text;
  const rows = options.actions ?? [];
  const picks = rows.map((row) => row.filter((a): a is Action & { data: string } => "data" in a)).filter((r) => r.length > 0);
  const links = rows.flat().filter((a): a is Action & { url: string } => "url" in a);
  const sections = [body.trim()];
  for (const link of links) sections.push(`🔗 ${link.label}: ${link.url}`);
  let menu: MenuItem[] | null = null;
  if (picks.length > 0) {
    const style = options.style ?? "numbers";
    menu = menuKeys(picks.flat(), style);
    const lines = picks.flat().flatMap((a, i) => {
      const key = menu![i]!.key;
      // A numbered button ("3") stands for line 3 of the list above: the text already shows it.
      return a.label.trim() === key ? [] : [`${key}. ${a.label.trim()}`];
    });
    const hint =
      style === "numbers" ? "↪ Trả lời bằng số tương ứng" : "↪ Chọn bằng chữ cái tương ứng (số gõ vào là nội dung trả lời)";
    sections.push([...lines, hint].join("\n"));
  }
  return { parts: splitForZalo(sections.filter(Boolean).join("\n\n")), menu };
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * Keys for a menu: a button labelled with a number keeps it (lists are
 * numbered in the text and the buttons repeat the numbers); the others follow
 * after the highest. While a flow waits for typed numbers, letters instead.
 */
function menuKeys(actions: { label: string; data: string }[], style: MenuStyle): MenuItem[] {
  return keyed(actions, style).map((item) => ({ ...item, ...subjectOf(item.data) }));
}

function keyed(actions: { label: string; data: string }[], style: MenuStyle): MenuItem[] {
  if (style === "letters") return actions.slice(0, LETTERS.length).map((a, i) => ({ key: LETTERS[i]!, data: a.data }));
  const numbered = new Set(actions.map((a) => a.label.trim()).filter((l) => /^\d{1,3}$/.test(l)));
  let next = Math.max(0, ...[...numbered].map(Number)) + 1;
  return actions.map((a) => {
    const label = a.label.trim();
    if (numbered.has(label)) {
      numbered.delete(label);
      return { key: String(Number(label)), data: a.data };
    }
    return { key: String(next++), data: a.data };
  });
}
