import type { Deadline } from "../deadline/types";
import { parseDeadline } from "../deadline/parse";
import { unitKey } from "../units/key";
import { shorten } from "./clean";
import type { ExtractedTask, TaskDraft } from "./types";

const NO_DEADLINE: Deadline = { kind: "none", due: null, start: null, recurrence: null, dayOfMonth: null, note: null };

/** Parses deadlines (a date without a year in the plan's year) and reports what the reviewer must fill in or check. */
export function finalizeTasks(drafts: TaskDraft[], warnings: string[], year?: number): ExtractedTask[] {
  const seen = new Set<string>();
  return [...drafts]
    .sort((a, b) => a.order - b.order)
    .map((draft) => {
      const deadline = draft.deadlineText ? parseDeadline(draft.deadlineText, { year }) : { ...NO_DEADLINE };
      const name = draft.ref || "không số";
      if (draft.ref !== "" && seen.has(draft.ref)) warnings.push(`Mã nhiệm vụ ${draft.ref} bị trùng`);
      seen.add(draft.ref);
      if (draft.title === "") warnings.push(`Nhiệm vụ ${name} không có nội dung`);
      if (draft.lead.length === 0) warnings.push(`Nhiệm vụ ${name} không có đơn vị chủ trì`);
      if (!draft.deadlineText) warnings.push(`Nhiệm vụ ${name} không có thời hạn`);
      else if (deadline.kind === "none") warnings.push(`Nhiệm vụ ${name}: chưa hiểu thời hạn "${shorten(draft.deadlineText)}"`);
      return {
        ref: draft.ref,
        title: draft.title,
        lead: draft.lead,
        coop: draft.coop,
        deadline_text: draft.deadlineText,
        deadline,
        section: draft.section,
      };
    });
}

/** Leads then co-operating units of each task, first spelling of each unit kept. */
export function collectUnits(tasks: ExtractedTask[]): string[] {
  const keys = new Set<string>();
  const spellings = new Set<string>();
  const units: string[] = [];
  for (const task of tasks) {
    for (const name of [...task.lead, ...task.coop]) {
      if (spellings.has(name)) continue;
      spellings.add(name);
      const key = unitKey(name);
      if (key === "" || keys.has(key)) continue;
      keys.add(key);
      units.push(name);
    }
  }
  return units;
}
