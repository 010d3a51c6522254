import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { checkinCadence, periodContaining, periodLabel } from "../../core/checkins/period";
import { vietnamDate } from "../../core/time/vietnam-date";
import { buttons, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { callbackUpdate, postUpdate } from "../support/webhook";

describe("check-ins of recurring duties", () => {
  it("answers the current period once; the list then shows it as reported", async () => {
    const c = await makeCommittee();
    const id = c.tasksA.ongoing.assignmentId;
    const period = periodContaining(checkinCadence(null, "ongoing"), vietnamDate(new Date()));
    await postUpdate(callbackUpdate(c.memberA, 1, `task:${id}`));
    const card = await lastMessage(c.memberA.id);
    expect(card.text).toContain(`Kỳ ${periodLabel(period)}: chưa báo cáo.`);
    expect(buttons(card).map((b) => b.text)).toContain("🔁 Báo cáo kỳ này");
    expect(buttons(card).map((b) => b.text)).not.toContain("✅ Đã hoàn thành");

    await pressButton(c.memberA, "🔁 Báo cáo kỳ này");
    expect((await lastMessage(c.memberA.id)).text).toContain(`Báo cáo ${periodLabel(period)}`);
    await say(c.memberA, "Phát 12 tin bài trên loa truyền thanh xã");
    await pressButton(c.memberA, "📤 Gửi báo cáo");
    expect((await lastMessage(c.memberA.id)).text).toContain(`Đã ghi nhận báo cáo ${periodLabel(period)}`);
    const row = await env.DB.prepare("select kind, period_key from progress_reports where assignment_id = ?").bind(id).first();
    expect(row).toEqual({ kind: "checkin", period_key: period.key });

    expect(await say(c.memberA, "/viec")).toContain("đã báo cáo kỳ này · Tuyên truyền");
  });

  it("refuses a check-in on a task that is not recurring", async () => {
    const c = await makeCommittee();
    await postUpdate(callbackUpdate(c.memberA, 1, `ci:${c.tasksA.notDue.assignmentId}`));
    const count = await env.DB.prepare("select count(*) as n from conversations where member_id = ?").bind(c.memberA.memberId).first<{ n: number }>();
    expect(count!.n).toBe(0);
  });
});
