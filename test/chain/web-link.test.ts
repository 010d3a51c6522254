import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { post, signIn, webFetch } from "../web/support";
import { makeChain, makePlan } from "./support";

const parentOf = async (planId: number) =>
  (await env.DB.prepare("select parent_plan_id as p from plans where id = ?1").bind(planId).first<{ p: number | null }>())!.p;

describe("linking a saved plan by hand on its overview", () => {
  it("links the commune's plan to the province's, reporting its planning task, and unlinks it again", async () => {
    const chain = await makeChain();
    const plan = await makePlan(
      {
        issuerUnitId: chain.units.commune,
        monitorUnitId: chain.units.communeOffice,
        number: "7-KH/ĐU",
        title: "Kế hoạch cũ của xã",
      },
      [{ title: "Hội nghị", unitId: chain.units.communeOffice, dueIn: 9 }],
    );
    const session = await signIn(chain.admins.commune.memberId);
    const before = await (await webFetch(`/web/ke-hoach/${plan.planId}`, { cookie: session.cookie })).text();
    expect(before).toContain("chưa liên kết với kế hoạch cấp trên");
    expect(before).toContain(`<option value="${chain.province.planId}">`);

    const linked = await post(`/web/ke-hoach/${plan.planId}/ke-hoach-cap-tren`, session, {
      parent: String(chain.province.planId),
    });
    expect(linked.status).toBe(303);
    expect(await parentOf(plan.planId)).toBe(chain.province.planId);
    const after = await (await webFetch(`/web/ke-hoach/${plan.planId}`, { cookie: session.cookie })).text();
    expect(after).toContain(`Thực hiện: <a href="/web/ke-hoach/${chain.province.planId}">Kế hoạch số 10-KH/TU-${chain.tag}`);
    const state = await env.DB.prepare("select state from assignments where id = ?1")
      .bind(chain.province.assignmentIds[0])
      .first<{ state: string }>();
    expect(state!.state).toBe("awaiting_confirmation");

    expect((await post(`/web/ke-hoach/${plan.planId}/ke-hoach-cap-tren`, session, { parent: "0" })).status).toBe(303);
    expect(await parentOf(plan.planId)).toBeNull();
  });

  it("refuses a cycle, and anyone but the plan's own office", async () => {
    const chain = await makeChain();
    const own = (title: string) =>
      makePlan({ issuerUnitId: chain.units.commune, monitorUnitId: chain.units.communeOffice, number: null, title }, [
        { title: "Việc của chính xã", unitId: chain.units.commune, dueIn: 9 },
      ]);
    const first = await own("Chương trình của xã");
    const second = await own("Kế hoạch chi tiết của xã");
    const session = await signIn(chain.admins.commune.memberId);
    expect(
      (await post(`/web/ke-hoach/${second.planId}/ke-hoach-cap-tren`, session, { parent: String(first.planId) })).status,
    ).toBe(303);
    const cycle = await post(`/web/ke-hoach/${first.planId}/ke-hoach-cap-tren`, session, { parent: String(second.planId) });
    expect(cycle.status).toBe(409);
    expect(await cycle.text()).toContain("Không liên kết được");
    expect(await parentOf(first.planId)).toBeNull();

    for (const admin of [chain.admins.province, chain.admins.sibling]) {
      const other = await signIn(admin.memberId);
      const refused = await post(`/web/ke-hoach/${second.planId}/ke-hoach-cap-tren`, other, { parent: "0" });
      expect(refused.status).toBe(403);
    }
    expect(await parentOf(second.planId)).toBe(first.planId);
  });
});
