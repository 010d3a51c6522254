import type { LiveMenu } from "../db/queries/chat-menus";
import { parseMenuPick } from "./ports/zalo-render";

export type TypedInput =
  /** Dispatch as the button with this callback data, pressed on the message of menu `menuId`. */
  | { kind: "action"; data: string; menuId: number }
  /** Hand the text to the features (commands, a flow's typed answer). */
  | { kind: "text" }
  /** A key that names nothing in the chat's live menus: they are listed with what each key does. */
  | { kind: "unknown_key"; key: string; menus: LiveMenu[] }
  /** A key, but no menu of the chat is live (none yet, or all a day old). */
  | { kind: "stale_menu"; key: string };

const isLetter = (key: string) => /^[a-z]$/.test(key);

/**
 * What a typed message on a chat without buttons means. Every live menu of
 * the chat has keys of its own, so a key is the action of the one item that
 * shows it, whichever message it came with. While a flow waits for typed
 * input its menus use letters and numbers reach the flow ("50" is a
 * percentage); a letter outside a flow names nothing (the flow's menus died
 * with it); text that is not a key is text.
 */
export function readTypedInput(text: string, menus: LiveMenu[], flowOpen: boolean): TypedInput {
  const pick = parseMenuPick(text);
  if (!pick) return { kind: "text" };
  const letter = isLetter(pick.key);
  if (!letter && flowOpen && !flowTakesNumbersAsPicks(menus)) return { kind: "text" };
  const live = flowOpen ? menus : menus.filter((m) => !m.items.some((i) => isLetter(i.key)));
  for (const menu of [...live].reverse()) {
    const item = menu.items.find((i) => i.key === pick.key);
    if (item) return { kind: "action", data: item.data, menuId: menu.id };
  }
  // A single letter typed as a word ("a") in a flow waiting for text is still text.
  if (flowOpen) return { kind: "text" };
  if (live.length === 0) return { kind: "stale_menu", key: pick.key };
  return { kind: "unknown_key", key: pick.key, menus: live };
}

/** A flow whose newest menu is numbered (a choice, not a typed answer) takes numbers as picks. */
function flowTakesNumbersAsPicks(menus: LiveMenu[]): boolean {
  const newest = menus.at(-1);
  return newest !== undefined && newest.items.length > 0 && !isLetter(newest.items[0]!.key);
}
