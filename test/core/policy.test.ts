import { describe, expect, it } from "vitest";
import { canChangeMember, canManagePlan, canReadPlan, canReadTarget, canRecordTarget, canReport, canViewAssignment, type Actor } from "../../core/access/policy";
import type { Role } from "../../core/access/roles";

/** Units: 1 issues the plan, 2 monitors it, 3 and 4 carry it out, 9 belongs to another committee. */
const plan = { issuerUnitId: 1, monitorUnitId: 2 };
const as = (role: Role, unitId: number): Actor => ({ role, unitId });

describe("plan access", () => {
  const cases: [string, Actor, { manage: boolean; read: boolean }][] = [
    ["admin of the monitoring unit", as("admin", 2), { manage: true, read: true }],
    ["admin of another unit", as("admin", 9), { manage: false, read: false }],
    ["admin of the issuing unit", as("admin", 1), { manage: false, read: false }],
    ["viewer of the issuing unit", as("viewer", 1), { manage: false, read: true }],
    ["viewer of the monitoring unit", as("viewer", 2), { manage: false, read: true }],
    ["viewer of an assigned unit", as("viewer", 3), { manage: false, read: false }],
    ["leader of the monitoring unit", as("leader", 2), { manage: false, read: false }],
    ["member of the monitoring unit", as("member", 2), { manage: false, read: false }],
    ["leader of an assigned unit", as("leader", 3), { manage: false, read: false }],
    ["member of an assigned unit", as("member", 3), { manage: false, read: false }],
  ];
  it.each(cases)("%s", (_, actor, expected) => {
    expect({ manage: canManagePlan(actor, plan), read: canReadPlan(actor, plan) }).toEqual(expected);
    expect(canRecordTarget(actor, plan, { responsibleUnitId: null })).toBe(expected.manage);
  });
});

describe("assignment access", () => {
  const assignment = { unitId: 3, plan };
  const cases: [string, Actor, { view: boolean; report: boolean }][] = [
    ["member of the unit", as("member", 3), { view: true, report: true }],
    ["leader of the unit", as("leader", 3), { view: true, report: true }],
    ["viewer in the unit", as("viewer", 3), { view: true, report: false }],
    ["member of another unit", as("member", 4), { view: false, report: false }],
    ["leader of another unit", as("leader", 4), { view: false, report: false }],
    ["admin of the plan", as("admin", 2), { view: true, report: true }],
    ["viewer of the plan", as("viewer", 1), { view: true, report: false }],
    ["admin of another committee", as("admin", 9), { view: false, report: false }],
  ];
  it.each(cases)("%s", (_, actor, expected) => {
    expect({ view: canViewAssignment(actor, assignment), report: canReport(actor, assignment) }).toEqual(expected);
  });
});

describe("target access", () => {
  const target = { responsibleUnitId: 3 };
  const cases: [string, Actor, { read: boolean; record: boolean }][] = [
    ["admin of the plan", as("admin", 2), { read: true, record: true }],
    ["viewer of the plan", as("viewer", 1), { read: true, record: false }],
    ["leader of the responsible unit", as("leader", 3), { read: true, record: true }],
    ["member of the responsible unit", as("member", 3), { read: true, record: true }],
    ["viewer in the responsible unit", as("viewer", 3), { read: true, record: false }],
    ["admin in the responsible unit, not of the plan", as("admin", 3), { read: true, record: true }],
    ["member of another assigned unit", as("member", 4), { read: false, record: false }],
    ["admin of another committee", as("admin", 9), { read: false, record: false }],
  ];
  it.each(cases)("%s", (_, actor, expected) => {
    expect({ read: canReadTarget(actor, plan, target), record: canRecordTarget(actor, plan, target) }).toEqual(expected);
  });

  it("a target with no responsible unit is recorded by the plan's admins only", () => {
    expect(canReadTarget(as("member", 3), plan, { responsibleUnitId: null })).toBe(false);
    expect(canRecordTarget(as("leader", 3), plan, { responsibleUnitId: null })).toBe(false);
  });
});

describe("changing a member", () => {
  const scope = new Set([2, 3, 4]);
  const admin = { id: 10, role: "admin" as const, unitId: 2 };
  const cases: [string, Actor & { id: number }, { id: number; unitId: number }, boolean][] = [
    ["an admin, someone in scope", admin, { id: 11, unitId: 3 }, true],
    ["an admin, a colleague of the office", admin, { id: 12, unitId: 2 }, true],
    ["an admin, themselves", admin, { id: 10, unitId: 2 }, false],
    ["an admin, someone out of scope", admin, { id: 13, unitId: 9 }, false],
    ["a leader, a member of their unit", { id: 20, role: "leader", unitId: 3 }, { id: 21, unitId: 3 }, false],
    ["a viewer", { id: 30, role: "viewer", unitId: 2 }, { id: 31, unitId: 3 }, false],
    ["a member", { id: 40, role: "member", unitId: 3 }, { id: 41, unitId: 3 }, false],
  ];
  it.each(cases)("%s", (_, actor, target, allowed) => {
    expect(canChangeMember(actor, target, scope)).toBe(allowed);
  });
});

// Web back office (issue 11): the decisions its pages need, beside the chat's.
import { canEditTasks, canRevokeInvite, canViewUnitPage } from "../../core/access/policy";

describe("a unit's page", () => {
  const cases: [string, Actor, number, typeof plan | null, boolean][] = [
    ["a member, their own unit", as("member", 3), 3, null, true],
    ["a member, another unit of the same plan", as("member", 3), 4, plan, false],
    ["a leader, another unit, no plan", as("leader", 3), 4, null, false],
    ["an admin of the monitoring unit, a unit of the plan", as("admin", 2), 4, plan, true],
    ["a viewer of the issuing unit", as("viewer", 1), 4, plan, true],
    ["an admin of another committee", as("admin", 9), 4, plan, false],
    ["an admin with no plan, another unit", as("admin", 2), 4, null, false],
  ];
  it.each(cases)("%s", (_, actor, unitId, scope, allowed) => {
    expect(canViewUnitPage(actor, unitId, scope)).toBe(allowed);
  });
});

describe("revoking an invite", () => {
  const scope = new Set([2, 3, 4]);
  const cases: [string, Actor, number, boolean][] = [
    ["an admin, an invite to a unit in scope", as("admin", 2), 3, true],
    ["an admin, an invite out of scope", as("admin", 2), 9, false],
    ["a viewer", as("viewer", 2), 3, false],
    ["a leader of the unit", as("leader", 3), 3, false],
  ];
  it.each(cases)("%s", (_, actor, unitId, allowed) => {
    expect(canRevokeInvite(actor, { unitId }, scope)).toBe(allowed);
  });
});

describe("editing a plan's tasks", () => {
  const cases: [string, Actor, boolean][] = [
    ["admin of the monitoring unit", as("admin", 2), true],
    ["viewer of the monitoring unit", as("viewer", 2), false],
    ["admin of another unit", as("admin", 3), false],
    ["member of an assigned unit", as("member", 3), false],
  ];
  it.each(cases)("%s", (_, actor, allowed) => {
    expect(canEditTasks(actor, plan)).toBe(allowed);
  });
});
