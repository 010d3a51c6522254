import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { makeChain, makePlan, type Chain } from "../chain/support";
import { drivers, type ChatDriver } from "../support/chat-driver";
import { buttons, chatMessages } from "../support/fake-telegram";
import { makeMember, type TestMember } from "../support/fixtures";
import { callbackUpdate, postUpdate } from "../support/webhook";
import { count } from "../import/support";

/**
 * Handing down in chat (/nhapkh, before any file): a commune's office starts
 * its implementing plan from the tasks the province's plan gave the commune,
 * reviews them as the rows of the usual import review, and saving links the
 * plan to the province's, on both channels.
 */
const START = "📋 Bắt đầu từ nhiệm vụ được giao";

const planOfCommune = (c: Chain) =>
  env.DB.prepare("select id, parent_plan_id as parent, title from plans where issuer_unit_id = ?1")
    .bind(c.units.commune)
    .all<{ id: number; parent: number | null; title: string }>();

const stateOf = async (assignmentId: number) =>
  (await env.DB.prepare("select state from assignments where id = ?1").bind(assignmentId).first<{ state: string }>())!.state;

const drafts = (member: TestMember) => count("select count(*) as n from plan_imports where member_id = ?1", member.memberId);

/** Telegram: the callback data of the newest button labelled so (to press it again, as a double tap does). */
async function buttonData(user: TestMember, label: string): Promise<{ messageId: number; data: string }> {
  for (const message of (await chatMessages(user.id)).reverse()) {
    const button = buttons(message).find((b) => b.text === label);
    if (button) return { messageId: message.message_id, data: button.data! };
  }
  throw new Error(`no "${label}" button`);
}

async function chainOn(chat: ChatDriver): Promise<Chain> {
  const c = await makeChain();
  for (const admin of Object.values(c.admins)) await chat.link(admin);
  return c;
}

describe.each(drivers)("handing down in /nhapkh, on $channel", (chat) => {
  it("the commune's office starts from the tasks the province gave it, reviews them as rows, saves; the plan is linked and counted", async () => {
    const c = await chainOn(chat);
    const admin = c.admins.commune;
    const parentName = `Kế hoạch số 10-KH/TU-${c.tag} của Tỉnh ủy Thử ${c.tag}`;

    expect(await chat.say(admin, "/trogiup")).toContain("hoặc bắt đầu từ nhiệm vụ cấp trên giao");
    expect(await chat.say(admin, "/nhapkh")).toContain("Bắt đầu từ nhiệm vụ được giao");
    // One plan above gives the commune tasks: the review opens at once.
    await chat.press(admin, START);
    const summary = await chat.last(admin);
    expect(summary).toContain("Đã lấy 2 nhiệm vụ được giao");
    expect(summary).toContain(`🔗 Thực hiện: ${parentName}`);
    expect(summary).toContain(`Ban hành: Đảng ủy xã Đông ${c.tag}`);
    expect(summary).toContain("2 nhiệm vụ");

    await chat.press(admin, "📑 Xem từng nhiệm vụ");
    const first = await chat.last(admin);
    expect(first).toContain("Nhiệm vụ 1/2");
    expect(first).toContain("Xây dựng kế hoạch thực hiện Kế hoạch này");
    expect(first).toContain(`Chủ trì: Đảng ủy xã Đông ${c.tag}`);
    await chat.press(admin, /▶$/);
    const second = await chat.last(admin);
    expect(second).toContain("Nhiệm vụ 2/2");
    expect(second).toContain("Tổ chức hội nghị quán triệt");
    // The rows are the admin's to edit before saving, as a file's are.
    await chat.press(admin, "✏️ Sửa tên");
    expect(await chat.say(admin, "Hội nghị quán triệt ở xã")).toContain("Đã sửa tên nhiệm vụ 2");
    await chat.press(admin, "« Tóm tắt");
    await chat.press(admin, "✅ Xác nhận lưu");
    const saved = (await chat.texts(admin)).find((text) => text.includes("Đã lưu kế hoạch")) ?? "";
    expect(saved).toContain(`Kế hoạch thực hiện Kế hoạch số 10-KH/TU-${c.tag}`);
    expect(saved).toContain(`🔗 Đã liên kết: kế hoạch thực hiện ${parentName} (1 nhiệm vụ được giao cho đơn vị)`);

    const plans = (await planOfCommune(c)).results;
    expect(plans).toHaveLength(1);
    expect(plans[0]!.parent).toBe(c.province.planId);
    const rows = await env.DB.prepare(
      "select t.title, t.deadline_text as deadline, a.unit_id as unitId from tasks t join assignments a on a.task_id = t.id where t.plan_id = ?1 order by t.sort_order",
    )
      .bind(plans[0]!.id)
      .all();
    const province = await env.DB.prepare("select deadline_text as d from tasks where plan_id = ?1 order by sort_order")
      .bind(c.province.planId)
      .all<{ d: string }>();
    expect(rows.results).toEqual([
      { title: "Xây dựng kế hoạch thực hiện Kế hoạch này", deadline: province.results[0]!.d, unitId: c.units.commune },
      { title: "Hội nghị quán triệt ở xã", deadline: province.results[1]!.d, unitId: c.units.commune },
    ]);

    // The province's planning task for the commune is reported done; its office confirms it as any completion.
    expect(await stateOf(c.province.assignmentIds[0]!)).toBe("awaiting_confirmation");
    expect(await stateOf(c.province.assignmentIds[1]!)).toBe("open");
    expect(await chat.last(c.admins.province)).toContain("chờ đồng chí xác nhận");
    await chat.press(c.admins.province, "✔ Xác nhận");
    expect(await stateOf(c.province.assignmentIds[0]!)).toBe("done");
    // The province's roll-up counts the commune's plan as issued; the sibling's is still missing.
    expect(await chat.say(c.admins.province, "/tongquan")).toContain("Kế hoạch thực hiện của đơn vị: 1/2 đã ban hành");
    const rollup = await chat.say(c.admins.province, "/khdonvi");
    expect(rollup).toContain(`✅ Đảng ủy xã Đông ${c.tag}: Kế hoạch thực hiện Kế hoạch số 10-KH/TU-${c.tag}`);
    expect(rollup).toContain("Tiến độ: 0/2 xong");
    expect(rollup).toContain(`Đảng ủy xã Tây ${c.tag}: chưa ban hành`);

    // The plan above is carried out now: /nhapkh no longer offers to start from it; nothing written.
    const before = await drafts(admin);
    const prompt = await chat.say(admin, "/nhapkh");
    expect(prompt).toContain("/huy");
    expect(prompt).not.toContain("Bắt đầu từ nhiệm vụ được giao");
    expect(await drafts(admin)).toBe(before);
    expect((await planOfCommune(c)).results).toHaveLength(1);
  });

  it("with two plans above giving the unit tasks, the office picks one from the list", async () => {
    const c = await chainOn(chat);
    const admin = c.admins.commune;
    await makePlan(
      {
        issuerUnitId: c.units.province,
        monitorUnitId: c.units.provinceOffice,
        number: `22-KH/TU-${c.tag}`,
        title: "Kế hoạch chuyển đổi số",
        issuedOn: "2026-03-01",
      },
      [
        { title: "Số hóa hồ sơ đảng viên", unitId: c.units.commune, dueIn: 60 },
        { title: "Tập huấn phần mềm", unitId: c.units.commune, dueIn: 90 },
        { title: "Báo cáo sơ kết", unitId: c.units.commune, dueIn: 120 },
        { title: "Số hóa hồ sơ ở xã bên", unitId: c.units.sibling, dueIn: 60 },
      ],
    );
    await chat.say(admin, "/nhapkh");
    await chat.press(admin, START);
    const list = await chat.last(admin);
    expect(list).toContain(`Kế hoạch số 22-KH/TU-${c.tag} của Tỉnh ủy Thử ${c.tag} — giao Đảng ủy xã Đông ${c.tag} 3 nhiệm vụ`);
    expect(list).toContain(`Kế hoạch số 10-KH/TU-${c.tag} của Tỉnh ủy Thử ${c.tag} — giao Đảng ủy xã Đông ${c.tag} 2 nhiệm vụ`);
    expect(list).not.toContain("xã Tây");
    await chat.press(admin, new RegExp(`^Kế hoạch số 22-KH/TU-${c.tag}`));
    const summary = await chat.last(admin);
    expect(summary).toContain("Đã lấy 3 nhiệm vụ được giao");
    expect(summary).toContain(`🔗 Thực hiện: Kế hoạch số 22-KH/TU-${c.tag}`);
    await chat.press(admin, "📑 Xem từng nhiệm vụ");
    expect(await chat.last(admin)).toContain("Số hóa hồ sơ đảng viên");
    expect(await chat.last(admin)).not.toContain("xã bên");
  });

  it("a sibling's office is offered only its own tasks; a unit given none is offered nothing", async () => {
    const c = await chainOn(chat);
    await chat.say(c.admins.sibling, "/nhapkh");
    await chat.press(c.admins.sibling, START);
    const summary = await chat.last(c.admins.sibling);
    expect(summary).toContain(`Ban hành: Đảng ủy xã Tây ${c.tag}`);
    expect(summary).toContain("Đã lấy 2 nhiệm vụ được giao");
    const rows = await env.DB.prepare(
      "select json_extract(extraction, '$.plan.header.issuer') as issuer from plan_imports where member_id = ?1",
    )
      .bind(c.admins.sibling.memberId)
      .all<{ issuer: string }>();
    expect(rows.results).toEqual([{ issuer: `Đảng ủy xã Tây ${c.tag}` }]);

    // The party cell is given nothing by the province's plan: no offer at all.
    expect(await chat.say(c.admins.cell, "/nhapkh")).not.toContain("Bắt đầu từ nhiệm vụ được giao");
    if (chat.channel === "telegram") {
      // The commune's tasks, forged onto the cell's own /nhapkh: refused, nothing written.
      const cancel = await buttonData(c.admins.cell, "✖ Hủy");
      const forged = cancel.data.replace(/:no$/, `:hd:${c.province.planId}:${c.units.commune}`);
      await postUpdate(callbackUpdate(c.admins.cell, cancel.messageId, forged));
      expect(await chat.last(c.admins.cell)).toContain("Không lập được");
      expect(await drafts(c.admins.cell)).toBe(0);
      // Nor may the sibling's office take the commune's.
      await chat.say(c.admins.sibling, "/nhapkh");
      const own = await buttonData(c.admins.sibling, "✖ Hủy");
      await postUpdate(
        callbackUpdate(c.admins.sibling, own.messageId, own.data.replace(/:no$/, `:hd:${c.province.planId}:${c.units.commune}`)),
      );
      expect(await chat.last(c.admins.sibling)).toContain("Không lập được");
      expect(await drafts(c.admins.sibling)).toBe(1);
    }
  });

  it("a member without the admin role is refused and nothing is written", async () => {
    const c = await chainOn(chat);
    const member = await makeMember(c.units.commune, "member", "Đông");
    await chat.link(member);
    const answer = await chat.say(member, "/nhapkh");
    expect(answer).not.toContain("Bắt đầu từ nhiệm vụ được giao");
    expect(answer).toContain("quản trị");
    if (chat.channel === "telegram") {
      await postUpdate(callbackUpdate(member, 1, `im:AAAAAAAA:hd:${c.province.planId}:${c.units.commune}`));
      await postUpdate(callbackUpdate(member, 1, "im:AAAAAAAA:ho"));
    }
    expect(await drafts(member)).toBe(0);
    expect((await planOfCommune(c)).results).toHaveLength(0);
  });

  it.runIf(chat.channel === "telegram")("a double tap opens one review and writes nothing more", async () => {
    const c = await chainOn(chat);
    const admin = c.admins.commune;
    await chat.say(admin, "/nhapkh");
    const start = await buttonData(admin, START);
    await postUpdate(callbackUpdate(admin, start.messageId, start.data));
    expect(await chat.last(admin)).toContain("Đã lấy 2 nhiệm vụ được giao");
    const draft = await env.DB.prepare("select id, status from plan_imports where member_id = ?1")
      .bind(admin.memberId)
      .all<{ id: number; status: string }>();
    await postUpdate(callbackUpdate(admin, start.messageId, start.data));
    expect(await chat.last(admin)).toContain("Đồng chí đang xem lại kế hoạch lập từ nhiệm vụ được giao");
    const after = await env.DB.prepare("select id, status from plan_imports where member_id = ?1")
      .bind(admin.memberId)
      .all<{ id: number; status: string }>();
    expect(after.results).toEqual(draft.results);
    expect(after.results).toEqual([{ id: draft.results[0]!.id, status: "reviewing" }]);
    // The review still works from its own buttons.
    await chat.press(admin, "✅ Xác nhận lưu");
    expect((await planOfCommune(c)).results).toHaveLength(1);
  });
});
