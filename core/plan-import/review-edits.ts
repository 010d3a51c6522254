/**
 * Changes the admin makes to the extraction itself in the chat's review: tasks the
 * importer missed, a title retyped, one task split into several. Pure: returns the
 * plan and choices to keep in the draft; nothing is written to plans before confirmation.
 */
import { parseDeadline } from "../deadline/parse";
import { matchUnits } from "../units/match";
import { normalizeText } from "../text/fold";
import { unitIndex, type ImportChoices, type ReviewPlan, type ScopeUnit } from "./review";
import type { TypedTask } from "./typed-tasks";
import type { ExtractedTask } from "./types";

export interface Reviewed {
  plan: ReviewPlan;
  choices: ImportChoices;
}

export const ADDED_SECTION = "Nhiệm vụ bổ sung";
const ADDED_REF = /^BS(\d+)$/;

/** Appends typed tasks; a unit name the plan does not know yet is matched against the committee, as the importer's are. */
export function addTasks({ plan, choices }: Reviewed, scope: ScopeUnit[], typed: TypedTask[]): Reviewed {
  const units = [...plan.units];
  const unitChoices = [...choices.units];
  const named = (names: string[]) =>
    names.map((name) => {
      const known = unitIndex({ ...plan, units }, name);
      if (known >= 0) return units[known]!;
      const match = matchUnits([name], scope)[0]!;
      units.push(name);
      unitChoices.push(
        match.kind === "existing" ? { kind: "existing", unitId: match.unitId } : { kind: "new", isGroup: match.isGroup },
      );
      return name;
    });
  let next = Math.max(0, ...plan.tasks.map((t) => Number(ADDED_REF.exec(t.ref)?.[1] ?? 0))) + 1;
  const added = typed.map((task): ExtractedTask => {
    const deadline = parseDeadline(task.deadlineText ?? "");
    return {
      ref: `BS${next++}`,
      title: task.title,
      lead: named(task.lead),
      coop: named(task.coop),
      deadline_text: task.deadlineText,
      deadline,
      section: ADDED_SECTION,
    };
  });
  return { plan: { ...plan, units, tasks: [...plan.tasks, ...added] }, choices: { ...choices, units: unitChoices } };
}

export function renameTask({ plan, choices }: Reviewed, index: number, title: string): Reviewed {
  const clean = normalizeText(title);
  if (!plan.tasks[index] || !clean) return { plan, choices };
  const tasks = plan.tasks.map((task, i) => (i === index ? { ...task, title: clean } : task));
  return { plan: { ...plan, tasks }, choices };
}

/**
 * One task becomes several, one per title, in its place: units and deadline (as
 * written or as retyped) are copied, and the indexes the choices keep move along.
 */
export function splitTask({ plan, choices }: Reviewed, index: number, titles: string[]): Reviewed {
  const task = plan.tasks[index];
  if (!task || titles.length === 0) return { plan, choices };
  const extra = titles.length - 1;
  const parts = titles.map(
    (title, k): ExtractedTask => ({ ...task, title, ref: titles.length > 1 ? `${task.ref}.${partLetter(k)}` : task.ref }),
  );
  const tasks = [...plan.tasks.slice(0, index), ...parts, ...plan.tasks.slice(index + 1)];
  const moved = (i: number) => (i > index ? i + extra : i);
  const deadlines: ImportChoices["deadlines"] = {};
  for (const [key, value] of Object.entries(choices.deadlines)) {
    const i = Number(key);
    if (i === index) for (let k = 0; k <= extra; k++) deadlines[String(index + k)] = value;
    else deadlines[String(moved(i))] = value;
  }
  const dropped = choices.dropped.flatMap((i) => (i === index ? titles.map((_, k) => index + k) : [moved(i)]));
  return { plan: { ...plan, tasks }, choices: { ...choices, deadlines, dropped } };
}

/** a, b, … z, then aa, ab…: a split rarely has more than a handful of parts. */
function partLetter(k: number): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  return k < letters.length ? letters[k]! : `${letters[Math.floor(k / letters.length) - 1]}${letters[k % letters.length]}`;
}
