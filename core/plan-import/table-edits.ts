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
}

export interface NewTaskEdit {
  title: string;
  leadUnitId: number | null;
  deadlineText: string;
}

export type TableEditError =
  | { row: string; reason: "title_empty" | "title_too_long" | "deadline_unreadable" | "unit_unknown" | "unit_missing" };

export type TableEditResult = { ok: true; plan: ReviewPlan; choices: ImportChoices } | { ok: false; errors: TableEditError[] };

export const TITLE_MAX = 2000;

function readDeadline(text: string): Deadline | null {
  const phrase = normalizeText(text).slice(0, 200);
  if (!phrase) return parseDeadline("");
  const deadline = parseDeadline(phrase);
  return deadline.kind === "none" ? null : deadline;
}

export function applyTableEdits(plan: ReviewPlan, initial: ImportChoices, scope: ScopeUnit[], rows: TaskRowEdit[], added: NewTaskEdit[]): TableEditResult {
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

  added.forEach((row, i) => {
    const title = normalizeText(row.title);
    if (!title) return; // an empty spare row
    const label = `thêm ${i + 1}`;
    if (title.length > TITLE_MAX) return void errors.push({ row: label, reason: "title_too_long" });
    if (row.leadUnitId === null) return void errors.push({ row: label, reason: "unit_missing" });
    const name = nameFor(row.leadUnitId);
    if (name === null) return void errors.push({ row: label, reason: "unit_unknown" });
    const phrase = normalizeText(row.deadlineText);
    const deadline = readDeadline(phrase);
    if (!deadline) return void errors.push({ row: label, reason: "deadline_unreadable" });
    tasks.push({ ref: `BS${i + 1}`, title, lead: [name], coop: [], deadline_text: phrase || null, deadline, section: "Nhiệm vụ bổ sung" });
  });

  if (errors.length > 0) return { ok: false, errors };
  choices = { ...choices, units: units.map((_, i) => choices.units[i] ?? { kind: "skip" }) };
  return { ok: true, plan: { ...plan, units, tasks }, choices };
}
