import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, vietnamDate } from "../../core/time/vietnam-date";
import { assignments, plans, tasks } from "../../db/schema";
import { addReport } from "../admin/support";
import { makeCommittee, makeMember, makeUnit, testDb } from "../support/fixtures";
import { signIn, webFetch } from "./support";

/** A second plan monitored by the same office, with one task for unit A awaiting confirmation. */
async function secondPlan(c: Awaited<ReturnType<typeof makeCommittee>>) {
  const db = testDb();
  const [plan] = await db
    .insert(plans)
    .values({ issuerUnitId: c.root, monitorUnitId: c.monitor, number: `KH2-${c.tag}`, title: "Kế hoạch thứ hai" })
    .returning({ id: plans.id });
  const [task] = await db
    .insert(tasks)
    .values({
      planId: plan!.id,
      ref: "1",
      title: "Nhiệm vụ của kế hoạch thứ hai",
      deadlineText: "trong tháng tới",
      deadlineKind: "date",
      dueOn: addDays(vietnamDate(new Date()), 30),
    })
    .returning({ id: tasks.id });
  const [assignment] = await db
    .insert(assignments)
    .values({ taskId: task!.id, unitId: c.unitA, role: "lead", state: "awaiting_confirmation" })
    .returning({ id: assignments.id });
  return { planId: plan!.id, taskId: task!.id, assignmentId: assignment!.id };
}

describe("an office that follows several plans", () => {
  it("each plan has its own address; the first plan stays reachable after a second; approvals list both", async () => {
    const c = await makeCommittee();
    await env.DB.prepare("update assignments set state = 'awaiting_confirmation' where id = ?1")
      .bind(c.tasksA.notDue.assignmentId)
      .run();
    await addReport(c.tasksA.notDue.assignmentId, c.memberA.memberId, { kind: "completion", note: "Xong việc kế hoạch một" });
    const two = await secondPlan(c);
    await addReport(two.assignmentId, c.memberA.memberId, { kind: "completion", note: "Xong việc kế hoạch hai" });
    const session = await signIn(c.admin.memberId);

    // The newest plan is the default, and the picker offers both.
    const home = await webFetch("/web", { cookie: session.cookie });
    expect(home.headers.get("location")).toBe(`/web/ke-hoach/${two.planId}`);
    const first = await (await webFetch(`/web/ke-hoach/${c.planId}`, { cookie: session.cookie })).text();
    expect(first).toContain(`KH-${c.tag}`);
    expect(first).toMatch(new RegExp(`<option value="${c.planId}" selected="">KH-${c.tag}`));
    expect(first).toContain(`<option value="${two.planId}">KH2-${c.tag}`);
    expect(first).toContain(`href="/web/ke-hoach/${c.planId}/don-vi/${c.unitA}"`);

    const picked = await webFetch(`/web/ke-hoach?id=${c.planId}`, { cookie: session.cookie });
    expect(picked.headers.get("location")).toBe(`/web/ke-hoach/${c.planId}`);

    // A unit page in the first plan shows that plan's tasks only.
    const unit = await (await webFetch(`/web/ke-hoach/${c.planId}/don-vi/${c.unitA}`, { cookie: session.cookie })).text();
    expect(unit).toContain("Báo cáo sơ kết năm");
    expect(unit).not.toContain("Nhiệm vụ của kế hoạch thứ hai");
    const unit2 = await (await webFetch(`/web/ke-hoach/${two.planId}/don-vi/${c.unitA}`, { cookie: session.cookie })).text();
    expect(unit2).toContain("Nhiệm vụ của kế hoạch thứ hai");
    expect(unit2).not.toContain("Báo cáo sơ kết năm");

    // The first plan's export still downloads.
    const csv = await webFetch(`/web/ke-hoach/${c.planId}/xuat/bao-cao.csv`, { cookie: session.cookie });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("Nhiệm vụ riêng của Phú Lộc về khuyến học");

    const approvals = await (await webFetch("/web/duyet", { cookie: session.cookie })).text();
    expect(approvals).toContain("Chờ duyệt (2)");
    expect(approvals).toContain("«Xong việc kế hoạch một»");
    expect(approvals).toContain("«Xong việc kế hoạch hai»");
    expect(approvals).toContain(`href="/web/nhiem-vu/${two.taskId}"`);
  });

  it("a plan the member does not follow is refused, an unknown one is not found, a member has no plan pages", async () => {
    const c = await makeCommittee();
    const otherOffice = await makeUnit(`Ban Tuyên giáo ${c.tag}`, c.root);
    const stranger = await makeMember(otherOffice, "admin", "Khác");
    const session = await signIn(stranger.memberId);
    const refused = await webFetch(`/web/ke-hoach/${c.planId}`, { cookie: session.cookie });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("không theo dõi kế hoạch này");
    expect((await webFetch(`/web/ke-hoach/${c.planId}/don-vi/${c.unitA}`, { cookie: session.cookie })).status).toBe(403);
    expect((await webFetch(`/web/ke-hoach/${c.planId}/xuat/bao-cao.csv`, { cookie: session.cookie })).status).toBe(403);
    expect((await webFetch("/web/ke-hoach/999999999", { cookie: session.cookie })).status).toBe(404);

    const member = await signIn(c.memberA.memberId);
    expect((await webFetch(`/web/ke-hoach/${c.planId}`, { cookie: member.cookie })).status).toBe(403);
    // Their own unit's page lists every plan's tasks of the unit.
    const two = await secondPlan(c);
    const own = await (await webFetch(`/web/don-vi/${c.unitA}`, { cookie: member.cookie })).text();
    expect(own).toContain("Báo cáo sơ kết năm");
    expect(own).toContain("Nhiệm vụ của kế hoạch thứ hai");
    expect(two.planId).toBeGreaterThan(c.planId);
  });
});
