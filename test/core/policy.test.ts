import { describe, expect, it } from "vitest";
import {
  canChangeMember,
  canManagePeople,
  canManagePlan,
  canReviewCompletion,
  canReadPlan,
  canReadTarget,
  canRecordTarget,
  canReport,
  canViewAssignment,
  type Actor,
  type PeopleAction,
} from "../../core/access/policy";
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

describe("people management: own unit and sub-units only (monitoring a plan gives no hold on people)", () => {
  // 1 issues the plan (the committee), 2 monitors it (Ban Tổ chức), 3 (UBND) and 4 are assigned, 5 is under 3, 9 is elsewhere.
  const office = { id: 10, role: "admin" as const, unitId: 2 };
  const officeUnits = { own: new Set([2]) };
  const ubnd = { id: 20, role: "admin" as const, unitId: 3 };
  const ubndUnits = { own: new Set([3, 5]) };
  const person = (id: number, unitId: number, role: Role = "member") => ({ id, unitId, role });
  type Who = [Actor & { id: number }, { own: Set<number> }];
  const cases: [string, Who, PeopleAction, boolean][] = [
    [
      "office: invite a member into a unit its plan assigns",
      [office, officeUnits],
      { kind: "invite", unitId: 3, role: "member" },
      false,
    ],
    [
      "office: invite an admin into a unit its plan assigns",
      [office, officeUnits],
      { kind: "invite", unitId: 4, role: "admin" },
      false,
    ],
    ["office: invite an admin into its own unit", [office, officeUnits], { kind: "invite", unitId: 2, role: "admin" }, true],
    ["office: invite into the committee itself", [office, officeUnits], { kind: "invite", unitId: 1, role: "viewer" }, false],
    ["office: invite elsewhere", [office, officeUnits], { kind: "invite", unitId: 9, role: "member" }, false],
    ["UBND: invite an admin into the Ban Tổ chức", [ubnd, ubndUnits], { kind: "invite", unitId: 2, role: "admin" }, false],
    ["UBND: invite into a sibling unit", [ubnd, ubndUnits], { kind: "invite", unitId: 4, role: "member" }, false],
    ["UBND: invite a leader into its sub-unit", [ubnd, ubndUnits], { kind: "invite", unitId: 5, role: "leader" }, true],
    ["UBND: invite an admin into itself", [ubnd, ubndUnits], { kind: "invite", unitId: 3, role: "admin" }, true],
    [
      "UBND: demote an admin of the Ban Tổ chức",
      [ubnd, ubndUnits],
      { kind: "role", target: person(11, 2, "admin"), role: "member" },
      false,
    ],
    ["UBND: remove an admin of the Ban Tổ chức", [ubnd, ubndUnits], { kind: "remove", target: person(11, 2, "admin") }, false],
    ["UBND: see the card of someone in the Ban Tổ chức", [ubnd, ubndUnits], { kind: "view", target: person(11, 2) }, false],
    ["UBND: promote its own member", [ubnd, ubndUnits], { kind: "role", target: person(21, 3), role: "leader" }, true],
    ["UBND: move a member to its sub-unit", [ubnd, ubndUnits], { kind: "move", target: person(21, 3), toUnitId: 5 }, true],
    ["UBND: move a member to the Ban Tổ chức", [ubnd, ubndUnits], { kind: "move", target: person(21, 3), toUnitId: 2 }, false],
    [
      "UBND: demote a fellow admin of UBND",
      [ubnd, ubndUnits],
      { kind: "role", target: person(22, 3, "admin"), role: "member" },
      true,
    ],
    [
      "UBND: remove an admin of its sub-unit (another unit)",
      [ubnd, ubndUnits],
      { kind: "remove", target: person(51, 5, "admin") },
      false,
    ],
    [
      "office: change a member of a unit its plan assigns",
      [office, officeUnits],
      { kind: "role", target: person(31, 3), role: "leader" },
      false,
    ],
    [
      "office: demote UBND's admin (another unit)",
      [office, officeUnits],
      { kind: "role", target: person(20, 3, "admin"), role: "member" },
      false,
    ],
    ["office: see UBND's admin's card", [office, officeUnits], { kind: "view", target: person(20, 3, "admin") }, false],
    ["office: see its own member's card", [office, officeUnits], { kind: "view", target: person(13, 2) }, true],
    ["office: remove a colleague admin", [office, officeUnits], { kind: "remove", target: person(12, 2, "admin") }, true],
    ["office: move someone to the committee", [office, officeUnits], { kind: "move", target: person(31, 3), toUnitId: 1 }, false],
    ["office: change themselves", [office, officeUnits], { kind: "role", target: person(10, 2, "admin"), role: "member" }, false],
    ["office: someone of another committee", [office, officeUnits], { kind: "remove", target: person(91, 9) }, false],
    [
      "a leader, a member of their unit",
      [{ id: 30, role: "leader", unitId: 3 }, ubndUnits],
      { kind: "remove", target: person(21, 3) },
      false,
    ],
    [
      "a leader, inviting",
      [{ id: 30, role: "leader", unitId: 3 }, ubndUnits],
      { kind: "invite", unitId: 3, role: "member" },
      false,
    ],
    [
      "a viewer",
      [{ id: 40, role: "viewer", unitId: 2 }, officeUnits],
      { kind: "role", target: person(31, 3), role: "member" },
      false,
    ],
  ];
  it.each(cases)("%s", (_, [actor, units], action, allowed) => {
    expect(canManagePeople(actor, units, action)).toBe(allowed);
  });

  it("no one grants a role above their own", () => {
    // Only admins manage people, and admin is the highest role: the rank is the guard if that ever changes.
    const rank: Role[] = ["member", "leader", "viewer", "admin"];
    for (const role of rank) expect(canManagePeople(office, officeUnits, { kind: "invite", unitId: 2, role })).toBe(true);
    expect(canChangeMember(office, person(13, 2), officeUnits)).toBe(true);
    expect(canChangeMember(office, person(31, 3), officeUnits)).toBe(false);
    expect(canChangeMember(ubnd, person(11, 2), ubndUnits)).toBe(false);
  });
});

describe("reviewing a completion: four eyes", () => {
  const cases: [string, Actor & { id: number }, number, boolean][] = [
    ["an admin of the plan, someone else's report", { id: 10, role: "admin", unitId: 2 }, 30, true],
    ["an admin of the plan, their own report", { id: 10, role: "admin", unitId: 2 }, 10, false],
    ["an admin elsewhere", { id: 11, role: "admin", unitId: 9 }, 30, false],
    ["a viewer of the plan", { id: 12, role: "viewer", unitId: 1 }, 30, false],
    ["the reporting unit's leader", { id: 13, role: "leader", unitId: 3 }, 30, false],
  ];
  it.each(cases)("%s", (_, actor, reporterId, allowed) => {
    expect(canReviewCompletion(actor, plan, { reporterId })).toBe(allowed);
  });
});

// Web back office (issue 11): the decisions its pages need, beside the chat's.
import { canEditTasks, canViewUnitPage } from "../../core/access/policy";

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

describe("editing a plan's tasks", () => {
  const cases: [string, Actor, boolean][] = [
    ["admin of the monitoring unit", as("admin", 2), true],
    ["admin of the issuing unit", as("admin", 1), true],
    ["viewer of the issuing unit", as("viewer", 1), false],
    ["viewer of the monitoring unit", as("viewer", 2), false],
    ["admin of another unit", as("admin", 3), false],
    ["member of an assigned unit", as("member", 3), false],
  ];
  it.each(cases)("%s", (_, actor, allowed) => {
    expect(canEditTasks(actor, plan)).toBe(allowed);
  });
});

describe("reporting now (core/reporting/decision)", async () => {
  const { reportDecision } = await import("../../core/reporting/decision");
  const plan = { issuerUnitId: 1, monitorUnitId: 2 };
  const on = (state: string, recurrence: string | null = null) => ({ unitId: 3, plan, state, recurrence });
  const cases: [string, Actor, ReturnType<typeof on>, "progress" | "completion" | "checkin" | "extension", string][] = [
    ["a member of the unit, open task", as("member", 3), on("open"), "progress", "ok"],
    ["a viewer", as("viewer", 3), on("open"), "progress", "not_allowed"],
    ["a member of another unit", as("member", 4), on("open"), "progress", "not_allowed"],
    ["the monitoring admin for the unit", as("admin", 2), on("open"), "completion", "ok"],
    ["a done task", as("member", 3), on("done"), "progress", "done"],
    ["a completion waiting: no more progress", as("member", 3), on("awaiting_confirmation"), "progress", "awaiting_confirmation"],
    ["a completion waiting: an extension may still be asked", as("member", 3), on("awaiting_confirmation"), "extension", "ok"],
    ["a check-in on a one-off task", as("member", 3), on("open"), "checkin", "not_recurring"],
    ["a check-in on a recurring duty", as("leader", 3), on("open", "ongoing"), "checkin", "ok"],
  ];
  it.each(cases)("%s", (_, actor, assignment, act, expected) => {
    const decision = reportDecision(actor, assignment, act);
    expect(decision.ok ? "ok" : decision.reason).toBe(expected);
  });
});

// Issue 18: importing, monitoring and assigning follow the issuer's tree.
import { canAssignInPlan, canImportFor, canMonitorFor } from "../../core/access/policy";

describe("importing a plan for an issuer, and who may monitor it", () => {
  // 1 is the committee; it designated 2 (its Ban Tổ chức) to monitor its plans. 3 (UBND) and 6 are under 1, 5 under 3.
  const committee = { unitId: 1, monitorOfficeId: 2 };
  const ubnd = { unitId: 3, monitorOfficeId: null };
  const lineage: Record<number, number[]> = { 1: [1], 2: [2, 1], 3: [3, 1], 5: [5, 3, 1], 6: [6, 1], 9: [9] };
  const cases: [string, Actor, typeof committee | typeof ubnd, { import: boolean; monitors: number[] }][] = [
    ["the committee's admin, for the committee", as("admin", 1), committee, { import: true, monitors: [1, 2, 3, 5, 6] }],
    ["the designated office's admin, for the committee", as("admin", 2), committee, { import: true, monitors: [1, 2] }],
    ["UBND's admin, for the committee", as("admin", 3), committee, { import: false, monitors: [] }],
    ["UBND's admin, for UBND", as("admin", 3), ubnd, { import: true, monitors: [3, 5] }],
    ["the office's admin, for UBND (not designated by it)", as("admin", 2), ubnd, { import: false, monitors: [] }],
    ["a viewer of the committee", as("viewer", 1), committee, { import: false, monitors: [] }],
    ["a member of the office", as("member", 2), committee, { import: false, monitors: [] }],
  ];
  it.each(cases)("%s", (_, actor, issuer, expected) => {
    const monitors = [1, 2, 3, 5, 6, 9].filter((office) => canMonitorFor(actor, issuer, lineage[office]!));
    expect({ import: canImportFor(actor, issuer), monitors }).toEqual(expected);
  });

  it("a plan assigns only units under its issuer", () => {
    expect(canAssignInPlan(1, lineage[5]!)).toBe(true);
    expect(canAssignInPlan(3, lineage[5]!)).toBe(true);
    expect(canAssignInPlan(3, lineage[3]!)).toBe(true);
    expect(canAssignInPlan(3, lineage[2]!)).toBe(false);
    expect(canAssignInPlan(3, lineage[6]!)).toBe(false);
    expect(canAssignInPlan(1, lineage[9]!)).toBe(false);
  });
});
