import { childPlanName } from "../../core/plan-chain";
import { formatDate } from "../../core/time/vietnam-date";
import type { ChildPlanProgress, UnitChildPlans } from "../../db/queries/plan-chain";
import { chainTexts } from "../texts";
import { escapeHtml, shorten } from "./html";

const t = chainTexts.rollup;

export interface UnitIssuance {
  unit: UnitChildPlans;
  issued: boolean;
  /** Not issued and its planning task is past its deadline. */
  late: boolean;
}

/**
 * Which of a plan's units are expected to issue a plan of their own: those
 * given a planning task ("xây dựng kế hoạch thực hiện…") or that issued one
 * anyway; when no unit has such a task, every unit assigned. Empty when the
 * plan asks no unit for a plan and none made one: it stands alone.
 */
export function unitIssuance(units: UnitChildPlans[], today: string): UnitIssuance[] {
  const chained = units.some((u) => u.planningTask !== null || u.plans.length > 0);
  if (!chained) return [];
  const asked = units.some((u) => u.planningTask !== null);
  return units
    .filter((u) => !asked || u.planningTask !== null || u.plans.length > 0)
    .map((unit) => {
      const issued = unit.plans.length > 0;
      const task = unit.planningTask;
      const late = !issued && task !== null && task.due !== null && task.due < today && task.state !== "done";
      return { unit, issued, late };
    });
}

/** "Kế hoạch số 12-KH/ĐU" (its date is said beside it), else the start of its title. */
export function childPlanLabel(plan: ChildPlanProgress): string {
  return escapeHtml(shorten(childPlanName({ number: plan.number, title: plan.title, issuedOn: null }), 90));
}

/** The unit's own lines on its page: its plan(s) with their progress, or that it has none yet. */
export function unitPlanLines(issuance: UnitIssuance): string[] {
  const { unit, issued, late } = issuance;
  if (!issued) {
    const due = unit.planningTask?.due;
    return [t.unitMissing(due ? formatDate(due) : null, late)];
  }
  return unit.plans.flatMap((p) => [
    t.unitIssued(childPlanLabel(p), p.issuedOn ? formatDate(p.issuedOn) : null),
    t.unitProgress(p.done, p.assignments, p.doneOnTime, p.overdue),
  ]);
}

/** Units listed by name in a chasing message; the rest are counted, and /khdonvi chua lists them all. */
const CHASED_SHOWN = 5;

/** "📄 Chưa ban hành kế hoạch thực hiện (2 đơn vị, đã quá hạn):" and a line per unit with its deadline. */
export function unissuedLines(units: { unitName: string; due: string }[]): string[] {
  if (units.length === 0) return [];
  const c = chainTexts.chase;
  const shown = units.length > CHASED_SHOWN ? units.slice(0, CHASED_SHOWN - 1) : units;
  const lines = [c.header(units.length), ...shown.map((u) => c.line(escapeHtml(u.unitName), formatDate(u.due)))];
  if (shown.length < units.length) lines.push(c.more(units.length - shown.length));
  return lines;
}

/** A parent plan in one line: "Kế hoạch số 10-KH/TU của Tỉnh ủy …", else its title and issuer. */
export function parentPlanName(plan: { number: string | null; title: string; issuerName: string }): string {
  return chainTexts.planOf(
    plan.number && escapeHtml(plan.number),
    escapeHtml(shorten(plan.title, 80)),
    escapeHtml(plan.issuerName),
  );
}
