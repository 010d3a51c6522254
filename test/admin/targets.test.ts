import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { apiCalls, buttons, lastMessage, pressButton, say } from "../support/fake-telegram";
import { plans } from "../../db/schema";
import { makeCommittee, makeMember, makeUnit, testDb } from "../support/fixtures";
import { callbackUpdate, postUpdate } from "../support/webhook";
import { addTarget, recordValue } from "./support";

const notices = (targetId: number) =>
  env.DB.prepare(
    "select member_id, period_key, payload from reminders where kind = 'target_assigned' and subject = ?1 order by member_id",
  )
    .bind(`target:${targetId}`)
    .all<{ member_id: number; period_key: string; payload: string }>();
const responsibleUnit = async (targetId: number) =>
  (await env.DB.prepare("select responsible_unit_id as v from targets where id = ?1")
    .bind(targetId)
    .first<{ v: number | null }>())!.v;
const lastAnswer = async () => String((await apiCalls("answerCallbackQuery")).at(-1)!.params.text);

describe("/chitieu", () => {
  it("shows each target's latest value against its goal and the trend; the admin records a new value", async () => {
    const c = await makeCommittee();
    const recruits = await addTarget(c.planId, {
      text: "Tỷ lệ tuyển dụng người có trình độ đại học trở lên",
      value: 70,
      comparator: "gte",
      unitOfMeasure: "%",
      byYear: 2030,
    });
    await addTarget(c.planId, {
      text: "Số mô hình trí thức tiêu biểu",
      value: 5,
      comparator: "gte",
      unitOfMeasure: "mô hình",
      byYear: null,
    });
    await recordValue(recruits, "2024", 58, c.admin.memberId, "2025-01-10T00:00:00Z");
    await recordValue(recruits, "2025-H1", 61, c.admin.memberId, "2025-07-10T00:00:00Z");

    const text = await say(c.admin, "/chitieu");
    expect(text).toContain(
      "1. Tỷ lệ tuyển dụng người có trình độ đại học trở lên\n   Chỉ tiêu đề ra: ≥ 70% đến năm 2030\n   Mới nhất: 61% (6 tháng đầu năm 2025) ↑ từ 58% (năm 2024) · ⚠️ chưa đạt",
    );
    expect(text).toContain("2. Số mô hình trí thức tiêu biểu\n   Chỉ tiêu đề ra: ≥ 5 mô hình\n   Chưa có số liệu.");

    await pressButton(c.admin, "1");
    expect((await lastMessage(c.admin.id)).text).toContain("Số liệu đã ghi");
    await pressButton(c.admin, "✍️ Ghi số liệu");
    expect(await say(c.admin, "năm ngoái 70")).toContain("Chưa đọc được");
    expect(await say(c.admin, `2025 70, ${"theo báo cáo ".repeat(50)}`)).toBe(
      "Ghi chú tối đa 500 ký tự. Hãy gõ lại ngắn hơn; chưa có gì được ghi.",
    );
    const saved = await say(c.admin, "2025 72,5, theo báo cáo của UBND");
    expect(saved).toContain("Đã ghi năm 2025: 72,5%");
    expect(saved).toContain("Mới nhất: 72,5% (năm 2025) ↑ từ 61% (6 tháng đầu năm 2025) · ✅ đạt");
    const row = await env.DB.prepare("select period, value, note from target_values where target_id = ?1 order by id desc")
      .bind(recruits)
      .first();
    expect(row).toEqual({ period: "2025", value: 72.5, note: "theo báo cáo của UBND" });
    const audit = await env.DB.prepare("select count(*) as n from audit_log where action = 'target.value' and entity_id = ?1")
      .bind(recruits)
      .first<{ n: number }>();
    expect(audit!.n).toBe(1);
    // After saving, ordinary text is ordinary again.
    expect(await say(c.admin, "2026 80")).not.toContain("Đã ghi");
  });

  it("lets the viewer read, not record", async () => {
    const c = await makeCommittee();
    await addTarget(c.planId, { text: "Chỉ tiêu A", value: 1, comparator: "gte", unitOfMeasure: null, byYear: null });
    await say(c.viewer, "/chitieu");
    await pressButton(c.viewer, "1");
    expect(buttons(await lastMessage(c.viewer.id)).map((b) => b.text)).toEqual(["« Chỉ tiêu"]);
  });

  it("pages a long list of targets, each page well inside one message", async () => {
    const c = await makeCommittee();
    for (let i = 1; i <= 12; i++) {
      await addTarget(c.planId, {
        text: `Chỉ tiêu số ${i}: ${"tỷ lệ cán bộ trẻ có trình độ sau đại học được bố trí đúng chuyên môn ".repeat(3)}`,
        value: 50,
        comparator: "gte",
        unitOfMeasure: "%",
        byYear: 2030,
      });
    }
    const first = await say(c.admin, "/chitieu");
    expect(first).toContain("8. Chỉ tiêu số 8");
    expect(first).not.toContain("9. Chỉ tiêu số 9");
    expect(first.length).toBeLessThan(4096);
    await pressButton(c.admin, "▶");
    expect((await lastMessage(c.admin.id)).text).toContain("12. Chỉ tiêu số 12");
  });

  it("an admin makes a unit responsible; its people are told, see the target in /chitieu and record its values", async () => {
    const c = await makeCommittee();
    const leaderA = await makeMember(c.unitA, "leader", "Trưởng");
    const target = await addTarget(c.planId, {
      text: "Tỷ lệ đảng viên trẻ có trình độ đại học",
      value: 80,
      comparator: "gte",
      unitOfMeasure: "%",
      byYear: 2030,
    });
    await addTarget(c.planId, { text: "Chỉ tiêu của văn phòng", value: 3, comparator: "gte", unitOfMeasure: null, byYear: null });

    // Before: the unit has no target, and a forged "record" button is refused.
    expect(await say(c.memberA, "/chitieu")).toContain("chưa được giao theo dõi chỉ tiêu nào");
    await postUpdate(callbackUpdate(c.memberA, 1, `a:tv:${target}`));
    expect(await lastAnswer()).toContain("không do đơn vị của đồng chí phụ trách");

    await makeUnit(`Văn phòng ${c.tag}`, c.root);
    await makeUnit(`Ủy ban Kiểm tra ${c.tag}`, c.root);
    await say(c.admin, "/chitieu");
    await pressButton(c.admin, "1");
    expect((await lastMessage(c.admin.id)).text).toContain("Đơn vị phụ trách: chưa giao (văn phòng ghi số liệu)");
    await pressButton(c.admin, "👥 Giao đơn vị phụ trách");
    const menu = await lastMessage(c.admin.id);
    expect(menu.text).toContain("Đơn vị phụ trách chỉ tiêu 1");
    // The units the office looks after, not another committee's, in Vietnamese alphabetical order (Ủ before V).
    expect(buttons(menu).map((b) => b.text)).toEqual([
      `Huyện ủy Thử nghiệm ${c.tag}`,
      `Ban Tổ chức ${c.tag}`,
      `Đảng ủy xã An Bình ${c.tag}`,
      `Đảng ủy xã Phú Lộc ${c.tag}`,
      `Ủy ban Kiểm tra ${c.tag}`,
      `Văn phòng ${c.tag}`,
      "« Quay lại",
    ]);
    await pressButton(c.admin, `Đảng ủy xã An Bình ${c.tag}`);
    const detail = (await lastMessage(c.admin.id)).text!;
    expect(detail).toContain(`Đơn vị phụ trách: Đảng ủy xã An Bình ${c.tag}`);
    expect(detail).toContain(`Đã giao Đảng ủy xã An Bình ${c.tag} phụ trách chỉ tiêu. Đã báo cho 2 người của đơn vị.`);
    expect(await responsibleUnit(target)).toBe(c.unitA);

    // Told through the outbox, once each, with buttons to record and to see it.
    const rows = (await notices(target)).results;
    expect(rows.map((r) => [r.member_id, r.period_key])).toEqual([
      [c.memberA.memberId, `unit:${c.unitA}`],
      [leaderA.memberId, `unit:${c.unitA}`],
    ]);
    const payload = JSON.parse(rows[0]!.payload) as { text: string; buttons: { text: string; data: string }[][] };
    expect(payload.text).toContain(
      `Ban Tổ chức ${c.tag} giao đơn vị ghi số liệu chỉ tiêu:\nTỷ lệ đảng viên trẻ có trình độ đại học\nChỉ tiêu đề ra: ≥ 80% đến năm 2030`,
    );
    expect(payload.buttons).toEqual([
      [
        { text: "✍️ Ghi số liệu", data: `a:tv:${target}` },
        { text: "🎯 Xem chỉ tiêu", data: `a:tg:${target}` },
      ],
    ]);
    // A second tap on the same unit changes nothing and tells nobody again.
    await postUpdate(callbackUpdate(c.admin, 1, `a:ts:${target}:${c.unitA}`));
    expect(await lastAnswer()).toBe("Không có gì thay đổi.");
    expect((await notices(target)).results).toHaveLength(2);
    const audits = await env.DB.prepare("select count(*) as n from audit_log where action = 'target.unit' and entity_id = ?1")
      .bind(target)
      .first<{ n: number }>();
    expect(audits!.n).toBe(1);

    // The office's list says who records it.
    expect(await say(c.admin, "/chitieu")).toContain(
      `1. Tỷ lệ đảng viên trẻ có trình độ đại học\n   Chỉ tiêu đề ra: ≥ 80% đến năm 2030\n   Đơn vị phụ trách: Đảng ủy xã An Bình ${c.tag}\n   Chưa có số liệu.`,
    );

    // The unit's member sees only that target, and records a value.
    const list = await say(c.memberA, "/chitieu");
    expect(list).toContain(`Chỉ tiêu Đảng ủy xã An Bình ${c.tag} phụ trách`);
    expect(list).toContain("1. Tỷ lệ đảng viên trẻ có trình độ đại học");
    expect(list).not.toContain("Chỉ tiêu của văn phòng");
    await pressButton(c.memberA, "1");
    const memberView = await lastMessage(c.memberA.id);
    expect(memberView.text).toContain(`Kế hoạch: KH-${c.tag}`);
    expect(buttons(memberView).map((b) => b.text)).toEqual(["✍️ Ghi số liệu", "« Chỉ tiêu"]);
    await pressButton(c.memberA, "✍️ Ghi số liệu");
    expect(await say(c.memberA, "2025 120")).toBe("Chỉ tiêu tính bằng %: giá trị từ 0 đến 100. Hãy gõ lại; chưa có gì được ghi.");
    expect(await say(c.memberA, "2025 82,5")).toContain("Đã ghi năm 2025: 82,5%");
    const value = await env.DB.prepare("select value, recorded_by from target_values where target_id = ?1").bind(target).all();
    expect(value.results).toEqual([{ value: 82.5, recorded_by: c.memberA.memberId }]);

    // Another unit sees nothing of it, and cannot record it.
    expect(await say(c.memberB, "/chitieu")).not.toContain("Tỷ lệ đảng viên trẻ");
    await postUpdate(callbackUpdate(c.memberB, 1, `a:tv:${target}`));
    expect(await lastAnswer()).toContain("không do đơn vị của đồng chí phụ trách");
    const flows = await env.DB.prepare("select count(*) as n from conversations where chat_id = ?1")
      .bind(String(c.memberB.id))
      .first<{ n: number }>();
    expect(flows!.n).toBe(0);
  });

  it("taking the target back from the unit stops its people recording it", async () => {
    const c = await makeCommittee();
    const target = await addTarget(c.planId, {
      text: "Số lớp bồi dưỡng",
      value: 4,
      comparator: "gte",
      unitOfMeasure: "lớp",
      byYear: 2026,
    });
    await say(c.admin, "/chitieu");
    await pressButton(c.admin, "1");
    await pressButton(c.admin, "👥 Giao đơn vị phụ trách");
    await pressButton(c.admin, `Đảng ủy xã An Bình ${c.tag}`);
    await pressButton(c.admin, "👥 Giao đơn vị phụ trách");
    await pressButton(c.admin, "✖ Không giao đơn vị nào");
    expect((await lastMessage(c.admin.id)).text).toContain("Chỉ tiêu không còn giao đơn vị nào");
    expect(await responsibleUnit(target)).toBeNull();
    expect(await say(c.memberA, "/chitieu")).toContain("chưa được giao theo dõi chỉ tiêu nào");
    await postUpdate(callbackUpdate(c.memberA, 1, `a:tv:${target}`));
    expect(await lastAnswer()).toContain("không do đơn vị của đồng chí phụ trách");
  });

  it("refuses a unit outside the office's units, and the menu to anyone but the plan's admins", async () => {
    const c = await makeCommittee();
    const other = await makeCommittee();
    const target = await addTarget(c.planId, {
      text: "Chỉ tiêu B",
      value: 1,
      comparator: "gte",
      unitOfMeasure: null,
      byYear: null,
    });
    await postUpdate(callbackUpdate(c.admin, 1, `a:ts:${target}:${other.unitA}`));
    expect(await lastAnswer()).toContain("không thuộc");
    expect(await responsibleUnit(target)).toBeNull();
    await postUpdate(callbackUpdate(c.viewer, 1, `a:tu:${target}:0`));
    expect(await lastAnswer()).toBe("Chỉ quản trị viên theo dõi kế hoạch này mới làm được việc này.");
    await postUpdate(callbackUpdate(c.viewer, 1, `a:ts:${target}:${c.unitA}`));
    expect(await responsibleUnit(target)).toBeNull();
  });

  it("shows the admin of a cell that runs its own plan the district's target given to the cell, beside the cell's own", async () => {
    const c = await makeCommittee();
    const cellAdmin = await makeMember(c.unitA, "admin", "Bí thư");
    const [own] = await testDb()
      .insert(plans)
      .values({ issuerUnitId: c.unitA, monitorUnitId: c.unitA, number: `KH-chi-bo-${c.tag}`, title: "Kế hoạch của chi bộ" })
      .returning({ id: plans.id });
    await addTarget(own!.id, {
      text: "Đảng viên học tập nghị quyết",
      value: 100,
      comparator: "gte",
      unitOfMeasure: "%",
      byYear: 2026,
    });
    const district = await addTarget(c.planId, {
      text: "Trí thức trẻ được bồi dưỡng",
      value: 50,
      comparator: "gte",
      unitOfMeasure: "người",
      byYear: 2030,
      responsibleUnitId: c.unitA,
    });

    const list = await say(cellAdmin, "/chitieu");
    expect(list).toContain(`Chỉ tiêu · KH-chi-bo-${c.tag}`);
    expect(list).toContain("1. Đảng viên học tập nghị quyết");
    expect(list).toContain(`2. Trí thức trẻ được bồi dưỡng\n   Kế hoạch: KH-${c.tag}`);
    await pressButton(cellAdmin, "2");
    // The cell records the district's target; the district's plan stays the district office's to manage.
    expect(buttons(await lastMessage(cellAdmin.id)).map((b) => b.text)).toEqual(["✍️ Ghi số liệu", "« Chỉ tiêu"]);
    await pressButton(cellAdmin, "✍️ Ghi số liệu");
    expect(await say(cellAdmin, "2025 12")).toContain("Đã ghi năm 2025: 12 người");
    const row = await env.DB.prepare("select recorded_by from target_values where target_id = ?1")
      .bind(district)
      .first<{ recorded_by: number }>();
    expect(row!.recorded_by).toBe(cellAdmin.memberId);
  });

  it("finds the unit by part of its name typed while the menu is open, diacritics optional", async () => {
    const c = await makeCommittee();
    const target = await addTarget(c.planId, {
      text: "Số hộ khuyến học",
      value: 500,
      comparator: "gte",
      unitOfMeasure: "hộ",
      byYear: 2030,
    });
    await say(c.admin, "/chitieu");
    await pressButton(c.admin, "1");
    await pressButton(c.admin, "👥 Giao đơn vị phụ trách");
    expect(await say(c.admin, "khong co don vi nay")).toBe(
      "Không tìm thấy đơn vị nào có tên gần với «khong co don vi nay». Gõ lại tên khác, hoặc chọn «Quay lại».",
    );
    expect(await say(c.admin, `phu loc ${c.tag}`)).toBe(`Các đơn vị có tên gần với «phu loc ${c.tag}»: chọn đơn vị để giao.`);
    await pressButton(c.admin, `Đảng ủy xã Phú Lộc ${c.tag}`);
    expect(await responsibleUnit(target)).toBe(c.unitB);
    // The search ends with the choice: text is ordinary again.
    expect(await say(c.admin, "an binh")).not.toContain("Các đơn vị có tên gần với");

    // Leaving the menu for the target's screen ends it too.
    await pressButton(c.admin, "👥 Giao đơn vị phụ trách");
    await pressButton(c.admin, "« Quay lại");
    expect(await say(c.admin, "an binh")).not.toContain("Các đơn vị có tên gần với");
    expect(await responsibleUnit(target)).toBe(c.unitB);
  });
});
