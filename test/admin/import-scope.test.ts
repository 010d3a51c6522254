import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { buttons, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeMember, makeUnit } from "../support/fixtures";
import { callbackUpdate, postUpdate, textUpdate } from "../support/webhook";
import yenDung from "../../../shared/plans/yen-dung-45-NQ-TW.txt?raw";
import { createDb } from "../../db/client";
import { importDraft } from "../../db/queries/plan-import";
import { yenDungCommittee } from "../import/support";
import { post, signIn, webFetch } from "../web/support";

/**
 * Issue 18, item 1: importing a plan must not widen whose people an admin
 * manages. A unit's admin imports plans for their own unit only, assigning
 * units of its own subtree; the rest is refused and the review says so.
 */
const one = async (query: string, ...binds: unknown[]) =>
  (
    await env.DB.prepare(query)
      .bind(...binds)
      .first<{ v: number }>()
  )?.v;

describe("a unit's admin imports a plan naming units outside their unit", () => {
  it("refuses the task led by the Ban Tổ chức, saves the rest, and /moi still cannot invite into the Ban Tổ chức", async () => {
    const c = await yenDungCommittee();
    const ubndAdmin = await makeMember(c.ubnd, "admin", "Hùng");
    const office = await makeUnit(`Văn phòng UBND ${c.tag}`, c.ubnd);
    await say(ubndAdmin, "/nhapkh");
    await pressButton(ubndAdmin, "📝 Gõ danh sách nhiệm vụ");
    await say(
      ubndAdmin,
      [
        `1. Rà soát đội ngũ cán bộ ${c.tag} | Ban Tổ chức Huyện ủy`,
        `2. Tổng hợp số liệu trí thức ${c.tag} | Văn phòng UBND ${c.tag} | Ban Tổ chức Huyện ủy`,
      ].join("\n"),
    );
    const summary = await say(ubndAdmin, `Kế hoạch của UBND ${c.tag}`);
    expect(summary).toContain("không thuộc");
    expect(summary).toContain("Ban Tổ chức Huyện ủy");
    await pressButton(ubndAdmin, "✅ Xác nhận lưu");
    const saved = (await lastMessage(ubndAdmin.id)).text ?? "";
    expect(saved).toContain("Đã lưu kế hoạch");
    expect(saved).toContain("1 nhiệm vụ");

    const plan = await one(
      "select plan_id as v from plan_imports where member_id = ?1 and status = 'confirmed'",
      ubndAdmin.memberId,
    );
    expect(await one("select issuer_unit_id as v from plans where id = ?1", plan)).toBe(c.ubnd);
    expect(
      await one(
        "select count(*) as v from assignments a join tasks t on t.id = a.task_id where t.plan_id = ?1 and a.unit_id = ?2",
        plan,
        c.monitor,
      ),
    ).toBe(0);
    expect(
      await one(
        "select count(*) as v from assignments a join tasks t on t.id = a.task_id where t.plan_id = ?1 and a.unit_id = ?2",
        plan,
        office,
      ),
    ).toBe(1);

    await postUpdate(textUpdate(ubndAdmin, "/moi"));
    const menu = await lastMessage(ubndAdmin.id);
    expect(buttons(menu).some((b) => b.text.includes("Ban Tổ chức"))).toBe(false);
    await postUpdate(callbackUpdate(ubndAdmin, menu.message_id, `inv:x:${c.monitor}:admin:1`));
    expect(await one("select count(*) as v from invites where unit_id = ?1", c.monitor)).toBe(0);
  });

  it("cannot make the committee the issuer, nor another unit the monitor", async () => {
    const c = await yenDungCommittee();
    const ubndAdmin = await makeMember(c.ubnd, "admin", "Hùng");
    await say(ubndAdmin, "/nhapkh");
    await pressButton(ubndAdmin, "📝 Gõ danh sách nhiệm vụ");
    await say(ubndAdmin, `Rà soát quy chế ${c.tag} | UBND huyện`);
    await say(ubndAdmin, `Kế hoạch của UBND ${c.tag}`);
    const summary = await lastMessage(ubndAdmin.id);
    const token = buttons(summary)
      .find((b) => b.data?.startsWith("im:"))!
      .data!.split(":")[1];
    await postUpdate(callbackUpdate(ubndAdmin, summary.message_id, `im:${token}:I:${c.root}`));
    await postUpdate(callbackUpdate(ubndAdmin, summary.message_id, `im:${token}:M:${c.monitor}`));
    await pressButton(ubndAdmin, "✅ Xác nhận lưu");
    const plan = await one(
      "select plan_id as v from plan_imports where member_id = ?1 and status = 'confirmed'",
      ubndAdmin.memberId,
    );
    expect(await one("select issuer_unit_id as v from plans where id = ?1", plan)).toBe(c.ubnd);
    expect(await one("select monitor_unit_id as v from plans where id = ?1", plan)).toBe(c.ubnd);
  });

  it("the office the committee designated imports for the committee; the committee's plan assigns its units", async () => {
    const c = await yenDungCommittee();
    await say(c.admin, "/nhapkh");
    await pressButton(c.admin, "📝 Gõ danh sách nhiệm vụ");
    await say(c.admin, `Rà soát quy chế ${c.tag} | UBND huyện`);
    await say(c.admin, `Kế hoạch của Huyện ủy ${c.tag}`);
    await pressButton(c.admin, "✅ Xác nhận lưu");
    const plan = await one(
      "select plan_id as v from plan_imports where member_id = ?1 and status = 'confirmed'",
      c.admin.memberId,
    );
    expect(await one("select issuer_unit_id as v from plans where id = ?1", plan)).toBe(c.root);
    expect(await one("select monitor_unit_id as v from plans where id = ?1", plan)).toBe(c.monitor);
    // Monitoring the plan gives no hold on UBND's people.
    const official = c.officialUbnd;
    await postUpdate(textUpdate(c.admin, "/moi"));
    const menu = await lastMessage(c.admin.id);
    await postUpdate(callbackUpdate(c.admin, menu.message_id, `inv:x:${c.ubnd}:admin:1`));
    expect(await one("select count(*) as v from invites where unit_id = ?1", c.ubnd)).toBe(0);
    await postUpdate(callbackUpdate(c.admin, menu.message_id, `a:mr:${official.memberId}:leader`));
    expect(await one("select count(*) as v from members where id = ?1 and role = 'leader'", official.memberId)).toBe(0);
  });
});

describe("the web import follows the same rule", () => {
  it("a unit's admin uploading the committee's plan: tasks led elsewhere are refused and said so; a lead outside cannot be picked", async () => {
    const c = await yenDungCommittee();
    const ubndAdmin = await makeMember(c.ubnd, "admin", "Hùng");
    const session = await signIn(ubndAdmin.memberId);
    const data = new FormData();
    data.set("_csrf", session.csrf);
    data.set("file", new File([`${yenDung}\n\nBản sao ${c.tag}\n`], "ke-hoach.txt", { type: "text/plain" }));
    const sent = await webFetch("/web/nhap", { method: "POST", cookie: session.cookie, body: data });
    expect(sent.status).toBe(303);
    const reviewPath = sent.headers.get("location")!;
    const review = await (await webFetch(reviewPath, { cookie: session.cookie })).text();
    expect(review).toContain("Ban hành: UBND huyện");
    expect(review).toContain("Không lưu các nhiệm vụ sau vì đơn vị chủ trì không thuộc đơn vị ban hành");
    expect(review).not.toContain(`<option value="${c.monitor}"`);

    const draft = (await importDraft(createDb(env.DB), Number(reviewPath.split("/").pop())))!;
    const fields: Record<string, string> = {};
    draft.plan.tasks.forEach((task, i) => {
      fields[`title-${i}`] = task.title;
      fields[`deadline-${i}`] = task.deadline_text ?? "";
    });
    const forged = await post(reviewPath, session, {
      ...fields,
      "new-title-0": "Việc giao sang Ban Tổ chức",
      "new-lead-0": String(c.monitor),
    });
    expect(forged.status).toBe(400);

    const saved = await post(reviewPath, session, fields);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Không lưu các nhiệm vụ sau");
    const plan = await one("select id as v from plans where source_hash = ?1", draft.sourceHash);
    expect(await one("select issuer_unit_id as v from plans where id = ?1", plan)).toBe(c.ubnd);
    expect(
      await one(
        // Only UBND and units under it (names it did not know become new units under the issuer).
        "select count(*) as v from assignments a join tasks t on t.id = a.task_id join units u on u.id = a.unit_id where t.plan_id = ?1 and u.id <> ?2 and coalesce(u.parent_id, 0) <> ?2",
        plan,
        c.ubnd,
      ),
    ).toBe(0);
    expect(
      await one("select count(*) as v from assignments a join tasks t on t.id = a.task_id where t.plan_id = ?1", plan),
    ).toBeGreaterThan(0);
  });
});
