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

    expect(await say(c.memberA, "/viec")).toContain("đã báo cáo kỳ này · 4 Tuyên truyền");
  });

  it("refuses a check-in on a task that is not recurring", async () => {
    const c = await makeCommittee();
    await postUpdate(callbackUpdate(c.memberA, 1, `ci:${c.tasksA.notDue.assignmentId}`));
    const count = await env.DB.prepare("select count(*) as n from conversations where member_id = ?")
      .bind(c.memberA.memberId)
      .first<{ n: number }>();
    expect(count!.n).toBe(0);
  });

  it("lets the plan's admin make a duty monthly; members cannot", async () => {
    const c = await makeCommittee();
    const id = c.tasksA.ongoing.assignmentId;
    await postUpdate(callbackUpdate(c.memberA, 1, `cad:${id}:monthly`));
    await postUpdate(callbackUpdate(c.admin, 1, `task:${id}`));
    await pressButton(c.admin, "⚙ Kỳ báo cáo");
    await pressButton(c.admin, "Hằng tháng");
    expect((await lastMessage(c.admin.id)).text).toContain("hằng tháng");
    const month = periodContaining("monthly", vietnamDate(new Date()));
    await postUpdate(callbackUpdate(c.memberA, 1, `task:${id}`));
    expect((await lastMessage(c.memberA.id)).text).toContain(`Kỳ ${periodLabel(month)}: chưa báo cáo.`);
    const audit = await env.DB.prepare("select actor_member_id from audit_log where action = 'task.checkin_every'").all();
    expect(audit.results).toContainEqual({ actor_member_id: c.admin.memberId });
    expect(audit.results).not.toContainEqual({ actor_member_id: c.memberA.memberId });
  });
});
