import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { post, signIn, webFetch } from "../web/support";
import { linkedChain } from "./support";

const page = async (path: string, cookie: string) => {
  const response = await webFetch(path, { cookie });
  return { status: response.status, html: await response.text() };
};

/** Forms of the page's own content: the layout's logout and plan picker aside. */
const contentForms = (html: string) => (html.match(/<form method="post"[^>]*>/g) ?? []).filter((f) => !f.includes("dang-xuat"));

describe("the parent plan's pages roll up its units' plans", () => {
  it("shows per unit the plan issued with its figures, or what is still owed and that it is late", async () => {
    const { chain, communePlan } = await linkedChain();
    const session = await signIn(chain.admins.province.memberId);
    const overview = await page(`/web/ke-hoach/${chain.province.planId}`, session.cookie);
    expect(overview.status).toBe(200);
    expect(overview.html).toContain("Kế hoạch thực hiện của các đơn vị");
    const communeRow = overview.html.slice(overview.html.indexOf(`id="child-plans-${chain.units.commune}"`)).split("</tr>")[0]!;
    expect(communeRow).toContain("Đã ban hành kế hoạch");
    expect(communeRow).toContain(`href="/web/ke-hoach/${communePlan.planId}"`);
    expect(communeRow).toContain(`Kế hoạch số 3-KH/ĐU-${chain.tag} ngày 01/02/2026`);
    expect(communeRow).toContain("xong 3/7 lượt giao, đúng hạn 2, quá hạn 2");
    const siblingRow = overview.html.slice(overview.html.indexOf(`id="child-plans-${chain.units.sibling}"`)).split("</tr>")[0]!;
    expect(siblingRow).toContain("Chưa ban hành");
    expect(siblingRow).toContain(`hạn ${formatDate(addDays(vietnamDate(new Date()), -3))}`);
    expect(siblingRow).toContain("quá hạn");

    // The parent's task the commune's plan carries out shows that plan's progress.
    const planningTask = await env.DB.prepare("select task_id as id from assignments where id = ?1")
      .bind(chain.province.assignmentIds[0])
      .first<{ id: number }>();
    const task = await page(`/web/nhiem-vu/${planningTask!.id}`, session.cookie);
    expect(task.html).toContain("Thực hiện bằng");
    expect(task.html).toContain(`href="/web/ke-hoach/${communePlan.planId}"`);
    expect(task.html).toContain("xong 3/7 lượt giao, đúng hạn 2, quá hạn 2");

    const unit = await page(`/web/ke-hoach/${chain.province.planId}/don-vi/${chain.units.commune}`, session.cookie);
    expect(unit.html).toContain("Kế hoạch thực hiện của đơn vị");
    expect(unit.html).toContain(`href="/web/ke-hoach/${communePlan.planId}"`);
  });

  it("opens a unit's plan, and its unit's below, read only for the parent office", async () => {
    const { chain, communePlan, cellPlan } = await linkedChain();
    const session = await signIn(chain.admins.province.memberId);
    for (const path of [
      `/web/ke-hoach/${communePlan.planId}`,
      `/web/ke-hoach/${communePlan.planId}/don-vi/${chain.units.communeOffice}`,
      `/web/ke-hoach/${cellPlan.planId}`,
    ]) {
      const shown = await page(path, session.cookie);
      expect(shown.status, path).toBe(200);
      expect(shown.html).toContain('id="read-only"');
      expect(contentForms(shown.html), path).toEqual([]);
      expect(shown.html).not.toContain("/web/bieu-mau/");
    }
    const tasks = await env.DB.prepare("select id from tasks where plan_id = ?1 order by sort_order")
      .bind(communePlan.planId)
      .all<{ id: number }>();
    const task = await page(`/web/nhiem-vu/${tasks.results[1]!.id}`, session.cookie);
    expect(task.status).toBe(200);
    expect(contentForms(task.html)).toEqual([]);

    const count = async () =>
      (await env.DB.prepare("select count(*) as n from tasks where plan_id = ?1")
        .bind(communePlan.planId)
        .first<{ n: number }>())!.n;
    const before = await count();
    const added = await post(`/web/ke-hoach/${communePlan.planId}/them-nhiem-vu`, session, {
      title: "Việc cấp trên tự thêm",
      lead: String(chain.units.communeOffice),
      deadline: "",
    });
    expect(added.status).toBe(403);
    const edited = await post(`/web/nhiem-vu/${tasks.results[1]!.id}/sua`, session, { title: "Sửa từ cấp trên", deadline: "" });
    expect(edited.status).toBe(403);
    expect(await count()).toBe(before);

    // The commune's own office still manages it.
    const own = await signIn(chain.admins.commune.memberId);
    const ownPage = await page(`/web/ke-hoach/${communePlan.planId}`, own.cookie);
    expect(ownPage.html).not.toContain('id="read-only"');
    expect(contentForms(ownPage.html).some((f) => f.includes("them-nhiem-vu"))).toBe(true);
  });

  it("refuses a sibling's office, and the plan below reading the one above", async () => {
    const { chain, communePlan } = await linkedChain();
    const sibling = await signIn(chain.admins.sibling.memberId);
    expect((await page(`/web/ke-hoach/${communePlan.planId}`, sibling.cookie)).status).toBe(403);
    expect((await page(`/web/ke-hoach/${communePlan.planId}/don-vi/${chain.units.communeOffice}`, sibling.cookie)).status).toBe(
      403,
    );
    const tasks = await env.DB.prepare("select id from tasks where plan_id = ?1").bind(communePlan.planId).all<{ id: number }>();
    expect((await page(`/web/nhiem-vu/${tasks.results[1]!.id}`, sibling.cookie)).status).toBe(403);
    const cell = await signIn(chain.admins.cell.memberId);
    expect((await page(`/web/ke-hoach/${communePlan.planId}`, cell.cookie)).status).toBe(403);
  });
});
