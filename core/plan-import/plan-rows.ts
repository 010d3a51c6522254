/**
 * A reviewed plan as the rows to write: the plan, its targets, the units it
 * creates, its tasks and one assignment per task and unit. Pure; the query
 * layer writes them in one batch. Rows refer to the plan by its source hash,
 * to tasks by their order in the plan and to new units by their name key
 * under the issuing unit, so nothing needs an id before the batch runs. Units
 * outside the issuer's tree are left out (issuer-scope.ts).
 */
import { trackedRecurrence } from "../deadline/tracked";
import type { DeadlineKind, Recurrence } from "../deadline/types";
import { cleanFileName } from "../text/file-name";
import { unitKey } from "../units/key";
import type { Comparator } from "./types";
import { insideIssuer, outsideIssuer } from "./issuer-scope";
import { keptTasks, type ImportChoices, type ReviewPlan, type ScopeUnit, type TaskUnit } from "./review";

export interface PlanRow {
  issuerUnitId: number;
  monitorUnitId: number;
  number: string | null;
  title: string;
  issuedOn: string | null;
  implementsText: string | null;
  sourceHash: string;
}

export interface NewUnitRow {
  name: string;
  key: string;
  isGroup: boolean;
}

export interface TargetRow {
  text: string;
  value: number | null;
  comparator: Comparator | null;
  unitOfMeasure: string | null;
  byYear: number | null;
}

export interface TaskRow {
  /** sort_order: the task's position among the tasks kept; assignments find their task by it. */
  order: number;
  ref: string;
  section: string | null;
  title: string;
  deadlineText: string | null;
  deadlineKind: DeadlineKind;
  dueOn: string | null;
  startsOn: string | null;
  recurrence: Recurrence | null;
  deadlineNote: string | null;
}

export interface AssignmentRow {
  taskOrder: number;
  /** A unit that exists; otherwise unitKey names a unit this import creates. */
  unitId: number | null;
  unitKey: string | null;
  role: "lead" | "coop";
  viaGroupId: number | null;
}

export interface PlanRows {
  plan: PlanRow;
  /** New units are created under it: the issuing unit. */
  rootUnitId: number;
  newUnits: NewUnitRow[];
  targets: TargetRow[];
  tasks: TaskRow[];
  assignments: AssignmentRow[];
  /** Groups assigned as a whole because none of their members is known. */
  groupsWithoutMembers: string[];
  /** Units named in the document but outside the issuer's tree: not assigned. */
  leftOutUnits: string[];
  /** Tasks not saved: every lead is outside the issuer's tree. */
  refusedTasks: { ref: string; title: string }[];
}

export interface RowsContext {
  sourceHash: string;
  /** The committee's units now: choices naming a unit no longer there fall back to a new unit. */
  scope: ScopeUnit[];
  /** Used for the plan's title when the document has none. */
  fileName: string | null;
}

export function planRows(plan: ReviewPlan, choices: ImportChoices, context: RowsContext): PlanRows {
  const scope = new Map(context.scope.map((u) => [u.id, u]));
  const newUnits = new Map<string, NewUnitRow>();
  const memberless = new Set<string>();
  const tasks: TaskRow[] = [];
  const assignments: AssignmentRow[] = [];

  const outside = outsideIssuer(plan, choices, context.scope);
  const refused = new Set(outside.refused.map((t) => t.index));
  const inside = (unitId: number) => insideIssuer(context.scope, choices.issuerUnitId, unitId);
  keptTasks(plan, choices)
    .filter((task) => !refused.has(task.index))
    .forEach((task, order) => {
      tasks.push({
        order,
        ref: task.ref || String(order + 1),
        section: task.section,
        title: task.title,
        deadlineText: task.deadlineText,
        deadlineKind: task.deadline.kind,
        dueOn: task.deadline.due,
        startsOn: task.deadline.start,
        recurrence: trackedRecurrence(task.deadline),
        deadlineNote: task.deadline.note,
      });
      // One row per unit: a lead beats a co-operating mention, a direct mention beats one through a group.
      const byUnit = new Map<string, AssignmentRow>();
      const put = (row: AssignmentRow) => {
        const id = row.unitId !== null ? `id:${row.unitId}` : `key:${row.unitKey}`;
        const current = byUnit.get(id);
        if (!current || rank(row) > rank(current)) byUnit.set(id, row);
      };
      const assign = (unit: TaskUnit, role: "lead" | "coop") => {
        const choice = unit.choice;
        if (choice.kind === "skip") return;
        const known = choice.kind === "existing" ? scope.get(choice.unitId) : undefined;
        if (known && !inside(known.id)) return;
        if (!known) {
          const name = unit.index >= 0 ? plan.units[unit.index]! : unit.name;
          const key = unitKey(name);
          const isGroup = choice.kind === "new" ? choice.isGroup : false;
          if (!newUnits.has(key)) newUnits.set(key, { name, key, isGroup });
          if (newUnits.get(key)!.isGroup) memberless.add(name);
          put({ taskOrder: order, unitId: null, unitKey: key, role, viaGroupId: null });
        } else if (known.isGroup && known.memberIds.length > 0) {
          for (const member of known.memberIds.filter(inside))
            put({ taskOrder: order, unitId: member, unitKey: null, role, viaGroupId: known.id });
        } else {
          if (known.isGroup) memberless.add(known.name);
          put({ taskOrder: order, unitId: known.id, unitKey: null, role, viaGroupId: null });
        }
      };
      for (const unit of task.lead) assign(unit, "lead");
      for (const unit of task.coop) assign(unit, "coop");
      assignments.push(...byUnit.values());
    });

  const header = plan.header;
  return {
    plan: {
      issuerUnitId: choices.issuerUnitId,
      monitorUnitId: choices.monitorUnitId,
      number: header.number,
      title: planTitle(plan, context.fileName),
      issuedOn: header.issued_on,
      implementsText: header.implements,
      sourceHash: context.sourceHash,
    },
    rootUnitId: choices.issuerUnitId,
    newUnits: [...newUnits.values()],
    targets: plan.targets.map((t) => ({
      text: t.text,
      value: t.value,
      comparator: t.comparator,
      unitOfMeasure: t.unit,
      byYear: t.by_year,
    })),
    tasks,
    assignments,
    groupsWithoutMembers: [...memberless],
    leftOutUnits: outside.leftOut.map((i) => plan.units[i]!),
    refusedTasks: outside.refused.map((t) => ({ ref: t.ref, title: t.title })),
  };
}

function rank(row: AssignmentRow): number {
  return (row.role === "lead" ? 2 : 0) + (row.viaGroupId === null ? 1 : 0);
}

/**
 * The document's title. A title that goes on from the word "KẾ HOẠCH" above it ("thực hiện
 * Nghị quyết …") gets that word back; without a title, the number or the file's name.
 */
export function planTitle(plan: ReviewPlan, fileName: string | null): string {
  const title = plan.header.title?.trim();
  if (title) return /^\p{Ll}/u.test(title) ? `Kế hoạch ${title}` : title;
  if (plan.header.number) return `Kế hoạch số ${plan.header.number}`;
  const name = cleanFileName(fileName);
  return name ? `Kế hoạch từ tệp ${name}` : "Kế hoạch chưa có tên";
}
