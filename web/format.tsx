/** @jsxImportSource hono/jsx */
import { statusLabel } from "../bot/texts/common";
import type { AssignmentStatus } from "../core/status/derive";
import { formatDate, formatDateTime } from "../core/time/vietnam-date";

export const statusText = (s: AssignmentStatus) => statusLabel[s].replace(/^[^\p{L}]+/u, "");

export function StatusBadge(props: { status: AssignmentStatus }) {
  const urgent = props.status === "overdue" || props.status === "checkin_missed";
  return <span class={urgent ? "overdue" : ""}>{statusText(props.status)}</span>;
}

/** "30/6/2025 (trước 30/6/2025)": the date in force and the deadline as the plan wrote it. */
export function deadlineText(t: { deadlineText: string | null; dueOn: string | null; dueOverride?: string | null }): string {
  const due = t.dueOverride ?? t.dueOn;
  const written = t.deadlineText ?? "";
  if (!due) return written || "Chưa có hạn";
  const extended = t.dueOverride ? " (đã gia hạn)" : "";
  return `${formatDate(due)}${extended}${written ? ` — «${written}»` : ""}`;
}

export { formatDate, formatDateTime };
