/**
 * Which reads an update will need, decided from the update alone (its
 * command or its button), so the webhook fetches them in its first D1 round
 * trip (db/queries/prefetch.ts). Only the official's everyday updates are
 * listed: a task list, a task card, the report flow's first and last steps.
 * Anything else reads what it needs itself.
 */
import type { PrefetchNeed } from "../db/queries/prefetch";
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

/** Updates that only read and answer: nothing to redo if their Worker dies, so their claim is settled at once. */
export function isReadOnly(need: PrefetchNeed | null): boolean {
  return need?.kind === "unitAssignments" || (need?.kind === "assignment" && need.card);
}
