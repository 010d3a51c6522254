import { assignments, extensionRequests, progressReports, targets, targetValues, tasks } from "../../db/schema";
import { testDb } from "../support/fixtures";

export async function addTarget(
  planId: number,
  t: {
    text: string;
    value: number | null;
    comparator: "gt" | "gte" | "lt" | "lte" | "eq" | null;
    unitOfMeasure: string | null;
    byYear: number | null;
    responsibleUnitId?: number;
  },
): Promise<number> {
  const [row] = await testDb()
    .insert(targets)
    .values({ planId, ...t })
    .returning({ id: targets.id });
  return row!.id;
}

export async function recordValue(
  targetId: number,
  period: string,
  value: number,
  memberId: number,
  createdAt?: string,
): Promise<void> {
  await testDb()
    .insert(targetValues)
    .values({ targetId, period, value, recordedBy: memberId, ...(createdAt ? { createdAt } : {}) });
}

export async function addReport(
  assignmentId: number,
  memberId: number,
  r: {
    kind?: "progress" | "completion" | "checkin";
    percent?: number;
    note: string;
    at?: string;
    files?: number;
    review?: "pending";
  },
): Promise<number> {
  const evidence = r.files
    ? Array.from({ length: r.files }, (_, i) => ({
        fileId: `file-${assignmentId}-${i}`,
        kind: "document" as const,
        name: `bien-ban-${i + 1}.pdf`,
        mime: "application/pdf",
        size: 1000,
      }))
    : null;
  const [row] = await testDb()
    .insert(progressReports)
    .values({
      assignmentId,
      memberId,
      kind: r.kind ?? "progress",
      percent: r.percent ?? null,
      note: r.note,
      evidence,
      reviewStatus: r.kind === "completion" ? (r.review ?? "pending") : null,
      ...(r.at ? { createdAt: r.at } : {}),
    })
    .returning({ id: progressReports.id });
  return row!.id;
}

export async function addExtension(
  assignmentId: number,
  memberId: number,
  e: { from: string | null; to: string; reason: string },
): Promise<number> {
  const [row] = await testDb()
    .insert(extensionRequests)
    .values({ assignmentId, requestedBy: memberId, originalDue: e.from, proposedDue: e.to, reason: e.reason })
    .returning({ id: extensionRequests.id });
  return row!.id;
}

/** A second task of the plan assigned to both units, for the cross-unit views. */
export async function addSharedTask(
  planId: number,
  unitIds: number[],
  t: { ref: string; title: string; due: string | null; text: string },
) {
  const db = testDb();
  const [task] = await db
    .insert(tasks)
    .values({
      planId,
      ref: t.ref,
      title: t.title,
      deadlineText: t.text,
      deadlineKind: t.due ? "date" : "none",
      dueOn: t.due,
      sortOrder: 100,
    })
    .returning({ id: tasks.id });
  const ids: number[] = [];
  for (const [i, unitId] of unitIds.entries()) {
    const [a] = await db
      .insert(assignments)
      .values({ taskId: task!.id, unitId, role: i === 0 ? "lead" : "coop" })
      .returning({ id: assignments.id });
    ids.push(a!.id);
  }
  return { taskId: task!.id, assignmentIds: ids };
}
