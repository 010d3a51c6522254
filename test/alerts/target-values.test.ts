import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { targetYearAskedFor, yearEndPeriods } from "../../core/alerts/target-values";
import { addTarget, recordValue } from "../admin/support";
import { chatMessages, pressButton, say } from "../support/fake-telegram";
import { alertEnv, deliver, makeAlertUnit, messagesFor, outboxOf, RecordingQueue, runCron, vn } from "./helpers";

describe("when last year's figure is asked for", () => {
  it.each([
    ["2026-01-09", null],
    ["2026-01-10", 2025],
    ["2026-02-15", 2025],
    ["2026-03-31", 2025],
    ["2026-04-01", null],
    ["2026-12-31", null],
  ])("%s → %s", (today, year) => {
    expect(targetYearAskedFor(today)).toBe(year);
  });

  it("takes any value for a period ending on 31 December as the year's figure", () => {
    expect(yearEndPeriods(2025)).toEqual(["2025", "2025-H2", "2025-Q4", "2025-12"]);
  });
});

describe("asking the responsible unit for a target's yearly figure", () => {
  async function setUp() {
    const u = await makeAlertUnit();
    await env.DB.prepare("update plans set issued_on = '2024-04-02' where id = ?1").bind(u.planId).run();
    const target = (text: string, more: { byYear?: number | null; unit?: number | null } = {}) =>
      addTarget(u.planId, {
        text,
        value: 70,
        comparator: "gte",
        unitOfMeasure: "%",
        byYear: more.byYear === undefined ? 2030 : more.byYear,
        ...(more.unit === null ? {} : { responsibleUnitId: more.unit ?? u.unit }),
      });
    return {
      u,
      missing: await target("Tỷ lệ trí thức trẻ được bồi dưỡng"),
      recorded: await target("Tỷ lệ cơ sở đạt chuẩn"),
      halfYearOnly: await target("Tỷ lệ đảng viên học tập nghị quyết"),
      office: await target("Chỉ tiêu văn phòng tự ghi", { unit: null }),
      ended: await target("Chỉ tiêu đã hết hạn", { byYear: 2024 }),
    };
  }

  it("asks each member and leader of the unit once, early in the year, only for targets without the year-end figure", async () => {
    const { u, missing, recorded, halfYearOnly } = await setUp();
    await recordValue(recorded, "2025-Q4", 64, u.member.memberId, "2026-01-05T02:00:00Z");
    await recordValue(halfYearOnly, "2025-H1", 40, u.member.memberId, "2025-07-05T02:00:00Z");
    const queue = new RecordingQueue();
    const e = alertEnv(queue);

    await runCron(e, vn("2026-01-12"));
    const asked = (await outboxOf(u.member.memberId)).filter((r) => r.kind === "target_missing");
    expect(asked.map((r) => [r.subject, r.periodKey])).toEqual([
      [`target:${missing}`, "2025"],
      [`target:${halfYearOnly}`, "2025"],
    ]);
    expect(asked[0]!.text).toBe(
      [
        "📈 Chưa có số liệu chỉ tiêu năm 2025",
        `Đảng ủy xã Tân Lập ${u.tag} phụ trách chỉ tiêu:`,
        "Tỷ lệ trí thức trẻ được bồi dưỡng",
        "Chỉ tiêu đề ra: ≥ 70% đến năm 2030",
        `Kế hoạch: KH-${u.tag}`,
        "",
        "Chọn «Ghi số liệu» rồi gõ kỳ và giá trị, ví dụ: 2025 62,5",
      ].join("\n"),
    );
    expect(asked[0]!.buttons).toEqual([
      [
        { text: "✍️ Ghi số liệu", data: `a:tv:${missing}` },
        { text: "🎯 Xem chỉ tiêu", data: `a:tg:${missing}` },
      ],
    ]);
    expect((await outboxOf(u.leader.memberId)).filter((r) => r.kind === "target_missing")).toHaveLength(2);
    expect((await outboxOf(u.viewer.memberId)).filter((r) => r.kind === "target_missing")).toHaveLength(0);
    expect((await outboxOf(u.admin.memberId)).filter((r) => r.kind === "target_missing")).toHaveLength(0);

    // The next day's run writes nothing new; after the window, nothing is asked.
    await runCron(e, vn("2026-01-13"));
    expect((await outboxOf(u.member.memberId)).filter((r) => r.kind === "target_missing")).toHaveLength(2);

    // Delivered, the button leads straight to recording the figure.
    await deliver(e, await messagesFor(queue.take(), [u.member.memberId]));
    expect((await chatMessages(u.member.id)).some((m) => m.text!.startsWith("📈 Chưa có số liệu chỉ tiêu năm 2025"))).toBe(true);
    await pressButton(u.member, "✍️ Ghi số liệu");
    expect(await say(u.member, "2025 55")).toContain("Đã ghi năm 2025: 55%");
  });

  it("asks nothing outside the window, nor for a plan issued after the year", async () => {
    const { u } = await setUp();
    const e = alertEnv(new RecordingQueue());
    await runCron(e, vn("2026-06-08"));
    expect((await outboxOf(u.member.memberId)).filter((r) => r.kind === "target_missing")).toHaveLength(0);

    await env.DB.prepare("update plans set issued_on = '2026-02-01' where id = ?1").bind(u.planId).run();
    await runCron(e, vn("2026-02-16"));
    expect((await outboxOf(u.member.memberId)).filter((r) => r.kind === "target_missing")).toHaveLength(0);
  });
});
