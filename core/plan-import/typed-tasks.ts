/**
 * Tasks an admin types in the chat, one a line: `Tiêu đề | chủ trì | phối hợp | thời hạn`.
 * Only the title is required; a pasted list keeps its numbering and bullets out of the titles.
 */
import { splitUnitList } from "../units/split";
import { normalizeText } from "../text/fold";

export interface TypedTask {
  title: string;
  lead: string[];
  coop: string[];
  deadlineText: string | null;
}

export type TypedTasksResult =
  | { ok: true; tasks: TypedTask[] }
  | { ok: false; reason: "empty" | "too_many" | "title_too_long"; line?: number };

export const TYPED_TASKS_MAX = 100;
export const TYPED_TITLE_MAX = 2000;

// "1.", "1.2.", "2)", "a)", "IV.", "-", "+", "*", "•": a list's markers, not part of the title.
const LIST_MARKER = /^(?:[-+*•–—]+\s*|\(?\d{1,3}(?:\.\d{1,3})*[.)]\s*|\(?[a-zđ]\)\s*|[a-zđ]\.\s+|[IVXLC]{1,6}\.\s+)/iu;

export function stripListMarker(line: string): string {
  let text = line;
  for (let i = 0; i < 3; i++) {
    const next = text.replace(LIST_MARKER, "");
    if (next === text) break;
    text = next;
  }
  return text.replace(/\*\*/g, "").trim();
}

/** One title per line, markers dropped: for splitting a task. */
export function typedTitles(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => normalizeText(stripListMarker(normalizeText(line))))
    .filter((line) => line.length > 0);
}

export function parseTypedTasks(text: string): TypedTasksResult {
  const lines = text
    .split(/\r?\n/)
    .map((line) => normalizeText(line))
    .filter(Boolean);
  const tasks: TypedTask[] = [];
  for (const [i, line] of lines.entries()) {
    const [rawTitle = "", lead = "", coop = "", ...deadline] = line.split("|").map((part) => normalizeText(part));
    const title = stripListMarker(rawTitle);
    if (!title) continue;
    if (title.length > TYPED_TITLE_MAX) return { ok: false, reason: "title_too_long", line: i + 1 };
    const deadlineText = deadline.join(" ").trim();
    tasks.push({ title, lead: units(lead), coop: units(coop), deadlineText: deadlineText || null });
  }
  if (tasks.length === 0) return { ok: false, reason: "empty" };
  if (tasks.length > TYPED_TASKS_MAX) return { ok: false, reason: "too_many" };
  return { ok: true, tasks };
}

function units(field: string): string[] {
  return field && field !== "-" ? splitUnitList(field) : [];
}
