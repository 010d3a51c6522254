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

/**
 * Reading a plan of a chain (a commune's plan carrying out the province's):
 * whoever reads the plan itself, or any plan above it (`ancestors`: its
 * parent, the parent's parent…). The parent office thus reads the plans its
 * units made to carry out its own; a sibling unit's office reads none of
 * them, since a sibling's plan is not above. Reading only: writing stays
 * canManagePlan on the plan itself.
 */
export function canReadPlanInChain(actor: Actor, plan: PlanScope, ancestors: readonly PlanScope[]): boolean {
  return canReadPlan(actor, plan) || ancestors.some((ancestor) => canReadPlan(actor, ancestor));
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
 * Confirming or returning a completion: an admin who manages the plan, and
 * not the one who reported it. An admin may report for a unit (canReport),
 * but four eyes decide that the task is done.
 */
export function canReviewCompletion(actor: Actor & { id: number }, plan: PlanScope, report: { reporterId: number }): boolean {
  return canManagePlan(actor, plan) && report.reporterId !== actor.id;
}

/**
 * The units whose people an admin manages (invite, change a role, move,
 * remove): their own unit and its sub-units, nothing else. Monitoring a plan
 * lets an office read, chase and approve within that plan, never manage the
 * people of the units it assigns: an admin of UBND must not reach the Ban Tổ
 * chức, and a plan must not widen anyone's reach.
 */
export interface ManagedUnits {
  /** The admin's unit and every unit under it. */
  own: ReadonlySet<number>;
}

/** Only admins manage people; viewers read a plan as widely as a leader leads a unit. */
const ROLE_RANK: Record<Role, number> = { member: 1, leader: 2, viewer: 2, admin: 3 };

export interface PersonRef {
  id: number;
  unitId: number;
  role: Role;
}

export type PeopleAction =
  | { kind: "invite"; unitId: number; role: Role }
  | { kind: "view"; target: PersonRef }
  | { kind: "role"; target: PersonRef; role: Role }
  | { kind: "move"; target: PersonRef; toUnitId: number }
  | { kind: "remove"; target: PersonRef };

/**
 * The one rule for people management, checked at every step that writes:
 * - the unit concerned (and a move's destination) is one the admin manages;
 * - no one grants a role above their own;
 * - no one changes themselves (the office cannot lock itself out by a slip);
 * - no one acts on an admin of another unit (they may still see their card).
 */
export function canManagePeople(actor: Actor & { id: number }, units: ManagedUnits, action: PeopleAction): boolean {
  if (actor.role !== "admin") return false;
  const manages = (unitId: number) => units.own.has(unitId);
  const grants = (role: Role) => ROLE_RANK[role] <= ROLE_RANK[actor.role];
  switch (action.kind) {
    case "invite":
      return manages(action.unitId) && grants(action.role);
    case "view":
      return manages(action.target.unitId);
  }
  const { target } = action;
  if (target.id === actor.id || !manages(target.unitId)) return false;
  if (target.role === "admin" && target.unitId !== actor.unitId) return false;
  switch (action.kind) {
    case "role":
      return grants(action.role);
    case "move":
      return manages(action.toUnitId);
    case "remove":
      return true;
  }
}

/** Any change at all to this person (the card's buttons): a role, a move or removal. */
export function canChangeMember(actor: Actor & { id: number }, target: PersonRef, units: ManagedUnits): boolean {
  return canManagePeople(actor, units, { kind: "remove", target });
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

/** Editing a plan's tasks after import (title, deadline, add, withdraw): admins of its issuing or monitoring unit. */
export function canEditTasks(actor: Actor, plan: PlanScope): boolean {
  return actor.role === "admin" && (actor.unitId === plan.issuerUnitId || actor.unitId === plan.monitorUnitId);
}

/** A unit that may issue a plan, with the office its admins designated to monitor its plans. */
export interface IssuerRef {
  unitId: number;
  monitorOfficeId: number | null;
}

/**
 * Importing a plan for an issuing unit: its own admins, or the admins of the
 * office its admins designated to monitor for it. No one else: a plan decides
 * who chases whom, so it must come from the unit whose tree it assigns.
 */
export function canImportFor(actor: Actor, issuer: IssuerRef): boolean {
  return actor.role === "admin" && (actor.unitId === issuer.unitId || actor.unitId === issuer.monitorOfficeId);
}

/**
 * Who may monitor a plan of this issuer: the issuer itself or its designated
 * office. Its own admins may designate another office, one inside its tree
 * (`officeLineage`: the office and its ancestors, the office first).
 */
export function canMonitorFor(actor: Actor, issuer: IssuerRef, officeLineage: readonly number[]): boolean {
  const office = officeLineage[0];
  if (!canImportFor(actor, issuer) || office === undefined) return false;
  if (office === issuer.unitId || office === issuer.monitorOfficeId) return true;
  return actor.unitId === issuer.unitId && officeLineage.includes(issuer.unitId);
}

/**
 * A plan assigns work only inside the tree of its issuing unit (`unitLineage`:
 * the unit and its ancestors). A unit elsewhere is left out of the plan.
 */
export function canAssignInPlan(issuerUnitId: number, unitLineage: readonly number[]): boolean {
  return unitLineage.includes(issuerUnitId);
}

/**
 * Giving a member of the standing committee units to follow ("phân công
 * phụ trách"): an admin of the unit that issues the plans, for a viewer of
 * that same unit (the committee's members read its plans as viewers), never
 * themselves. Which units may be chosen (those assigned in the unit's plans)
 * is checked where they are written.
 */
export function canAssignUnitsInCharge(actor: Actor & { id: number }, member: PersonRef): boolean {
  return actor.role === "admin" && member.role === "viewer" && member.unitId === actor.unitId && member.id !== actor.id;
}
