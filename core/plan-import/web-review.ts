/**
 * The web review's own rules on top of review.ts and table-edits.ts (which
 * the chat shares and which are left as they are): vague phrases are not
 * made into units unless asked, unit names are typed (one list of the
 * committee's units for the whole page), co-operating units are editable,
 * and a task left with no unit at all is refused rather than saved with no
 * assignment. Pure.
 */
import { foldText } from "../text/fold";
import { isGroupPhrase, unitKey } from "../units/match";
import {
  chooseUnit,
  initialChoices,
  keptTasks,
  unitIndex,
  type ImportChoices,
  type ReviewPlan,
  type ScopeUnit,
  type UnitChoice,
} from "./review";

/**
 * "các sở, ngành có liên quan", "các cơ quan, đơn vị khác", "tổ chức, cá
 * nhân": a plan's way of saying "whoever concerned", not a body to create.
 */
export function isVagueUnitName(name: string): boolean {
  const f = foldText(name).replace(/\s+/g, " ").trim();
  return (
    /\b(co )?lien quan\b/.test(f) ||
    /\bkhac$/.test(f) ||
    /\bca nhan\b/.test(f) ||
    /^(cac|nhung) (co quan|don vi|dia phuong|nganh)$/.test(f) ||
    /^(cac|nhung) (co quan|don vi|so|ban|nganh)[, ]+(don vi|nganh|dia phuong)$/.test(f)
  );
}

/** The chat's first guesses, except that a vague phrase is left unassigned until the admin asks for it. */
export function webInitialChoices(
  plan: ReviewPlan,
  scope: ScopeUnit[],
  admin: { unitId: number; issuerIds: readonly number[] },
): ImportChoices {
  const choices = initialChoices(plan, scope, admin);
  return {
    ...choices,
    units: choices.units.map((c, i) => (c.kind === "new" && isVagueUnitName(plan.units[i] ?? "") ? { kind: "skip" } : c)),
  };
}

export type UnitDecision = { index: number; choice: "existing"; unitName: string } | { index: number; choice: "new" | "skip" };

export interface TaskUnitsEdit {
  index: number;
  /** Names typed for the lead and co-operating units, or null to keep the document's. */
  lead: string[] | null;
  coop: string[] | null;
}

export type UnitEditError = { row: string; reason: "unit_unknown"; name: string };

/** A committee unit by the name typed (diacritics and case aside). */
export function scopeUnitByName(scope: ScopeUnit[], name: string): ScopeUnit | null {
  const key = unitKey(name);
  return scope.find((u) => unitKey(u.name) === key) ?? null;
}

/**
 * Applies the admin's decisions on the document's unit names, then the
 * units typed on each task: a name of the document keeps its decision, a
 * committee unit's name is that unit, any other name becomes a new unit
 * (the admin typed it, so asked for it).
 */
export function applyUnitEdits(
  plan: ReviewPlan,
  initial: ImportChoices,
  scope: ScopeUnit[],
  decisions: UnitDecision[],
  tasks: TaskUnitsEdit[],
): { ok: true; plan: ReviewPlan; choices: ImportChoices } | { ok: false; errors: UnitEditError[] } {
  const errors: UnitEditError[] = [];
  const units = [...plan.units];
  let choices: ImportChoices = { ...initial, units: [...initial.units] };
  for (const d of decisions) {
    const name = units[d.index];
    if (name === undefined) continue;
    let choice: UnitChoice;
    if (d.choice === "existing") {
      const unit = scopeUnitByName(scope, d.unitName);
      if (!unit) {
        errors.push({ row: name, reason: "unit_unknown", name: d.unitName });
        continue;
      }
      choice = { kind: "existing", unitId: unit.id };
    } else if (d.choice === "new") choice = { kind: "new", isGroup: isGroupPhrase(name) };
    else choice = { kind: "skip" };
    choices = chooseUnit(choices, d.index, choice);
  }

  /** The plan's name for a typed one, adding it (with its choice) when the plan does not have it yet. */
  const nameFor = (typed: string): string => {
    const at = unitIndex({ ...plan, units }, typed);
    if (at >= 0) return units[at]!;
    const unit = scopeUnitByName(scope, typed);
    units.push(unit ? unit.name : typed);
    const list = [...choices.units];
    while (list.length < units.length - 1) list.push({ kind: "skip" });
    list.push(unit ? { kind: "existing", unitId: unit.id } : { kind: "new", isGroup: isGroupPhrase(typed) });
    choices = { ...choices, units: list };
    return units[units.length - 1]!;
  };

  const edited = plan.tasks.map((t) => ({ ...t }));
  for (const edit of tasks) {
    const task = edited[edit.index];
    if (!task) continue;
    if (edit.lead)
      task.lead = [
        ...new Set(
          edit.lead
            .map((n) => n.trim())
            .filter(Boolean)
            .map(nameFor),
        ),
      ];
    if (edit.coop)
      task.coop = [
        ...new Set(
          edit.coop
            .map((n) => n.trim())
            .filter(Boolean)
            .map(nameFor),
        ),
      ].filter((n) => !task.lead.includes(n));
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, plan: { ...plan, units, tasks: edited }, choices };
}

/** Kept tasks that no unit would receive (every unit named is left unassigned): saving them would make no assignment. */
export function tasksWithoutUnits(plan: ReviewPlan, choices: ImportChoices): string[] {
  return keptTasks(plan, choices)
    .filter((t) => ![...t.lead, ...t.coop].some((u) => u.choice.kind !== "skip"))
    .map((t) => t.ref || String(t.index + 1));
}

/** "Sở A; Sở B" → ["Sở A", "Sở B"]: the web's way of typing several units in one field. */
export const splitUnitNames = (text: string): string[] =>
  text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
