import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { buttons, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee, makeMember, makeUnit } from "../support/fixtures";
import { addReport, addTarget, recordValue } from "./support";

describe("/donvi", () => {
  it("finds a unit by part of its name without diacritics, and shows its tasks and people", async () => {
    const c = await makeCommittee();
    const today = vietnamDate(new Date());
    const leader = await makeMember(c.unitA, "leader", "Trưởng");
    const quiet = await makeMember(c.unitA, "member", "Lặng");
    const blocked = await makeMember(c.unitA, "member", "Chặn");
    await env.DB.prepare("update members set unreachable_since = ?2, paused_until = null where id = ?1")
      .bind(blocked.memberId, `${addDays(today, -3)}T02:00:00Z`)
      .run();
    await env.DB.prepare("update members set paused_until = ?2 where id = ?1").bind(quiet.memberId, addDays(today, 10)).run();
    await addReport(c.tasksA.overdue.assignmentId, c.memberA.memberId, { percent: 30, note: "Đã lên kế hoạch" });
    const target = await addTarget(c.planId, {
      text: "Tỷ lệ đảng viên trẻ",
      value: 30,
      comparator: "gte",
      unitOfMeasure: "%",
      byYear: 2030,
      responsibleUnitId: c.unitA,
    });
    await addTarget(c.planId, {
      text: "Chỉ tiêu của Phú Lộc",
      value: 5,
      comparator: "gte",
      unitOfMeasure: null,
      byYear: null,
      responsibleUnitId: c.unitB,
    });
    await recordValue(target, "2025", 32, c.memberA.memberId);

    const text = await say(c.admin, `/donvi an binh ${c.tag}`);
    expect(text).toContain(`🏢 Đảng ủy xã An Bình ${c.tag}`);
    expect(text).toContain("5 nhiệm vụ: 🔴 1 · 🟠 1 · 🔁 1 · ⚪ 1 · ✅ 1");
    expect(text).toMatch(/1\. 🔴 Quá hạn · 1 Tổ chức hội nghị quán triệt nghị quyết\n\s+Hạn: trước ngày hôm qua/);
    expect(text).toContain("Chỉ tiêu phụ trách (1)\n• Tỷ lệ đảng viên trẻ: 32% (năm 2025) ✅");
    expect(text).not.toContain("Chỉ tiêu của Phú Lộc");
    expect(text).toContain("Cán bộ (4)");
    expect(text).toContain(`• Trưởng ${leader.id} (lãnh đạo đơn vị) — ⚠️ chưa báo cáo lần nào`);
    expect(text).toContain(`• An ${c.memberA.id} (cán bộ) — báo cáo gần nhất ${formatDate(today)}`);
    expect(text).toContain(
      `• Chặn ${blocked.id} (cán bộ) — ⚠️ chưa báo cáo lần nào · ⛔ đã chặn bot từ ${formatDate(addDays(today, -3))}`,
    );
    expect(text).toContain(
      `• Lặng ${quiet.id} (cán bộ) — ⚠️ chưa báo cáo lần nào · ⏸ tạm dừng nhắc đến ${formatDate(addDays(today, 10))}`,
    );
    expect(text).not.toContain(c.tasksB.onlyB.title);

    await pressButton(c.admin, "1");
    expect((await lastMessage(c.admin.id)).text).toContain("Chủ trì: Đảng ủy xã An Bình");
  });

  it("lists the plan's units, most overdue first, when no name is given; several matches are offered as buttons", async () => {
    const c = await makeCommittee();
    const list = await say(c.admin, "/donvi");
    expect(list).toContain(`1. Đảng ủy xã An Bình ${c.tag} — 5 nhiệm vụ · 🔴 1 quá hạn · ✅ 1`);
    expect(list).toContain(`2. Đảng ủy xã Phú Lộc ${c.tag} — 1 nhiệm vụ`);
    const choose = await say(c.admin, `/donvi dang uy xa ${c.tag}`);
    expect(choose).toContain("Các đơn vị có tên gần với");
    expect(buttons(await lastMessage(c.admin.id)).map((b) => b.text)).toEqual(["1", "2"]);
  });

  it("finds the monitoring office by 'to chuc', and nothing of another committee", async () => {
    const c = await makeCommittee();
    const other = await makeCommittee();
    expect(await say(c.admin, `/donvi to chuc ${c.tag}`)).toContain(`🏢 Ban Tổ chức ${c.tag}`);
    expect(await say(c.admin, `/donvi ${other.tag}`)).toContain("Không tìm thấy đơn vị");
    await makeUnit(`UBND xã Thử ${c.tag}`, c.root);
    expect(await say(c.viewer, `/donvi uy ban nhan dan xa thu ${c.tag}`)).toContain(`🏢 UBND xã Thử ${c.tag}`);
  });
});
