import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { alertMutes, members } from "../../db/schema";
import { eq } from "drizzle-orm";
import { buttons, chatMessages } from "../support/fake-telegram";
import { testDb } from "../support/fixtures";
import {
  addCheckin,
  addCompletionWaiting,
  addExtensionRequest,
  addTask,
  alertEnv,
  deliver,
  makeAlertUnit,
  messagesFor,
  outboxOf,
  RecordingQueue,
  runCron,
  vn,
} from "./helpers";

// Monday 8 June 2026, 08:00 in Vietnam: the morning cron.
const MON = "2026-06-08";

describe("the cron run: what is due, to whom", () => {
  it("sends the 7-, 3- and 1-day alerts and the one on the day to every member and leader of the unit, once each", async () => {
    const u = await makeAlertUnit();
    const queue = new RecordingQueue();
    const e = alertEnv(queue);
    const week = await addTask(u.planId, u.unit, { ref: "1.1", title: "Tổ chức hội nghị quán triệt", due: "2026-06-15" });
    await addTask(u.planId, u.unit, { ref: "1.2", title: "Xây dựng kế hoạch bồi dưỡng", due: "2026-06-11" });
    await addTask(u.planId, u.unit, { ref: "1.3", title: "Rà soát đội ngũ", due: "2026-06-09" });
    await addTask(u.planId, u.unit, { ref: "1.4", title: "Nộp báo cáo sơ kết", due: MON });
    await addTask(u.planId, u.unit, { ref: "1.5", title: "Chưa đến lúc nhắc", due: "2026-06-19" });

    await runCron(e, vn(MON));
    const mine = await messagesFor(queue.take(), [u.member.memberId]);
    expect(mine).toHaveLength(4);
    await deliver(e, mine);

    const texts = (await chatMessages(u.member.id)).map((m) => m.text!);
    expect(texts).toHaveLength(4);
    expect(texts.find((t) => t.includes("Tổ chức hội nghị"))).toMatch(/^⏰ Còn 7 ngày đến hạn \(15\/06\/2026\)/);
    expect(texts.find((t) => t.includes("Xây dựng kế hoạch"))).toMatch(/^⏰ Còn 3 ngày đến hạn \(11\/06\/2026\)/);
    expect(texts.find((t) => t.includes("Rà soát"))).toMatch(/^⏰ Ngày mai là hạn chót \(09\/06\/2026\)/);
    expect(texts.find((t) => t.includes("Nộp báo cáo"))).toMatch(/^⏰ Hôm nay là hạn chót \(08\/06\/2026\)/);
    expect(texts.join("\n")).not.toContain("Chưa đến lúc nhắc");
    expect(texts.find((t) => t.includes("Tổ chức hội nghị"))).toContain(`Kế hoạch: KH-${u.tag}`);

    // every alert opens the task card or the report directly, and can be muted
    const alert = (await chatMessages(u.member.id)).find((m) => m.text!.includes("Tổ chức hội nghị"))!;
    expect(buttons(alert).map((b) => b.data)).toEqual([`task:${week}`, `rp:${week}`, `am:${week}`]);

    // the second member and the leader got theirs too; the viewer and the admin get no per-task alerts
    expect(await outboxOf(u.member2.memberId)).toHaveLength(4);
    expect(await outboxOf(u.leader.memberId)).toHaveLength(4);
    expect(await outboxOf(u.viewer.memberId)).toHaveLength(0);
    expect((await outboxOf(u.admin.memberId)).filter((r) => r.kind !== "admin_weekly")).toHaveLength(0);

    // the afternoon run finds the same alerts already written: nothing new
    await runCron(e, vn(MON, 14));
    expect(await messagesFor(queue.take(), [u.member.memberId, u.member2.memberId, u.leader.memberId])).toEqual([]);
  });

  it("two overlapping runs write and enqueue each alert once", async () => {
    const u = await makeAlertUnit();
    const queue = new RecordingQueue();
    const e = alertEnv(queue);
    await addTask(u.planId, u.unit, { ref: "2.1", due: "2026-06-09" });
    await addTask(u.planId, u.unit, { ref: "2.2", due: "2026-06-05" });

    await Promise.all([runCron(e, vn(MON)), runCron(e, vn(MON)), runCron(e, vn(MON, 14))]);
    const people = [u.member.memberId, u.member2.memberId, u.leader.memberId];
    const mine = await messagesFor(queue.take(), people);
    const ids = mine.map((m) => m.body.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(6); // two alerts × three people
    for (const person of people) {
      const rows = await outboxOf(person);
      expect(rows.map((r) => `${r.kind} ${r.periodKey}`).sort()).toEqual(["due 2026-06-09@1", "overdue 2026-06-05#0"]);
      expect(rows.every((r) => r.status === "queued")).toBe(true);
    }

    // the queue delivers one message twice (at least once): the member still reads it once
    const forMember = await messagesFor(mine, [u.member.memberId]);
    await deliver(e, [...forMember, forMember[0]!]);
    await deliver(e, forMember);
    expect(await chatMessages(u.member.id)).toHaveLength(2);
  });

  it("leaves out the paused, the muted, the unreachable and the removed; completed and confirmed-waiting tasks are not chased", async () => {
    const u = await makeAlertUnit();
    const queue = new RecordingQueue();
    const e = alertEnv(queue);
    const db = testDb();
    const due = await addTask(u.planId, u.unit, { ref: "3.1", due: "2026-06-09" });
    await addTask(u.planId, u.unit, { ref: "3.2", due: "2026-06-09", state: "done" });
    await addTask(u.planId, u.unit, { ref: "3.3", due: "2026-06-09", state: "awaiting_confirmation" });
    await db.update(members).set({ pausedUntil: MON }).where(eq(members.id, u.member.memberId));
    await db.insert(alertMutes).values({ memberId: u.member2.memberId, assignmentId: due, until: "2026-06-12" });
    await db.update(members).set({ unreachableSince: "2026-06-01T02:00:00Z" }).where(eq(members.id, u.leader.memberId));

    await runCron(e, vn(MON));
    expect(await outboxOf(u.member.memberId)).toEqual([]);
    expect(await outboxOf(u.member2.memberId)).toEqual([]);
    expect(await outboxOf(u.leader.memberId)).toEqual([]);

    // the pause ended yesterday and the mute is over: the next alert reaches them
    await runCron(e, vn("2026-06-16"));
    expect((await outboxOf(u.member.memberId)).map((r) => r.kind)).toEqual(["overdue"]);
    expect((await outboxOf(u.member2.memberId)).map((r) => r.kind)).toEqual(["overdue"]);
  });

  it("a reminder whose queue message was lost is enqueued again by a later run, and still sent once", async () => {
    const u = await makeAlertUnit();
    const queue = new RecordingQueue();
    const e = alertEnv(queue);
    await addTask(u.planId, u.unit, { ref: "L.1", due: "2026-06-09" });
    await runCron(e, vn(MON));
    const [lost] = await messagesFor(queue.take(), [u.member.memberId]);
    // the message never reaches the consumer; a day later the row is still queued
    await env.DB.prepare("update reminders set created_at = '2026-06-07T00:00:00.000Z' where id = ?").bind(lost!.body.id).run();

    await runCron(e, vn(MON, 14));
    const again = await messagesFor(queue.take(), [u.member.memberId]);
    expect(again.map((m) => m.body.id)).toEqual([lost!.body.id]);
    await deliver(e, [...again, lost!]);
    expect(await chatMessages(u.member.id)).toHaveLength(1);
  });

  it("an approved extension moves the alerts to the new date", async () => {
    const u = await makeAlertUnit();
    const e = alertEnv(new RecordingQueue());
    await addTask(u.planId, u.unit, { ref: "4.1", due: "2026-05-29", dueOverride: "2026-06-11" });
    await runCron(e, vn(MON));
    const [row] = await outboxOf(u.member.memberId);
    expect(row).toMatchObject({ kind: "due", periodKey: "2026-06-11@3" });
    expect(row!.text).toContain("Còn 3 ngày đến hạn (11/06/2026)");
  });

  it("overdue: reminded every 3 working days; ignored after the first reminder, the leader is told", async () => {
    const u = await makeAlertUnit();
    const e = alertEnv(new RecordingQueue());
    await addTask(u.planId, u.unit, { ref: "5.1", title: "Báo cáo kết quả rà soát", due: "2026-06-05" });
    const acted = await addTask(u.planId, u.unit, {
      ref: "5.2",
      title: "Việc đã có báo cáo",
      due: "2026-06-05",
      lastReportAt: "2026-06-09T03:00:00.000Z",
    });

    for (const day of [MON, "2026-06-09", "2026-06-10", "2026-06-11"]) await runCron(e, vn(day));

    const member = await outboxOf(u.member.memberId);
    expect(member.map((r) => `${r.kind} ${r.periodKey}`)).toEqual([
      "overdue 2026-06-05#0",
      "overdue 2026-06-05#0",
      "overdue 2026-06-05#1",
      "overdue 2026-06-05#1",
    ]);
    expect(member[0]!.text).toMatch(/^🔴 Quá hạn 3 ngày \(hạn 05\/06\/2026\)/);

    const leader = await outboxOf(u.leader.memberId);
    const escalations = leader.filter((r) => r.kind === "escalation");
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.text).toContain("Báo cáo kết quả rà soát");
    expect(escalations[0]!.text).toContain("chưa báo cáo từ khi được nhắc ngày 08/06/2026");
    // the task the unit reported on is not escalated; the leader keeps the ordinary reminder for it
    expect(leader.filter((r) => r.subject === `assignment:${acted}`).map((r) => r.kind)).toEqual(["overdue", "overdue"]);
  });

  it("working days: nothing at weekends, and a configured public holiday moves the alert to the day before", async () => {
    const u = await makeAlertUnit();
    const weekdaysOnly = alertEnv(new RecordingQueue(), {
      ALERT_SEND_ON_DAYS_OFF: "false",
      ALERT_SEND_HOURS: "7-18",
      ALERT_HOLIDAYS: "2026-06-12",
    });
    await addTask(u.planId, u.unit, { ref: "6.1", due: "2026-06-15" });
    await runCron(weekdaysOnly, vn("2026-06-13")); // Saturday
    await runCron(weekdaysOnly, vn("2026-06-10", 22)); // Wednesday night
    expect(await outboxOf(u.member.memberId)).toEqual([]);
    // Monday 15th: 1 day before is Sunday, Friday 12th is a holiday → Thursday 11th
    await runCron(weekdaysOnly, vn("2026-06-11"));
    expect((await outboxOf(u.member.memberId)).map((r) => r.periodKey)).toEqual(["2026-06-15@1"]);
  });

  it("recurring duties: one check-in reminder per unit and period, listing the duties not yet checked in", async () => {
    const u = await makeAlertUnit();
    const e = alertEnv(new RecordingQueue());
    const a = await addTask(u.planId, u.unit, {
      ref: "7.1",
      title: "Tuyên truyền trên hệ thống truyền thanh",
      recurrence: "ongoing",
    });
    const b = await addTask(u.planId, u.unit, {
      ref: "7.2",
      title: "Phát triển đảng viên trong trí thức",
      recurrence: "ongoing",
    });
    const c = await addTask(u.planId, u.unit, { ref: "7.3", title: "Đã báo cáo quý này", recurrence: "ongoing" });
    for (const id of [a, b, c]) await addCheckin(id, u.member.memberId, "2026-Q1");
    await addCheckin(c, u.member.memberId, "2026-Q2");

    await runCron(e, vn("2026-06-22"));
    expect(await outboxOf(u.member.memberId)).toEqual([]);
    await runCron(e, vn("2026-06-23"));
    await runCron(e, vn("2026-06-24"));
    const rows = await outboxOf(u.member.memberId);
    expect(rows.map((r) => `${r.kind} ${r.subject} ${r.periodKey}`)).toEqual([`checkin_open unit:${u.unit} 2026-Q2`]);
    expect(rows[0]!.text).toMatch(/^🔁 Báo cáo định kỳ quý II\/2026 \(hạn 30\/06\/2026\)/);
    expect(rows[0]!.text).toContain("1. 7.1 — Tuyên truyền");
    expect(rows[0]!.text).toContain("2. 7.2 — Phát triển đảng viên");
    expect(rows[0]!.text).not.toContain("Đã báo cáo quý này");
    expect(rows[0]!.buttons.flat().map((x) => x.data)).toEqual([`ci:${a}`, `ci:${b}`]);

    // the quarter ends without check-ins for 7.1 and 7.2: "missed" on the first working day of July
    await runCron(e, vn("2026-07-01"));
    const missed = (await outboxOf(u.member.memberId)).filter((r) => r.kind === "checkin_missed");
    expect(missed.map((r) => r.periodKey)).toEqual(["2026-Q2"]);
    expect(missed[0]!.text).toContain("Chưa báo cáo định kỳ quý II/2026");
  });
});

describe("admins: a daily summary and a weekly digest", () => {
  it("one summary a day with the overdue count per unit and what waits for them, not one message per item", async () => {
    const u = await makeAlertUnit();
    const e = alertEnv(new RecordingQueue());
    await addTask(u.planId, u.unit, { ref: "8.1", title: "Quá hạn lâu nhất", due: "2026-05-20" });
    await addTask(u.planId, u.unit, { ref: "8.2", due: "2026-06-01" });
    await addTask(u.planId, u.unit, { ref: "8.3", due: "2026-06-03" });
    const extended = await addTask(u.planId, u.unit, { ref: "8.4", due: "2026-06-04" });
    await addExtensionRequest(extended, u.member.memberId, "2026-06-30");
    const finished = await addTask(u.planId, u.unit, { ref: "8.5", due: "2026-06-20", state: "awaiting_confirmation" });
    await addCompletionWaiting(finished, u.member.memberId);

    await runCron(e, vn(MON));
    await runCron(e, vn(MON, 14));
    const daily = (await outboxOf(u.admin.memberId)).filter((r) => r.kind === "admin_daily");
    expect(daily).toHaveLength(1);
    const text = daily[0]!.text;
    expect(text).toMatch(/^📋 Tổng hợp ngày 08\/06\/2026/);
    expect(text).toContain("🔴 4 nhiệm vụ quá hạn ở 1 đơn vị:");
    expect(text).toContain(`Đảng ủy xã Tân Lập ${u.tag}: 4`);
    expect(text).toContain("⏳ 1 đề nghị gia hạn chờ duyệt");
    expect(text).toContain("🔵 1 báo cáo hoàn thành chờ xác nhận");
    expect(text).toMatch(/1\. 8\.1 · [^\n]* · quá 19 ngày — Quá hạn lâu nhất/);
    expect(daily[0]!.buttons.flat()[0]!.data).toMatch(/^task:\d+$/);

    // the unit that asked for more time is not chased while the office decides
    expect((await outboxOf(u.member.memberId)).filter((r) => r.subject === `assignment:${extended}`)).toEqual([]);
  });

  it("the weekly digest on Monday morning: counts by status, units most overdue, last week's changes", async () => {
    const u = await makeAlertUnit();
    const e = alertEnv(new RecordingQueue());
    await addTask(u.planId, u.unit, { ref: "9.1", due: "2026-06-03" });
    await addTask(u.planId, u.unit, { ref: "9.2", due: "2026-06-10" });
    const done = await addTask(u.planId, u.unit, { ref: "9.3", due: "2026-06-05", state: "done" });
    await env.DB.prepare("update assignments set reported_done_at = '2026-06-04T03:00:00.000Z' where id = ?").bind(done).run();
    await addTask(u.planId, u.unit, { ref: "9.4", due: "2026-09-30" });

    await runCron(e, vn(MON));
    await runCron(e, vn("2026-06-09"));
    const weekly = (await outboxOf(u.admin.memberId)).filter((r) => r.kind === "admin_weekly");
    expect(weekly.map((r) => r.periodKey)).toEqual(["2026-W24"]);
    const text = weekly[0]!.text;
    expect(text).toMatch(/^📊 Tổng hợp tuần 24\/2026 \(08\/06\/2026 – 14\/06\/2026\)/);
    expect(text).toContain("Tình hình 4 nhiệm vụ:");
    expect(text).toContain(
      "🔴 Quá hạn: 1 · 🟠 Sắp đến hạn: 1 · 🔵 Chờ xác nhận: 0 · ✅ Hoàn thành: 1 · Khác (đang thực hiện, chưa đến hạn, thường xuyên, chưa có hạn): 1",
    );
    expect(text).toContain(`Đảng ủy xã Tân Lập ${u.tag}: 1`);
    expect(text).toContain("Tuần trước (01/06/2026 – 07/06/2026): 1 nhiệm vụ báo cáo hoàn thành, 1 nhiệm vụ mới quá hạn");
  });
});
