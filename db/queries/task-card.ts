import type { Db } from "../client";
import { pickedTaskUnitsStatement, taskUnitsFrom, taskUnitsStatement, type TaskUnit } from "./assignments";
import { latestReportsFrom, latestReportsStatement, pickedReportsStatement, type LatestReport } from "./reports";

/** What a task card shows besides the assignment: every unit on the task, and the newest reports. */
export interface CardDetails {
  units: TaskUnit[];
  reports: LatestReport[];
}

export function cardDetailStatements(d1: D1Database, assignmentId: number): D1PreparedStatement[] {
  return [taskUnitsStatement(d1, assignmentId), latestReportsStatement(d1, assignmentId)];
}

/** The same, for the task whose card a typed key of the chat's last menu opens (no rows otherwise). */
export function pickedCardStatements(d1: D1Database, chatKey: string, key: string): D1PreparedStatement[] {
  return [pickedTaskUnitsStatement(d1, chatKey, key), pickedReportsStatement(d1, chatKey, key)];
}

export function cardDetailsFrom(results: (D1Result<unknown> | undefined)[]): CardDetails {
  return { units: taskUnitsFrom(results[0]), reports: latestReportsFrom(results[1]) };
}

export async function cardDetails(db: Db, assignmentId: number): Promise<CardDetails> {
  return cardDetailsFrom(await db.$client.batch(cardDetailStatements(db.$client, assignmentId)));
}
