/**
 * The reads of the official's everyday updates, served from what the webhook
 * fetched in its first round trip (bot/prefetch.ts) when it did, from D1
 * otherwise. Each prefetched read is used once: a second read in the same
 * update (after a write) goes to D1.
 */
import { assignmentById, unitAssignments, type AssignmentView } from "../db/queries/assignments";
import { cardDetails, type CardDetails } from "../db/queries/task-card";
import type { MemberContext } from "./context";

/** The assignments of the member's unit in tracked plans. */
export async function tasksOfMyUnit(ctx: MemberContext): Promise<AssignmentView[]> {
  const fetched = ctx.prefetched;
  if (fetched?.unitAssignments) {
    const rows = fetched.unitAssignments;
    fetched.unitAssignments = undefined;
    return rows;
  }
  return unitAssignments(ctx.deps.db, ctx.member.unitId);
}

export async function assignmentOf(ctx: MemberContext, assignmentId: number): Promise<AssignmentView | null> {
  const fetched = ctx.prefetched?.assignments;
  if (fetched?.has(assignmentId)) {
    const row = fetched.get(assignmentId)!;
    fetched.delete(assignmentId);
    return row;
  }
  return assignmentById(ctx.deps.db, assignmentId);
}

export async function cardDetailsOf(ctx: MemberContext, assignmentId: number): Promise<CardDetails> {
  const fetched = ctx.prefetched?.cards;
  const details = fetched?.get(assignmentId);
  if (details) {
    fetched!.delete(assignmentId);
    return details;
  }
  return cardDetails(ctx.deps.db, assignmentId);
}
