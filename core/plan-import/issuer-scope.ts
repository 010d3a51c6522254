/**
 * A plan assigns work only inside the tree of its issuing unit
 * (core/access canAssignInPlan). Names of the document matched to a unit
 * elsewhere are left out; a task whose every lead is left out is refused.
 * The review shows both, with the reason, before anything is saved.
 */
import { type Actor, canAssignInPlan, canImportFor, canMonitorFor, type IssuerRef } from "../access/policy";
import { keptTasks, type ImportChoices, type ReviewedTask, type ReviewPlan, type ScopeUnit } from "./review";

/** The unit and its ancestors, the unit first ([id] when its place is unknown). */
export function lineageOf(scope: readonly ScopeUnit[], unitId: number): number[] {
  return scope.find((u) => u.id === unitId)?.lineage ?? [unitId];
}

/** Whether a unit of the scope may be assigned in a plan of this issuer. */
export function insideIssuer(scope: readonly ScopeUnit[], issuerUnitId: number, unitId: number): boolean {
  return canAssignInPlan(issuerUnitId, lineageOf(scope, unitId));
}

export interface OutsideIssuer {
  /** Names of the document (plan.units indexes) matched to a unit outside the issuer's tree. */
  leftOut: number[];
  /** Kept tasks that are not saved: every lead named is outside the issuer's tree. */
  refused: ReviewedTask[];
}

export function outsideIssuer(plan: ReviewPlan, choices: ImportChoices, scope: readonly ScopeUnit[]): OutsideIssuer {
  const outside = (index: number) => {
    const choice = choices.units[index];
    return choice?.kind === "existing" && !insideIssuer(scope, choices.issuerUnitId, choice.unitId);
  };
  const kept = keptTasks(plan, choices);
  const named = new Set<number>();
  for (const task of kept) for (const unit of [...task.lead, ...task.coop]) if (unit.index >= 0) named.add(unit.index);
  const refused = kept.filter((t) => {
    const leads = t.lead.filter((u) => u.choice.kind !== "skip");
    return leads.length > 0 && leads.every((u) => u.index >= 0 && outside(u.index));
  });
  return { leftOut: [...named].filter(outside).sort((a, b) => a - b), refused };
}

/** What an admin may import for: the issuers (core/access canImportFor) and the units of their tree. */
export interface IssuerScope {
  issuers: readonly IssuerRef[];
  units: readonly ScopeUnit[];
}

/** The units that may monitor a plan of this issuer, as this admin may choose them (core/access canMonitorFor). */
export function monitorCandidates(actor: Actor, scope: IssuerScope, issuerUnitId: number): ScopeUnit[] {
  const issuer = scope.issuers.find((i) => i.unitId === issuerUnitId);
  if (!issuer) return [];
  return scope.units.filter((u) => !u.isGroup && canMonitorFor(actor, issuer, lineageOf(scope.units, u.id)));
}

/** Why the issuer or monitor chosen may not be saved by this admin, or null when both may. */
export function issuerProblem(actor: Actor, scope: IssuerScope, choices: ImportChoices): "issuer" | "monitor" | null {
  const issuer = scope.issuers.find((i) => i.unitId === choices.issuerUnitId);
  if (!issuer || !canImportFor(actor, issuer)) return "issuer";
  if (!canMonitorFor(actor, issuer, lineageOf(scope.units, choices.monitorUnitId))) return "monitor";
  return null;
}

/** Whether saving designates a new office for the issuer (its own admin chose an office to monitor for it). */
export function designatesOffice(actor: Actor, scope: IssuerScope, choices: ImportChoices): boolean {
  const issuer = scope.issuers.find((i) => i.unitId === choices.issuerUnitId);
  return (
    issuer !== undefined &&
    actor.unitId === issuer.unitId &&
    choices.monitorUnitId !== issuer.unitId &&
    choices.monitorUnitId !== issuer.monitorOfficeId
  );
}
