/**
 * The admin's review of an extracted plan before anything is saved: which
 * known unit each name in the document stands for, the tasks dropped, the
 * deadlines retyped, who issued and who monitors the plan. Pure: the bot keeps
 * it in the flow's state and plan-rows.ts turns it into rows on confirmation.
 */
import type { Deadline } from "../deadline/types";
import { matchUnits, unitKey } from "../units/match";
import { taskFlags } from "./flags";
import type { ExtractedPlan } from "./types";

/** The extraction as reviewed and stored: its prose paragraphs are not needed any more. */
export type ReviewPlan = Omit<ExtractedPlan, "content">;

/** A unit the admin may pick: one in the admin's committee (groups included, with their member units). */
export interface ScopeUnit {
  id: number;
  name: string;
  isGroup: boolean;
  memberIds: number[];
  /** The unit and its ancestors, the unit first (core/access canAssignInPlan); absent: a unit at the top. */
  lineage?: number[];
}

/** What a unit name of the document becomes. */
export type UnitChoice =
  | { kind: "existing"; unitId: number }
  | { kind: "new"; isGroup: boolean }
  /** Not assigned at all (a ministry outside the committee, "các tổ chức, cá nhân"). */
  | { kind: "skip" };

export interface ImportChoices {
  /** One per `plan.units` entry, same order. */
  units: UnitChoice[];
  /** Indexes into plan.tasks. */
  dropped: number[];
  /** Task index → the deadline the admin typed. */
  deadlines: Record<string, { text: string; deadline: Deadline }>;
  issuerUnitId: number;
  monitorUnitId: number;
}

/**
 * Matches every unit name against the committee. The issuer: the one the header
 * names when the admin may import for it (`issuerIds`), else a unit whose office
 * the admin's unit is, else the admin's own unit. The admin's unit monitors.
 */
export function initialChoices(
  plan: ReviewPlan,
  scope: ScopeUnit[],
  admin: { unitId: number; issuerIds: readonly number[] },
): ImportChoices {
  const units = matchUnits(plan.units, scope).map(
    (m): UnitChoice => (m.kind === "existing" ? { kind: "existing", unitId: m.unitId } : { kind: "new", isGroup: m.isGroup }),
  );
  const issuer = plan.header.issuer ? matchUnits([plan.header.issuer], scope)[0] : undefined;
  return {
    units,
    dropped: [],
    deadlines: {},
    issuerUnitId:
      issuer?.kind === "existing" && admin.issuerIds.includes(issuer.unitId)
        ? issuer.unitId
        : (admin.issuerIds.find((id) => id !== admin.unitId) ?? admin.unitId),
    monitorUnitId: admin.unitId,
  };
}

/** Index into plan.units of a name as written in a task (spellings differ: "HĐND huyện", "Hội đồng nhân dân huyện"). */
export function unitIndex(plan: ReviewPlan, name: string): number {
  const exact = plan.units.indexOf(name);
  if (exact >= 0) return exact;
  const key = unitKey(name);
  return plan.units.findIndex((unit) => unitKey(unit) === key);
}

export interface TaskUnit {
  name: string;
  index: number;
  choice: UnitChoice;
}

export interface ReviewedTask {
  index: number;
  ref: string;
  title: string;
  section: string | null;
  lead: TaskUnit[];
  coop: TaskUnit[];
  deadlineText: string | null;
  deadline: Deadline;
  /** The admin typed this deadline. */
  deadlineEdited: boolean;
  /** The deadline as the document wrote it, when edited. */
  originalDeadlineText: string | null;
  dropped: boolean;
}

export function reviewedTask(plan: ReviewPlan, choices: ImportChoices, index: number): ReviewedTask {
  const task = plan.tasks[index]!;
  const edited = choices.deadlines[String(index)];
  const units = (names: string[]) =>
    names.map((name): TaskUnit => {
      const at = unitIndex(plan, name);
      return { name, index: at, choice: choices.units[at] ?? { kind: "skip" } };
    });
  return {
    index,
    ref: task.ref,
    title: task.title,
    section: task.section,
    lead: units(task.lead),
    coop: units(task.coop),
    deadlineText: edited ? edited.text : task.deadline_text,
    deadline: edited ? edited.deadline : task.deadline,
    deadlineEdited: edited !== undefined,
    originalDeadlineText: edited ? task.deadline_text : null,
    dropped: choices.dropped.includes(index),
  };
}

/** Tasks still in the plan, in document order. */
export function keptTasks(plan: ReviewPlan, choices: ImportChoices): ReviewedTask[] {
  return plan.tasks.map((_, i) => reviewedTask(plan, choices, i)).filter((t) => !t.dropped);
}

export interface ReviewSummary {
  tasks: number;
  dropped: number;
  /** Distinct units named by the tasks kept, by what they become. */
  existingUnits: number;
  newUnits: string[];
  /** New or member-less groups: one assignment to the group itself until its members are known. */
  groupsWithoutMembers: string[];
  skippedUnits: number;
  withoutDeadline: number;
  withoutLead: number;
  /** Kept tasks with at least one reason to look again (see flags.ts). */
  flagged: number;
  targets: number;
  /** The extractor's notes, minus those the counts already say. */
  warnings: string[];
}

export function summarize(plan: ReviewPlan, choices: ImportChoices, scope: ScopeUnit[]): ReviewSummary {
  const kept = keptTasks(plan, choices);
  const named = new Set<number>();
  for (const task of kept) for (const unit of [...task.lead, ...task.coop]) if (unit.index >= 0) named.add(unit.index);
  const byId = new Map(scope.map((u) => [u.id, u]));
  let existing = 0;
  let skipped = 0;
  const fresh: string[] = [];
  const memberless: string[] = [];
  for (const i of [...named].sort((a, b) => a - b)) {
    const choice = choices.units[i]!;
    const name = plan.units[i]!;
    if (choice.kind === "skip") skipped++;
    else if (choice.kind === "new") {
      fresh.push(name);
      if (choice.isGroup) memberless.push(name);
    } else {
      existing++;
      const unit = byId.get(choice.unitId);
      if (unit?.isGroup && unit.memberIds.length === 0) memberless.push(unit.name);
    }
  }
  const assigned = (t: ReviewedTask) => t.lead.some((u) => u.choice.kind !== "skip");
  return {
    tasks: kept.length,
    dropped: choices.dropped.length,
    existingUnits: existing,
    newUnits: fresh,
    groupsWithoutMembers: memberless,
    skippedUnits: skipped,
    withoutDeadline: kept.filter((t) => t.deadline.kind === "none").length,
    withoutLead: kept.filter((t) => !assigned(t)).length,
    flagged: kept.filter((t) => taskFlags(t).length > 0).length,
    targets: plan.targets.length,
    warnings: plan.warnings.filter((w) => !/không có thời hạn$|không có đơn vị chủ trì$|^Không tìm thấy nhiệm vụ nào$/.test(w)),
  };
}

/** Applies one unit choice wherever the name occurs: a name in a plan means the same body in every task. */
export function chooseUnit(choices: ImportChoices, unitIndex: number, choice: UnitChoice): ImportChoices {
  const units = choices.units.map((c, i) => (i === unitIndex ? choice : c));
  return { ...choices, units };
}

export function toggleDropped(choices: ImportChoices, taskIndex: number): ImportChoices {
  const dropped = choices.dropped.includes(taskIndex)
    ? choices.dropped.filter((i) => i !== taskIndex)
    : [...choices.dropped, taskIndex].sort((a, b) => a - b);
  return { ...choices, dropped };
}

export function setDeadline(choices: ImportChoices, taskIndex: number, text: string, deadline: Deadline): ImportChoices {
  return { ...choices, deadlines: { ...choices.deadlines, [String(taskIndex)]: { text, deadline } } };
}

/** How many kept tasks name a unit: shown when changing it, since the change applies to all of them. */
export function tasksNaming(plan: ReviewPlan, choices: ImportChoices, index: number): number {
  return keptTasks(plan, choices).filter((t) => [...t.lead, ...t.coop].some((u) => u.index === index)).length;
}
