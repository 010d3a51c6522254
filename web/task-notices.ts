import { taskCard } from "../bot/callback-data";
import { Actions } from "../bot/ports/actions";
import { escapeHtml, shorten } from "../bot/render/html";
import { reportTexts } from "../bot/texts";
import type { taskRecipients } from "../db/queries/task-edit";
import type { Env } from "../services/env";
import { notifyMembers } from "./notify";
import { taskEditTexts as e } from "./texts";

export type TaskChange = "edited" | "added" | "withdrawn";

/**
 * The units a task is assigned to hear that the office changed it, on every
 * channel their people use (the outbox). For a withdrawal, read the
 * recipients before the assignments go.
 */
export async function tellTaskUnits(
  env: Env,
  recipients: Awaited<ReturnType<typeof taskRecipients>>,
  task: { id: number; ref: string; title: string; deadlineText: string | null },
  change: TaskChange,
  waitUntil: (p: Promise<unknown>) => void,
): Promise<void> {
  const ref = escapeHtml(task.ref);
  const title = escapeHtml(shorten(task.title, 300));
  const deadline = escapeHtml(task.deadlineText ?? "—");
  const text =
    change === "edited"
      ? e.toldEdited(ref, title, deadline)
      : change === "added"
        ? e.toldAdded(ref, title, deadline)
        : e.toldWithdrawn(ref, title);
  const stamp = new Date().toISOString();
  await notifyMembers(
    env,
    recipients.map((r) => ({
      memberId: r.memberId,
      subject: `task:${task.id}:${change}:${stamp}`,
      assignmentId: change === "withdrawn" ? null : r.assignmentId,
      text,
      ...(change === "withdrawn"
        ? {}
        : { actions: new Actions().text(reportTexts.buttons.openTask, taskCard.build(r.assignmentId)) }),
    })),
    waitUntil,
  );
}
