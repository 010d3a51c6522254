import type { Api } from "grammy";
import type { Role } from "../db/schema";
import { commandsFor } from "./texts";

/**
 * Telegram's "/" menu, per person: the default menu (set at deploy) lists a
 * member's commands; a chat gets its own menu for its role when the person
 * joins, when their role changes and when they ask for /trogiup (which mends
 * a menu that was never set), and loses it when they are removed. Telegram
 * prefers a chat's menu to the default one.
 */
export function menuFor(role: Role): { command: string; description: string }[] {
  return commandsFor(role).map(([command, description]) => ({ command, description }));
}

/** Sets (or, for a removed person, deletes) a chat's menu. A failure is logged: the menu is a convenience, never a reason to fail a reply. */
export async function syncCommandMenu(api: Api, chatId: string | number, role: Role | null): Promise<void> {
  const scope = { type: "chat" as const, chat_id: Number(chatId) };
  try {
    if (role === null) await api.deleteMyCommands({ scope });
    else await api.setMyCommands(menuFor(role), { scope });
  } catch (error) {
    console.warn("could not set the command menu", chatId, error);
  }
}
