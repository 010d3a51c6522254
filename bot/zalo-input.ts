import type { MenuItem } from "../db/queries/chat-menus";
import { parseMenuPick } from "./ports/zalo-render";

/** A menu older than this is not answered by a typed key: the person is asked to open the list again. */
export const MENU_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type TypedInput =
  /** Dispatch as the button with this callback data. */
  | { kind: "action"; data: string }
  /** Hand the text to the features (commands, a flow's typed answer). */
  | { kind: "text" }
  /** A key that names nothing in the last menu. */
  | { kind: "unknown_key"; key: string; keys: string[] }
  /** A key, but the last menu is gone or too old. */
  | { kind: "stale_menu"; key: string };

/**
 * What a typed message on a chat without buttons means. A key from the last
 * menu is that action; while a flow waits for typed input its menu uses
 * letters, so numbers reach the flow ("50" is a percentage); text that is not
 * a key is text.
 */
export function readTypedInput(
  text: string,
  menu: { items: MenuItem[]; createdAt: string } | null,
  flowOpen: boolean,
  nowMs: number,
): TypedInput {
  const pick = parseMenuPick(text);
  if (!pick) return { kind: "text" };
  const isLetter = /^[a-z]$/.test(pick.key);
  const lettered = menu !== null && menu.items.length > 0 && /^[a-z]$/.test(menu.items[0]!.key);
  // A number while a flow waits for input (its menu is lettered, or it has none) is the answer, not a pick.
  if (!isLetter && flowOpen && (lettered || menu === null)) return { kind: "text" };
  if (!menu || Date.parse(menu.createdAt) < nowMs - MENU_LIFETIME_MS) {
    return flowOpen ? { kind: "text" } : { kind: "stale_menu", key: pick.key };
  }
  const item = menu.items.find((i) => i.key === pick.key);
  if (item) return { kind: "action", data: item.data };
  // A single letter typed as a word ("a") in a flow waiting for text is still text.
  if (isLetter && !lettered)
    return flowOpen ? { kind: "text" } : { kind: "unknown_key", key: pick.key, keys: menu.items.map((i) => i.key) };
  return { kind: "unknown_key", key: pick.key, keys: menu.items.map((i) => i.key) };
}
