import type { AssignmentStatus } from "../../core/status/derive";
import { effectiveDue, type AssignmentFacts } from "../../core/status/of-assignment";
import { daysBetween, formatDate } from "../../core/time/vietnam-date";
import { texts } from "../texts";
import { escapeHtml } from "./html";

/** "Hạn: hoàn thành trong năm 2024 · 31/12/2024 · quá 30 ngày": the phrase as written, then what it means today. */
export function deadlineLine(
  a: AssignmentFacts & { deadlineText: string | null; deadlineNote: string | null },
  status: AssignmentStatus,
  today: string,
): string {
  const parts = [escapeHtml(a.deadlineText ?? a.deadlineNote ?? texts.noDeadlineWritten)];
  const due = effectiveDue(a);
  if (due) {
    parts.push(a.dueOverride ? `${formatDate(due)} (đã gia hạn)` : formatDate(due));
    const days = daysBetween(today, due);
    if (status === "overdue") parts.push(texts.overdueBy(-days));
    else if (status === "due_soon") parts.push(texts.dueIn(days));
  }
  return texts.deadlineLine(parts.join(" · "));
}
