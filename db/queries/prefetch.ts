/**
 * What an update is going to read, fetched in the webhook's first batch with
 * the claim, the sender and their open flow: one D1 round trip where there
 * were two or three. Which updates need what is the bot's call
 * (bot/prefetch.ts); the statements are the compiled queries the features
 * run themselves when nothing was fetched.
 */
import { assignmentRowsFrom, assignmentStatements, type AssignmentView } from "./assignments";
import type { Conversation } from "./conversations";
import { cardDetailsFrom, cardDetailStatements, pickedCardStatements, type CardDetails } from "./task-card";

export type PrefetchNeed =
  /** The sender's unit's tasks (a task list). */
  | { kind: "unitAssignments" }
  /** One task, by a button's id; with what its card shows when the button opens the card. */
  | { kind: "assignment"; assignmentId: number; card: boolean }
  /** The task the chat's open flow is about (a flow's last step re-checks it). */
  | { kind: "flowAssignment" }
  /** The task named by the item of the chat's last menu whose key was typed (Zalo), with its card when the item opens it. */
  | { kind: "menuPick"; key: string };

export interface Prefetched {
  /** The sender's unit's assignments in tracked plans: `unitAssignments` for the member read in the same batch. */
  unitAssignments?: AssignmentView[];
  /** Assignments by id; null: it no longer exists. */
  assignments: Map<number, AssignmentView | null>;
  cards: Map<number, CardDetails>;
}

/** The channel identity and chat the webhook reads the member and the flow by. */
export interface PrefetchSender {
  channel: string;
  userId: string;
  chatKey: string;
}

export function prefetchStatements(d1: D1Database, need: PrefetchNeed | null, sender: PrefetchSender): D1PreparedStatement[] {
  switch (need?.kind) {
    case "unitAssignments":
      return [assignmentStatements.ofSender(d1, sender.channel, sender.userId)];
    case "assignment":
      return [
        assignmentStatements.byId(d1, need.assignmentId),
        ...(need.card ? cardDetailStatements(d1, need.assignmentId) : []),
      ];
    case "flowAssignment":
      return [assignmentStatements.ofFlow(d1, sender.chatKey)];
    case "menuPick":
      return [assignmentStatements.ofPick(d1, sender.chatKey, need.key), ...pickedCardStatements(d1, sender.chatKey, need.key)];
    default:
      return [];
  }
}

/** The prefetched reads, from the results of `prefetchStatements` (in the same order). */
export function prefetchedFrom(
  need: PrefetchNeed | null,
  results: (D1Result<unknown> | undefined)[],
  conversation: Conversation | null,
): Prefetched {
  const fetched: Prefetched = { assignments: new Map(), cards: new Map() };
  const rows = () => assignmentRowsFrom(results[0]);
  switch (need?.kind) {
    case "unitAssignments":
      fetched.unitAssignments = rows();
      break;
    case "assignment":
      fetched.assignments.set(need.assignmentId, rows()[0] ?? null);
      if (need.card) fetched.cards.set(need.assignmentId, cardDetailsFrom(results.slice(1)));
      break;
    case "flowAssignment": {
      const id = conversation?.data.assignmentId;
      if (typeof id === "number") fetched.assignments.set(id, rows()[0] ?? null);
      break;
    }
    case "menuPick": {
      // Keyed by the task found: the pick dispatches the item's action, which names the same task.
      const row = rows()[0];
      if (!row) break;
      fetched.assignments.set(row.id, row);
      const card = cardDetailsFrom(results.slice(1));
      if (card.units.length > 0) fetched.cards.set(row.id, card);
      break;
    }
  }
  return fetched;
}
