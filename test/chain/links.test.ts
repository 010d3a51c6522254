import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { vietnamDate } from "../../core/time/vietnam-date";
import { childPlansByUnit, linkChildPlan, planAncestors } from "../../db/queries/plan-chain";
import { assignments, auditLog, planLinks, plans, progressReports } from "../../db/schema";
import { testDb } from "../support/fixtures";
import { linkedChain, makeChain, makePlan } from "./support";

const today = () => vietnamDate(new Date());

describe("linking a plan to the plan it carries out", () => {
  it("links, reports the planning task done with the child plan named, and leaves the ordinary task alone", async () => {
    const { chain, communePlan, up } = await linkedChain();
    expect(up).toEqual({ ok: true, reported: [chain.province.assignmentIds[0]] });
    const db = testDb();
    const [child] = await db.select().from(plans).where(eq(plans.id, communePlan.planId));
    expect(child!.parentPlanId).toBe(chain.province.planId);
    const links = await db.select().from(planLinks).where(eq(planLinks.childPlanId, communePlan.planId));
    expect(links.map((l) => l.assignmentId).sort()).toEqual(chain.province.assignmentIds.slice(0, 2).sort());

    const [planning, ordinary] = await Promise.all(
      chain.province.assignmentIds
        .slice(0, 2)
        .map(async (id) => (await db.select().from(assignments).where(eq(assignments.id, id)))[0]!),
    );
    expect(planning!.state).toBe("awaiting_confirmation");
    expect(ordinary!.state).toBe("open");
    const reports = await db.select().from(progressReports).where(eq(progressReports.assignmentId, planning!.id));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ kind: "completion", reviewStatus: "pending", memberId: chain.admins.commune.memberId });
    expect(reports[0]!.note).toContain(`Kế hoạch số 3-KH/ĐU-${chain.tag} ngày 01/02/2026`);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, communePlan.planId));
    expect(audit.some((a) => a.action === "plan.link" && a.entity === "plan")).toBe(true);
  });

  it("linking again replaces the links and reports the planning task once", async () => {
    const { chain, communePlan } = await linkedChain();
    const again = await linkChildPlan(testDb(), {
      childPlanId: communePlan.planId,
      parentPlanId: chain.province.planId,
      assignmentIds: [chain.province.assignmentIds[0]!],
      memberId: chain.admins.commune.memberId,
    });
    expect(again).toEqual({ ok: true, reported: [] });
    const db = testDb();
    expect(await db.select().from(planLinks).where(eq(planLinks.childPlanId, communePlan.planId))).toHaveLength(1);
    expect(
      await db.select().from(progressReports).where(eq(progressReports.assignmentId, chain.province.assignmentIds[0]!)),
    ).toHaveLength(1);
  });

  it("knows the chain above a plan at any depth", async () => {
    const { chain, communePlan, cellPlan } = await linkedChain();
    expect(await planAncestors(testDb(), cellPlan.planId)).toEqual([communePlan.planId, chain.province.planId]);
    expect(await planAncestors(testDb(), chain.province.planId)).toEqual([]);
  });

  it("refuses a cycle, another unit's assignment and one from another plan, writing nothing", async () => {
    const { chain, communePlan, cellPlan } = await linkedChain();
    const db = testDb();
    const before = await db.select().from(planLinks);
    const refusals = await Promise.all([
      // The province's plan under the cell's: the cell's plan is already below it.
      linkChildPlan(db, {
        childPlanId: chain.province.planId,
        parentPlanId: cellPlan.planId,
        assignmentIds: [],
        memberId: chain.admins.province.memberId,
      }),
      linkChildPlan(db, {
        childPlanId: communePlan.planId,
        parentPlanId: communePlan.planId,
        assignmentIds: [1],
        memberId: null,
      }),
      // The commune's plan answering the sibling's task.
      linkChildPlan(db, {
        childPlanId: communePlan.planId,
        parentPlanId: chain.province.planId,
        assignmentIds: [chain.province.assignmentIds[2]!],
        memberId: chain.admins.commune.memberId,
      }),
      // An assignment of the commune's own plan is not in the province's.
      linkChildPlan(db, {
        childPlanId: cellPlan.planId,
        parentPlanId: chain.province.planId,
        assignmentIds: [communePlan.assignmentIds[0]!],
        memberId: chain.admins.cell.memberId,
      }),
      linkChildPlan(db, { childPlanId: cellPlan.planId, parentPlanId: 987654321, assignmentIds: [1], memberId: null }),
    ]);
    expect(refusals.map((r) => (r.ok ? "ok" : r.reason))).toEqual([
      "cycle",
      "cycle",
      "not_child_unit",
      "not_in_parent",
      "no_parent",
    ]);
    expect(await db.select().from(planLinks)).toEqual(before);
    const [province] = await db.select().from(plans).where(eq(plans.id, chain.province.planId));
    expect(province!.parentPlanId).toBeNull();
  });

  it("lets a party cell's plan answer the commune's task in the province's plan (an ancestor unit's assignment)", async () => {
    const chain = await makeChain();
    const cellPlan = await makePlan(
      { issuerUnitId: chain.units.cell, monitorUnitId: chain.units.cell, number: null, title: "Kế hoạch riêng của chi bộ" },
      [{ title: "Họp chi bộ", unitId: chain.units.cell, dueIn: 3 }],
    );
    const linked = await linkChildPlan(testDb(), {
      childPlanId: cellPlan.planId,
      parentPlanId: chain.province.planId,
      assignmentIds: [chain.province.assignmentIds[1]!],
      memberId: chain.admins.cell.memberId,
    });
    expect(linked.ok).toBe(true);
  });
});

describe("the parent's roll-up of its units' plans", () => {
  it("gives each unit its plans with figures equal to a hand count, and the planning task of a unit without one", async () => {
    const { chain, communePlan } = await linkedChain();
    const units = await childPlansByUnit(testDb(), chain.province.planId, today());
    const byUnit = new Map(units.map((u) => [u.unitId, u]));
    const commune = byUnit.get(chain.units.commune)!;
    expect(commune.plans).toHaveLength(1);
    // By hand, the commune's seven tasks: three done (two by their deadline, one 5 days after it), two past their
    // deadline and not done, two still open; the first waits on the cell, still before its deadline.
    expect(commune.plans[0]).toMatchObject({
      id: communePlan.planId,
      number: `3-KH/ĐU-${chain.tag}`,
      issuedOn: "2026-02-01",
      tasks: 7,
      assignments: 7,
      done: 3,
      doneOnTime: 2,
      overdue: 2,
      open: 4,
    });
    const sibling = byUnit.get(chain.units.sibling)!;
    expect(sibling.plans).toEqual([]);
    expect(sibling.planningTask).toMatchObject({ title: "Xây dựng kế hoạch thực hiện Kế hoạch này", state: "open" });
    expect(sibling.planningTask!.due! < today()).toBe(true);
  });

  it("rolls up one level at a time: the commune's plan shows the cell's", async () => {
    const { communePlan, cellPlan, chain } = await linkedChain();
    const units = await childPlansByUnit(testDb(), communePlan.planId, today());
    const cell = units.find((u) => u.unitId === chain.units.cell)!;
    expect(cell.plans.map((p) => [p.id, p.tasks, p.open])).toEqual([[cellPlan.planId, 1, 1]]);
    expect(units.find((u) => u.unitId === chain.units.communeOffice)!.plans).toEqual([]);
  });
});
