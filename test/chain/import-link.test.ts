import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { importDraft } from "../../db/queries/plan-import";
import { sendFile } from "../import/support";
import { lastMessage, pressButton } from "../support/fake-telegram";
import { post, signIn, webFetch, type WebSession } from "../web/support";
import { makeChain, makePlan, type Chain } from "./support";

/** The commune's own plan as a document: its header names the province's plan it carries out. */
function communeDocument(chain: Chain, implementsLine: string | null): string {
  return [
    `| ĐẢNG ỦY XÃ ĐÔNG ${chain.tag} | ĐẢNG CỘNG SẢN VIỆT NAM |`,
    "| --- | --- |",
    `| Số: 3-KH/ĐU | Xã Đông, ngày 01 tháng 02 năm 2026 |`,
    "",
    "KẾ HOẠCH",
    "",
    "tổ chức các việc của xã trong năm",
    "",
    ...(implementsLine ? [implementsLine, ""] : []),
    "I. NHIỆM VỤ CỤ THỂ",
    "",
    "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |",
    "| --- | --- | --- | --- | --- |",
    `| 1 | Tổ chức hội nghị quán triệt kế hoạch | Văn phòng Đảng ủy xã Đông ${chain.tag} | | Tháng 3/2026 |`,
    `| 2 | Chi bộ xây dựng kế hoạch thực hiện | Chi bộ thôn Một ${chain.tag} | | Quý II/2026 |`,
    "",
  ].join("\n");
}

async function upload(session: WebSession, text: string): Promise<string> {
  const data = new FormData();
  data.set("_csrf", session.csrf);
  data.set("file", new File([text], "ke-hoach-xa.md", { type: "text/markdown" }));
  const sent = await webFetch("/web/nhap", { method: "POST", cookie: session.cookie, body: data });
  expect(sent.status).toBe(303);
  return sent.headers.get("location")!;
}

/** Every task's title and deadline as the review shows them: saving them unchanged. */
async function unchangedFields(reviewPath: string): Promise<Record<string, string>> {
  const draft = (await importDraft(createDb(env.DB), Number(reviewPath.split("/").pop())))!;
  const fields: Record<string, string> = {};
  draft.plan.tasks.forEach((task, i) => {
    fields[`title-${i}`] = task.title;
    fields[`deadline-${i}`] = task.deadline_text ?? "";
  });
  return fields;
}

const planOfDraft = async (reviewPath: string) =>
  env.DB.prepare(
    "select p.id, p.parent_plan_id as parentPlanId from plan_imports i join plans p on p.id = i.plan_id where i.id = ?1",
  )
    .bind(Number(reviewPath.split("/").pop()))
    .first<{ id: number; parentPlanId: number | null }>();

const stateOf = async (assignmentId: number) =>
  (await env.DB.prepare("select state from assignments where id = ?1").bind(assignmentId).first<{ state: string }>())!.state;

describe("linking an imported plan to the plan it carries out (web)", () => {
  it("proposes the parent its header names, and saving links it and reports the planning task for the parent to confirm", async () => {
    const chain = await makeChain();
    const session = await signIn(chain.admins.commune.memberId);
    const reviewPath = await upload(
      session,
      communeDocument(
        chain,
        `Thực hiện Kế hoạch số 10-KH/TU-${chain.tag} ngày 05/01/2026 của Ban Thường vụ Tỉnh ủy, Đảng ủy xã ban hành Kế hoạch như sau:`,
      ),
    );
    const review = await (await webFetch(reviewPath, { cookie: session.cookie })).text();
    expect(review).toContain(`Thực hiện: Kế hoạch số 10-KH/TU-${chain.tag} ngày 05/01/2026 của Tỉnh ủy Thử ${chain.tag}`);

    const saved = await post(reviewPath, session, await unchangedFields(reviewPath));
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Đã liên kết với Kế hoạch số");
    const plan = await planOfDraft(reviewPath);
    expect(plan!.parentPlanId).toBe(chain.province.planId);
    const [planning, ordinary] = chain.province.assignmentIds;
    const links = await env.DB.prepare("select assignment_id as id from plan_links where child_plan_id = ?1")
      .bind(plan!.id)
      .all();
    // The commune has a planning task in the parent: the plan answers it, not the ordinary task.
    expect(links.results).toEqual([{ id: planning }]);
    expect(await stateOf(planning!)).toBe("awaiting_confirmation");
    expect(await stateOf(ordinary!)).toBe("open");
    const report = await env.DB.prepare("select note, review_status as status from progress_reports where assignment_id = ?1")
      .bind(planning)
      .first<{ note: string; status: string }>();
    expect(report).toEqual({ note: expect.stringContaining("Kế hoạch số 3-KH/ĐU ngày 01/02/2026"), status: "pending" });
  });

  it("finds the parent named after the resolution it implements in the preamble", async () => {
    const chain = await makeChain();
    const session = await signIn(chain.admins.commune.memberId);
    const reviewPath = await upload(
      session,
      communeDocument(
        chain,
        `Thực hiện Nghị quyết số 9-NQ/TW ngày 02/01/2026 của Bộ Chính trị, Kế hoạch số 10-KH/TU-${chain.tag} ngày 05/01/2026 của Ban Thường vụ Tỉnh ủy; Đảng ủy xã ban hành Kế hoạch như sau:`,
      ),
    );
    const review = await (await webFetch(reviewPath, { cookie: session.cookie })).text();
    expect(review).toContain(`Thực hiện: Kế hoạch số 10-KH/TU-${chain.tag}`);
    expect((await post(reviewPath, session, await unchangedFields(reviewPath))).status).toBe(200);
    expect((await planOfDraft(reviewPath))!.parentPlanId).toBe(chain.province.planId);
  });

  it("lets the admin pick another parent plan, or none", async () => {
    const chain = await makeChain();
    const other = await makePlan(
      {
        issuerUnitId: chain.units.province,
        monitorUnitId: chain.units.provinceOffice,
        number: null,
        title: "Chương trình khác của tỉnh",
      },
      [{ title: "Tổ chức tọa đàm", unitId: chain.units.commune, dueIn: 30 }],
    );
    const session = await signIn(chain.admins.commune.memberId);

    const byHand = await upload(session, communeDocument(chain, null));
    const review = await (await webFetch(byHand, { cookie: session.cookie })).text();
    expect(review).toContain("Chưa xác định kế hoạch cấp trên");
    expect(review).toContain("Chương trình khác của tỉnh");
    expect((await post(byHand, session, { ...(await unchangedFields(byHand)), parent: String(other.planId) })).status).toBe(200);
    const picked = await planOfDraft(byHand);
    expect(picked!.parentPlanId).toBe(other.planId);
    // No planning task there: the link is to all the commune's tasks in it, none reported done.
    expect(await stateOf(other.assignmentIds[0]!)).toBe("open");

    const none = await upload(
      session,
      `${communeDocument(chain, `Thực hiện Kế hoạch số 10-KH/TU-${chain.tag} ngày 05/01/2026 của Ban Thường vụ Tỉnh ủy.`)}\nBản thứ hai.\n`,
    );
    expect((await post(none, session, { ...(await unchangedFields(none)), parent: "0" })).status).toBe(200);
    expect((await planOfDraft(none))!.parentPlanId).toBeNull();
    expect(await stateOf(chain.province.assignmentIds[0]!)).toBe("open");
  });

  it("refuses a parent outside the list (a plan giving the unit nothing), saving nothing", async () => {
    const chain = await makeChain();
    const session = await signIn(chain.admins.commune.memberId);
    const reviewPath = await upload(session, communeDocument(chain, null));
    const siblingPlan = await makePlan(
      { issuerUnitId: chain.units.sibling, monitorUnitId: chain.units.siblingOffice, number: null, title: "Kế hoạch xã bên" },
      [{ title: "Việc của xã bên", unitId: chain.units.sibling, dueIn: 5 }],
    );
    const refused = await post(reviewPath, session, {
      ...(await unchangedFields(reviewPath)),
      parent: String(siblingPlan.planId),
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("không còn trong danh sách");
    expect(await planOfDraft(reviewPath)).toBeNull();
  });
});

describe("handing down: a unit's plan started from the tasks the parent gave it", () => {
  it("offers the parent's tasks as review rows and links the plan saved from them", async () => {
    const chain = await makeChain();
    const session = await signIn(chain.admins.commune.memberId);
    const page = await (await webFetch("/web/nhap", { cookie: session.cookie })).text();
    expect(page).toContain("Bắt đầu từ nhiệm vụ được giao");
    expect(page).toContain(`Kế hoạch số 10-KH/TU-${chain.tag}`);
    expect(page).toContain("2 nhiệm vụ");

    const started = await post("/web/nhap/tu-ke-hoach", session, {
      parent: String(chain.province.planId),
      unit: String(chain.units.commune),
    });
    expect(started.status).toBe(303);
    const reviewPath = started.headers.get("location")!;
    const review = await (await webFetch(reviewPath, { cookie: session.cookie })).text();
    expect(review).toContain("Xây dựng kế hoạch thực hiện Kế hoạch này");
    expect(review).toContain("Tổ chức hội nghị quán triệt");
    expect(review).toContain(`Thực hiện: Kế hoạch số 10-KH/TU-${chain.tag}`);
    const fields = await unchangedFields(reviewPath);
    expect(Object.keys(fields).filter((k) => k.startsWith("title-"))).toHaveLength(2);

    const saved = await post(reviewPath, session, { ...fields, "title-1": "Hội nghị quán triệt ở xã (sửa)" });
    expect(saved.status).toBe(200);
    const plan = await planOfDraft(reviewPath);
    expect(plan!.parentPlanId).toBe(chain.province.planId);
    const tasks = await env.DB.prepare(
      "select t.title, a.unit_id as unitId from tasks t join assignments a on a.task_id = t.id where t.plan_id = ?1 order by t.sort_order",
    )
      .bind(plan!.id)
      .all<{ title: string; unitId: number }>();
    expect(tasks.results).toEqual([
      { title: "Xây dựng kế hoạch thực hiện Kế hoạch này", unitId: chain.units.commune },
      { title: "Hội nghị quán triệt ở xã (sửa)", unitId: chain.units.commune },
    ]);
    expect(await stateOf(chain.province.assignmentIds[0]!)).toBe("awaiting_confirmation");

    // The parent is carried out now: no longer offered, and a second start (an old page) is told the plan exists.
    const after = await (await webFetch("/web/nhap", { cookie: session.cookie })).text();
    expect(after).toContain('id="hand-down-none"');
    const again = await post("/web/nhap/tu-ke-hoach", session, {
      parent: String(chain.province.planId),
      unit: String(chain.units.commune),
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Đơn vị đã có kế hoạch thực hiện");
  });

  it("refuses a sibling's tasks", async () => {
    const chain = await makeChain();
    const session = await signIn(chain.admins.sibling.memberId);
    const refused = await post("/web/nhap/tu-ke-hoach", session, {
      parent: String(chain.province.planId),
      unit: String(chain.units.commune),
    });
    expect(refused.status).toBe(403);
    const drafts = await env.DB.prepare("select count(*) as n from plan_imports where member_id = ?1")
      .bind(chain.admins.sibling.memberId)
      .first<{ n: number }>();
    expect(drafts!.n).toBe(0);
  });
});

describe("linking on the chat's import (/nhapkh, a file sent)", () => {
  it("links to the parent the header names when the plan is confirmed, in the same save", async () => {
    const chain = await makeChain();
    const admin = chain.admins.commune;
    await sendFile(
      admin,
      "ke-hoach-xa.md",
      communeDocument(chain, `Thực hiện Kế hoạch số 10-KH/TU-${chain.tag} ngày 05/01/2026 của Ban Thường vụ Tỉnh ủy như sau:`),
    );
    expect((await lastMessage(admin.id)).text).toContain("Xem lại kế hoạch trước khi lưu");
    await pressButton(admin, "✅ Xác nhận lưu");
    expect((await lastMessage(admin.id)).text).toContain("Đã lưu kế hoạch");
    const plan = await env.DB.prepare(
      "select id, parent_plan_id as parentPlanId from plans where number = '3-KH/ĐU' and issuer_unit_id = ?1",
    )
      .bind(chain.units.commune)
      .first<{ id: number; parentPlanId: number | null }>();
    expect(plan!.parentPlanId).toBe(chain.province.planId);
    expect(await stateOf(chain.province.assignmentIds[0]!)).toBe("awaiting_confirmation");
    expect(await stateOf(chain.province.assignmentIds[2]!)).toBe("open");
  });
});
