/**
 * The web's review of an extracted plan is one editable table: per task a
 * title, a lead unit, a deadline phrase and "drop", plus rows for tasks the
 * document missed. Pure: turns that table into the same (plan, choices) the
 * chat's review builds, for plan-rows.ts to write.
 */
import { parseDeadline } from "../deadline/parse";
import type { Deadline } from "../deadline/types";
import { normalizeText } from "../text/fold";
import { chooseUnit, setDeadline, toggleDropped, type ImportChoices, type ReviewPlan, type ScopeUnit } from "./review";

export interface TaskRowEdit {
  index: number;
  title: string;
  /** A unit of the committee as the lead, or null to keep the units the document names. */
  leadUnitId: number | null;
  deadlineText: string;
  drop: boolean;
  /** One title per line: the task becomes several, with the same units and deadline. */
  splitInto?: string[];
  /** Index of an earlier task this one is merged into (its title joins that one's). */
  mergeInto?: number | null;
}

export interface NewTaskEdit {
  title: string;
  leadUnitId: number | null;
  deadlineText: string;
}

export type TableEditError = {
  row: string;
  reason: "title_empty" | "title_too_long" | "deadline_unreadable" | "unit_unknown" | "unit_missing" | "merge_target";
};

export type TableEditResult = { ok: true; plan: ReviewPlan; choices: ImportChoices } | { ok: false; errors: TableEditError[] };

export const TITLE_MAX = 2000;

function readDeadline(text: string): Deadline | null {
  const phrase = normalizeText(text).slice(0, 200);
  if (!phrase) return parseDeadline("");
  const deadline = parseDeadline(phrase);
  return deadline.kind === "none" ? null : deadline;
}

export function applyTableEdits(
  plan: ReviewPlan,
  initial: ImportChoices,
  scope: ScopeUnit[],
  rows: TaskRowEdit[],
  added: NewTaskEdit[],
): TableEditResult {
  const errors: TableEditError[] = [];
  const units = [...plan.units];
  const tasks = plan.tasks.map((t) => ({ ...t }));
  let choices: ImportChoices = { ...initial, units: [...initial.units] };
  const byId = new Map(scope.map((u) => [u.id, u]));

  /** A committee unit as a name of the plan, mapped to that unit. */
  const nameFor = (unitId: number): string | null => {
    const unit = byId.get(unitId);
    if (!unit) return null;
    let at = units.indexOf(unit.name);
    if (at < 0) {
      units.push(unit.name);
      at = units.length - 1;
    }
    const list = [...choices.units];
    while (list.length < units.length) list.push({ kind: "skip" });
    choices = chooseUnit({ ...choices, units: list }, at, { kind: "existing", unitId });
    return unit.name;
  };

  for (const row of rows) {
    const task = tasks[row.index];
    if (!task) continue;
    const label = task.ref || String(row.index + 1);
    if (row.drop) {
      choices = toggleDropped(choices, row.index);
      continue;
    }
    const title = normalizeText(row.title);
    if (!title) errors.push({ row: label, reason: "title_empty" });
    else if (title.length > TITLE_MAX) errors.push({ row: label, reason: "title_too_long" });
    else task.title = title;
    if (row.leadUnitId !== null) {
      const name = nameFor(row.leadUnitId);
      if (name === null) errors.push({ row: label, reason: "unit_unknown" });
      else task.lead = [name];
    }
    const phrase = normalizeText(row.deadlineText);
    if (phrase !== normalizeText(task.deadline_text ?? "")) {
      const deadline = readDeadline(phrase);
      if (!deadline) errors.push({ row: label, reason: "deadline_unreadable" });
      else choices = setDeadline(choices, row.index, phrase, deadline);
    }
  }

  // Merges, then splits from the last row up, so the indexes still to be handled do not move.
  for (const row of rows) {
    if (row.mergeInto === null || row.mergeInto === undefined || row.drop) continue;
    const source = tasks[row.index];
    const target = tasks[row.mergeInto];
    if (!source || !target || row.mergeInto >= row.index || choices.dropped.includes(row.mergeInto)) {
      errors.push({ row: source?.ref || String(row.index + 1), reason: "merge_target" });
      continue;
    }
    target.title = `${target.title}; ${source.title}`.slice(0, TITLE_MAX);
    target.lead = [...new Set([...target.lead, ...source.lead])];
    target.coop = [...new Set([...target.coop, ...source.coop])].filter((u) => !target.lead.includes(u));
    choices = toggleDropped(choices, row.index);
  }
  for (const row of [...rows].sort((a, b) => b.index - a.index)) {
    const parts = (row.splitInto ?? []).map(normalizeText).filter(Boolean);
    const task = tasks[row.index];
    if (parts.length < 2 || !task || row.drop || choices.dropped.includes(row.index)) continue;
    if (parts.some((p) => p.length > TITLE_MAX)) {
      errors.push({ row: task.ref || String(row.index + 1), reason: "title_too_long" });
      continue;
    }
    const pieces = parts.map((title, k) => ({ ...task, title, ref: k === 0 ? task.ref : `${task.ref}.${k + 1}` }));
    tasks.splice(row.index, 1, ...pieces);
    choices = shiftTasksAfter(choices, row.index, pieces.length - 1);
  }

  added.forEach((row, i) => {
    const title = normalizeText(row.title);
    if (!title) return; // an empty spare row
    const label = `thêm ${i + 1}`;
    if (title.length > TITLE_MAX) {
      errors.push({ row: label, reason: "title_too_long" });
      return;
    }
    if (row.leadUnitId === null) {
      errors.push({ row: label, reason: "unit_missing" });
      return;
    }
    const name = nameFor(row.leadUnitId);
    if (name === null) {
      errors.push({ row: label, reason: "unit_unknown" });
      return;
    }
    const phrase = normalizeText(row.deadlineText);
    const deadline = readDeadline(phrase);
    if (!deadline) {
      errors.push({ row: label, reason: "deadline_unreadable" });
      return;
    }
    tasks.push({
      ref: `BS${i + 1}`,
      title,
      lead: [name],
      coop: [],
      deadline_text: phrase || null,
      deadline,
      section: "Nhiệm vụ bổ sung",
    });
  });

  if (errors.length > 0) return { ok: false, errors };
  choices = { ...choices, units: units.map((_, i) => choices.units[i] ?? { kind: "skip" }) };
  return { ok: true, plan: { ...plan, units, tasks }, choices };
}

/** `count` tasks were inserted after `index`: the choices that name later tasks by index follow them; the new ones share the split task's deadline. */
function shiftTasksAfter(choices: ImportChoices, index: number, count: number): ImportChoices {
  const move = (i: number) => (i > index ? i + count : i);
  const deadlines: ImportChoices["deadlines"] = {};
  for (const [key, value] of Object.entries(choices.deadlines)) deadlines[String(move(Number(key)))] = value;
  const own = choices.deadlines[String(index)];
  if (own) for (let k = 1; k <= count; k++) deadlines[String(index + k)] = own;
  return { ...choices, dropped: choices.dropped.map(move), deadlines };
}
