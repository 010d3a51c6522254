import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DEFAULT_SOON_DAYS } from "../../core/status/derive";
import { statusOf } from "../../core/status/of-assignment";
import { addDays, vietnamDate } from "../../core/time/vietnam-date";
import { assignmentById } from "../../db/queries/assignments";
import { STATUS_BUCKET } from "../../db/queries/overview";
import { buttons, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee, testDb } from "../support/fixtures";
import { addTarget, recordValue } from "./support";

describe("/tongquan", () => {
  it("counts by status, the share done on time, the worst units and the targets, on one screen", async () => {
    const c = await makeCommittee();
    const target = await addTarget(c.planId, {
      text: "Tỷ lệ trí thức trẻ được bồi dưỡng",
      value: 70,
      comparator: "gte",
      unitOfMeasure: "%",
      byYear: 2030,
    });
    await recordValue(target, "2024", 55, c.admin.memberId);
    await recordValue(target, "2025", 62.5, c.admin.memberId);

    const text = await say(c.admin, "/tongquan");
    expect(text).toContain(`Tổng quan · KH-${c.tag}`);
    expect(text).toContain("6 nhiệm vụ được giao");
    expect(text).toContain("🔴 Quá hạn: 1");
    expect(text).toContain("🟠 Sắp đến hạn: 1");
    expect(text).toContain("🔁 Thường xuyên: 1");
    expect(text).toContain("✅ Hoàn thành: 1/6 (17%) · đúng hạn 1/1 (100%)");
    expect(text).toMatch(/Đơn vị quá hạn nhiều nhất\n1\. Đảng ủy xã An Bình [^\n]* — 1/);
    expect(text).toContain("Tỷ lệ trí thức trẻ được bồi dưỡng: 62,5% (năm 2025) ⚠️ (chỉ tiêu đề ra ≥ 70% đến năm 2030)");
    expect(text.length).toBeLessThan(1500);

    const overview = await lastMessage(c.admin.id);
    expect(buttons(overview).map((b) => b.text)).toEqual([
      "1",
      "🔴 Quá hạn",
      "⏳ Chờ duyệt",
      "🏢 Đơn vị",
      "🎯 Chỉ tiêu",
      "📥 Xuất Excel",
      "🔄 Cập nhật",
    ]);
    await pressButton(c.admin, "1");
    expect((await lastMessage(c.admin.id)).text).toContain(`Đảng ủy xã An Bình ${c.tag}`);
  });

  it("counts in SQL exactly as core/status derives, day by day", async () => {
    const c = await makeCommittee();
    const ids = [...Object.values(c.tasksA), ...Object.values(c.tasksB)].map((t) => t.assignmentId);
    for (const offset of [-30, 0, 2, 5, 60, 500]) {
      const today = addDays(vietnamDate(new Date()), offset);
      const { results } = await env.DB.prepare(
        `select a.id, ${STATUS_BUCKET} as bucket from tasks t join assignments a on a.task_id = t.id where t.plan_id = ?1`,
      )
        .bind(c.planId, today, addDays(today, DEFAULT_SOON_DAYS))
        .all<{ id: number; bucket: string }>();
      for (const id of ids) {
        const a = (await assignmentById(testDb(), id))!;
        const derived = statusOf(a, today);
        const expected = derived.startsWith("checkin_") ? "recurring" : derived;
        expect([offset, id, results.find((r) => r.id === id)!.bucket]).toEqual([offset, id, expected]);
      }
    }
  });

  it("answers members and leaders with a pointer to /viec, and shows strangers nothing", async () => {
    const c = await makeCommittee();
    expect(await say(c.memberA, "/tongquan")).toContain("dành cho cơ quan theo dõi kế hoạch");
    expect(await say(c.memberA, "/tongquan")).not.toContain(c.tag);
  });
});
