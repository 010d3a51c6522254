import { canReport, type Actor, type PlanScope } from "../access/policy";

export type ReportAct = "progress" | "completion" | "checkin" | "extension";
export type ReportRefusal = "not_allowed" | "done" | "awaiting_confirmation" | "not_recurring";
export type ReportDecision = { ok: true } | { ok: false; reason: ReportRefusal };

/**
 * Whether this person may report on this assignment now — the one answer the
 * chat (when a flow starts and again at the step that writes) and the web
 * forms share. Who: the policy's canReport. When: not once the task is done;
 * not while a completion waits for the office (an extension may still be
 * asked); a check-in only for a recurring duty.
 */
export function reportDecision(
  actor: Actor,
  assignment: { unitId: number; plan: PlanScope; state: string; recurrence: string | null },
  act: ReportAct,
): ReportDecision {
  if (!canReport(actor, assignment)) return { ok: false, reason: "not_allowed" };
  if (assignment.state === "done") return { ok: false, reason: "done" };
  if (assignment.state === "awaiting_confirmation" && act !== "extension") return { ok: false, reason: "awaiting_confirmation" };
  if (act === "checkin" && assignment.recurrence === null) return { ok: false, reason: "not_recurring" };
  return { ok: true };
}
