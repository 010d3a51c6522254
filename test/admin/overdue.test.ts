import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, vietnamDate } from "../../core/time/vietnam-date";
import { buttons, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee, makeMember } from "../support/fixtures";
import { apiCalls } from "../support/fake-telegram";
import { addSharedTask } from "./support";

const reminders = (memberIds: number[]) =>
  env.DB.prepare(
    `select member_id, kind, subject, period_key, status, payload from reminders where member_id in (select value from json_each(?1)) order by member_id`,
  )
    .bind(JSON.stringify(memberIds))
    .all<{ member_id: number; kind: string; subject: string; period_key: string; status: string; payload: string }>();

describe("/quahan", () => {
  it("groups overdue tasks by unit, worst first", async () => {
    const c = await makeCommittee();
    const today = vietnamDate(new Date());
    await addSharedTask(c.planId, [c.unitB], {
      ref: "7",
      title: "Báo cáo chuyên đề khuyến học",
      due: addDays(today, -10),
      text: "tháng trước",
    });
    await addSharedTask(c.planId, [c.unitB], {
      ref: "8",
      title: "Tổng kết mô hình dòng họ hiếu học",
      due: addDays(today, -2),
      text: "tuần trước",
    });
    const text = await say(c.admin, "/quahan");
    expect(text).toContain("3 nhiệm vụ quá hạn ở 2 đơn vị");
    expect(text).toMatch(
      new RegExp(
        `1\\. Đảng ủy xã Phú Lộc ${c.tag} — 2\\n\\s+• 7 Báo cáo chuyên đề khuyến học \\(quá 10 ngày\\)\\n\\s+• 8 Tổng kết`,
      ),
    );
    expect(text).toMatch(new RegExp(`2\\. Đảng ủy xã An Bình ${c.tag} — 1`));
    const labels = buttons(await lastMessage(c.admin.id)).map((b) => b.text);
    expect(labels).toHaveLength(5);
    expect(labels[0]).toMatch(/^1\. Đảng ủy xã Phú Lộc/);
    expect(labels.slice(1)).toEqual([
      "🔔 Nhắc ngay",
      expect.stringMatching(/^2\. Đảng ủy xã An Bình/),
      "🔔 Nhắc ngay",
      "« Tổng quan",
    ]);
  });

  it("«Nhắc ngay» writes to the outbox for the unit's reachable people and enqueues, once a day", async () => {
    const c = await makeCommittee();
    const leader = await makeMember(c.unitA, "leader", "Trưởng");
    const blocked = await makeMember(c.unitA, "member", "Chặn");
    await env.DB.prepare("update members set unreachable_since = '2026-01-01T00:00:00Z' where id = ?1")
      .bind(blocked.memberId)
      .run();
    await say(c.admin, "/quahan");
    const before = (await apiCalls("sendMessage", c.memberA.id)).length;
    await pressButton(c.admin, "🔔 Nhắc ngay");

    const rows = (await reminders([c.memberA.memberId, leader.memberId, blocked.memberId])).results;
    expect(rows.map((r) => [r.member_id, r.kind, r.subject, r.period_key])).toEqual([
      [c.memberA.memberId, "overdue", `unit:${c.unitA}`, `manual:${c.planId}:${vietnamDate(new Date())}`],
      [leader.memberId, "overdue", `unit:${c.unitA}`, `manual:${c.planId}:${vietnamDate(new Date())}`],
    ]);
    expect(rows.every((r) => r.status === "queued" || r.status === "sent")).toBe(true);
    const payload = JSON.parse(rows[0]!.payload) as { text: string; buttons: { text: string; data: string }[][] };
    expect(payload.text).toContain(`Ban Tổ chức ${c.tag} nhắc việc quá hạn`);
    expect(payload.text).toContain("1. 1 — Tổ chức hội nghị quán triệt nghị quyết");
    expect(payload.buttons[0]![0]).toEqual({ text: "1", data: `task:${c.tasksA.overdue.assignmentId}` });
    // Nothing sent from the webhook itself: the queue consumer sends.
    expect((await apiCalls("sendMessage", c.memberA.id)).length - before).toBeLessThanOrEqual(1);
    const callbackAnswers = await apiCalls("answerCallbackQuery");
    expect(String(callbackAnswers.at(-1)!.params.text)).toContain("Đã đưa nhắc việc tới 2 cán bộ");

    await pressButton(c.admin, "🔔 Nhắc ngay");
    expect(String((await apiCalls("answerCallbackQuery")).at(-1)!.params.text)).toContain("đã được nhắc rồi");
    expect((await reminders([c.memberA.memberId, leader.memberId])).results).toHaveLength(2);
    const audit = await env.DB.prepare("select count(*) as n from audit_log where action = 'reminder.manual' and entity_id = ?1")
      .bind(c.tasksA.overdue.assignmentId)
      .first<{ n: number }>();
    expect(audit!.n).toBe(1);
  });

  it("gives the viewer the list without «Nhắc ngay», and refuses the button if forged", async () => {
    const c = await makeCommittee();
    await say(c.viewer, "/quahan");
    expect(buttons(await lastMessage(c.viewer.id)).some((b) => b.text === "🔔 Nhắc ngay")).toBe(false);
  });
});
