/**
 * Why a task of the review may be wrong, so the admin looks at it before saving.
 * Computed on the reviewed task, so a flag goes away once the admin fixes its cause.
 */
import type { Deadline } from "../deadline/types";

export type TaskFlag = "no_lead" | "lead_unknown" | "deadline_unread" | "title_short" | "title_long";

// Shorter than "Tập huấn cán bộ" is rarely a whole task: more often a heading or a cut-off line.
const TITLE_SHORT = 15;
// A task several paragraphs long usually swallowed the next ones.
const TITLE_LONG = 600;

/** What the flags read of a reviewed task (review.ts ReviewedTask), declared here so the two files do not import each other. */
export interface FlaggedTask {
  title: string;
  lead: Array<{ choice: { kind: "existing" | "new" | "skip" } }>;
  deadlineText: string | null;
  deadline: Deadline;
}

export function taskFlags(task: FlaggedTask): TaskFlag[] {
  const flags: TaskFlag[] = [];
  const leads = task.lead.filter((u) => u.choice.kind !== "skip");
  if (leads.length === 0) flags.push("no_lead");
  else if (leads.some((u) => u.choice.kind === "new")) flags.push("lead_unknown");
  if (task.deadlineText && task.deadline.kind === "none") flags.push("deadline_unread");
  const title = task.title.trim();
  if (title.length < TITLE_SHORT) flags.push("title_short");
  else if (title.length > TITLE_LONG) flags.push("title_long");
  return flags;
}
