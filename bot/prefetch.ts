/**
 * Which reads an update will need, decided from the update alone (its
 * command or its button), so the webhook fetches them in its first D1 round
 * trip (db/queries/prefetch.ts). Only the official's everyday updates are
 * listed: a task list, a task card, the report flow's first and last steps,
 * and on Zalo a typed menu key (the task its item names). Anything else
 * reads what it needs itself.
 */
import type { PrefetchNeed } from "../db/queries/prefetch";
import { parseMenuPick } from "./ports/zalo-render";
import { reportSend, startCheckin, startCompletion, startReport, taskCard, taskFullText, taskListPage } from "./callback-data";

/** Commands that show the sender's unit's tasks. */
const LIST_COMMANDS = /^\/(viec|baocao)(@\w+)?(\s|$)/;

export interface PrefetchInput {
  /** A typed message's text. */
  text?: string | null;
  /** A pressed button's data. */
  callbackData?: string | null;
}

export function prefetchNeedFor(input: PrefetchInput): PrefetchNeed | null {
  if (input.text) return LIST_COMMANDS.test(input.text) ? { kind: "unitAssignments" } : null;
  const data = input.callbackData;
  if (!data) return null;
  if (taskListPage.pattern.test(data)) return { kind: "unitAssignments" };
  const card = taskCard.pattern.exec(data);
  if (card) return { kind: "assignment", assignmentId: Number(card[1]), card: true };
  for (const button of [startReport, startCompletion, startCheckin, taskFullText]) {
    const match = button.pattern.exec(data);
    if (match) return { kind: "assignment", assignmentId: Number(match[1]), card: false };
  }
  if (reportSend.pattern.test(data)) return { kind: "flowAssignment" };
  return null;
}

/**
 * A Zalo message: a typed command, or a key of the chat's last menu (the
 * task its item names is read ahead, db/queries/chat-menus pickedAssignmentId).
 */
export function prefetchNeedForZaloText(text: string | undefined): PrefetchNeed | null {
  if (!text) return null;
  if (text.trimStart().startsWith("/")) return prefetchNeedFor({ text: text.trim() });
  const pick = parseMenuPick(text);
  return pick ? { kind: "menuPick", key: pick.key } : null;
}

/** What a menu item's action names, kept with the menu so a typed key can be read ahead. */
export function subjectOf(callbackData: string): { assignmentId?: number; card?: true } {
  const need = prefetchNeedFor({ callbackData });
  if (need?.kind !== "assignment") return {};
  return { assignmentId: need.assignmentId, ...(need.card ? { card: true as const } : {}) };
}

/** Commands that only read and answer, besides those read ahead: the office's overview. */
const READ_ONLY_COMMANDS = /^\/(tongquan)(@\w+)?(\s|$)/;

/** Updates that only read and answer: nothing to redo if their Worker dies, so their claim is settled at once. */
export function isReadOnly(input: PrefetchInput, need: PrefetchNeed | null): boolean {
  if (need?.kind === "unitAssignments" || (need?.kind === "assignment" && need.card)) return true;
  return !!input.text && READ_ONLY_COMMANDS.test(input.text.trim());
}
