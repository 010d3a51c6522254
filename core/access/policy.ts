import type { Role } from "./roles";

/**
 * Who may see or act on what. A plan is issued by one unit and monitored by
 * another; admins of the monitoring unit manage it, viewers of either unit
 * read it, and everyone else sees only their own unit's assignments.
 */
export interface Actor {
  role: Role;
  unitId: number;
}

export interface PlanScope {
  issuerUnitId: number;
  monitorUnitId: number;
}

export function canManagePlan(actor: Actor, plan: PlanScope): boolean {
  return actor.role === "admin" && actor.unitId === plan.monitorUnitId;
}

export function canReadPlan(actor: Actor, plan: PlanScope): boolean {
  if (canManagePlan(actor, plan)) return true;
  return actor.role === "viewer" && (actor.unitId === plan.issuerUnitId || actor.unitId === plan.monitorUnitId);
}

export function canViewAssignment(actor: Actor, assignment: { unitId: number; plan: PlanScope }): boolean {
  return actor.unitId === assignment.unitId || canReadPlan(actor, assignment.plan);
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === "admin";
}

/**
 * Reporting on an assignment: the members and leaders of the assigned unit,
 * and the admins who manage the plan. Viewers only read.
 */
export function canReport(actor: Actor, assignment: { unitId: number; plan: PlanScope }): boolean {
  if (actor.role === "viewer") return false;
  if (actor.unitId === assignment.unitId) return actor.role === "member" || actor.role === "leader" || actor.role === "admin";
  return canManagePlan(actor, assignment.plan);
}

/**
 * People: an admin changes the members of the units they look after (their
 * scope, see unitsInAdminScope), never their own role, unit or membership,
 * so the office cannot lock itself out by a slip of the thumb.
 */
export function canChangeMember(
  actor: Actor & { id: number },
  target: { id: number; unitId: number },
  unitsInScope: ReadonlySet<number>,
): boolean {
  return actor.role === "admin" && target.id !== actor.id && unitsInScope.has(target.unitId);
}

export interface TargetScope {
  responsibleUnitId: number | null;
}

/**
 * Reading a target (chỉ tiêu): whoever reads the plan, and the unit
 * responsible for it, which sees its own targets and nothing else of the plan.
 */
export function canReadTarget(actor: Actor, plan: PlanScope, target: TargetScope): boolean {
  return canReadPlan(actor, plan) || (target.responsibleUnitId !== null && actor.unitId === target.responsibleUnitId);
}

/**
 * Recording a target's value: the admins who manage the plan, and the people
 * of the responsible unit (as for reporting on its tasks). Viewers only read.
 */
export function canRecordTarget(actor: Actor, plan: PlanScope, target: TargetScope): boolean {
  if (canManagePlan(actor, plan)) return true;
  return target.responsibleUnitId !== null && actor.unitId === target.responsibleUnitId && actor.role !== "viewer";
}

/**
 * A unit's page (its tasks and people): the unit's own members, and whoever
 * reads the plan shown. Without a plan (members follow none) only their own unit.
 */
export function canViewUnitPage(actor: Actor, unitId: number, plan: PlanScope | null): boolean {
  if (actor.unitId === unitId) return true;
  return plan !== null && canViewAssignment(actor, { unitId, plan });
}

/** Revoking an invite: an admin, for a unit they look after (the scope canChangeMember uses). */
export function canRevokeInvite(actor: Actor, invite: { unitId: number }, unitsInScope: ReadonlySet<number>): boolean {
  return actor.role === "admin" && unitsInScope.has(invite.unitId);
}

/** Editing a plan's tasks after import (title, deadline, add, withdraw): the admins who manage it. */
export function canEditTasks(actor: Actor, plan: PlanScope): boolean {
  return canManagePlan(actor, plan);
}
