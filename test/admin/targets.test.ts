import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { buttons, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { addTarget, recordValue } from "./support";

describe("/chitieu", () => {
  it("shows each target's latest value against its goal and the trend; the admin records a new value", async () => {
    const c = await makeCommittee();
    const recruits = await addTarget(c.planId, { text: "Tỷ lệ tuyển dụng người có trình độ đại học trở lên", value: 70, comparator: "gte", unitOfMeasure: "%", byYear: 2030 });
    await addTarget(c.planId, { text: "Số mô hình trí thức tiêu biểu", value: 5, comparator: "gte", unitOfMeasure: "mô hình", byYear: null });
    await recordValue(recruits, "2024", 58, c.admin.memberId, "2025-01-10T00:00:00Z");
    await recordValue(recruits, "2025-H1", 61, c.admin.memberId, "2025-07-10T00:00:00Z");

    const text = await say(c.admin, "/chitieu");
    expect(text).toContain("1. Tỷ lệ tuyển dụng người có trình độ đại học trở lên\n   Mục tiêu: ≥ 70% đến năm 2030\n   Mới nhất: 61% (6 tháng đầu năm 2025) ↑ từ 58% (năm 2024) · ⚠️ chưa đạt");
    expect(text).toContain("2. Số mô hình trí thức tiêu biểu\n   Mục tiêu: ≥ 5 mô hình\n   Chưa có số liệu.");

    await pressButton(c.admin, "1");
    expect((await lastMessage(c.admin.id)).text).toContain("Số liệu đã ghi");
    await pressButton(c.admin, "✍️ Ghi số liệu");
    expect(await say(c.admin, "năm ngoái 70")).toContain("Chưa đọc được");
    const saved = await say(c.admin, "2025 72,5, theo báo cáo của UBND");
    expect(saved).toContain("Đã ghi năm 2025: 72,5%");
    expect(saved).toContain("Mới nhất: 72,5% (năm 2025) ↑ từ 61% (6 tháng đầu năm 2025) · ✅ đạt");
    const row = await env.DB.prepare("select period, value, note from target_values where target_id = ?1 order by id desc").bind(recruits).first();
    expect(row).toEqual({ period: "2025", value: 72.5, note: "theo báo cáo của UBND" });
    const audit = await env.DB.prepare("select count(*) as n from audit_log where action = 'target.value' and entity_id = ?1").bind(recruits).first<{ n: number }>();
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
      await addTarget(c.planId, { text: `Chỉ tiêu số ${i}: ${"tỷ lệ cán bộ trẻ có trình độ sau đại học được bố trí đúng chuyên môn ".repeat(3)}`, value: 50, comparator: "gte", unitOfMeasure: "%", byYear: 2030 });
    }
    const first = await say(c.admin, "/chitieu");
    expect(first).toContain("8. Chỉ tiêu số 8");
    expect(first).not.toContain("9. Chỉ tiêu số 9");
    expect(first.length).toBeLessThan(4096);
    await pressButton(c.admin, "▶");
    expect((await lastMessage(c.admin.id)).text).toContain("12. Chỉ tiêu số 12");
  });
});
