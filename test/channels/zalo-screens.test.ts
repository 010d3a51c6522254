import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { drivers, zaloDriver, type ChatDriver } from "../support/chat-driver";
import { makeCommittee } from "../support/fixtures";

async function committeeOn(chat: ChatDriver) {
  const c = await makeCommittee();
  for (const person of [c.admin, c.memberA, c.memberB]) await chat.link(person);
  return c;
}

const remindersTo = (memberId: number) =>
  env.DB.prepare("select count(*) as n from reminders where member_id = ? and kind = 'overdue'").bind(memberId).first("n");

describe.each(drivers)("the number shown is the key, on $channel", (chat) => {
  it("/quahan: the number beside a unit opens that unit; the unit's own reminder key reminds it", async () => {
    const c = await committeeOn(chat);
    // Two units overdue: the second unit's number once sent the first unit a reminder.
    await env.DB.prepare("update tasks set due_on = date('now', '-2 day') where id = ?").bind(c.tasksB.onlyB.taskId).run();
    const list = await chat.say(c.admin, "/quahan");
    for (const [unit, title] of [
      [`Đảng ủy xã Phú Lộc ${c.tag}`, c.tasksB.onlyB.title],
      [`Đảng ủy xã An Bình ${c.tag}`, c.tasksA.overdue.title],
    ] as const) {
      const line = list.split("\n").find((l) => l.includes(unit) && /^\d+\. /.test(l))!;
      const number = /^\d+/.exec(line)![0];
      await chat.press(c.admin, chat.channel === "zalo" ? number : new RegExp(`^${number}\\. `));
      const shown = await chat.last(c.admin);
      expect(shown).toContain(unit);
      expect(shown).toContain(title);
      await chat.say(c.admin, "/quahan");
    }
    expect(await remindersTo(c.memberA.memberId)).toBe(0);
    expect(await remindersTo(c.memberB.memberId)).toBe(0);

    await chat.say(c.admin, "/quahan");
    await chat.press(c.admin, chat.channel === "zalo" ? /^🔔 Nhắc ngay .*An Bình/ : "🔔 Nhắc ngay");
    expect(await remindersTo(c.memberA.memberId)).toBeGreaterThan(0);
  });
});

describe.each(drivers)("words an official reads, on $channel", (chat) => {
  it("lists show each task's number; no 'bấm', no page key that sends the same page; /trogiup lists /web", async () => {
    const c = await committeeOn(chat);
    const list = await chat.say(c.memberA, "/viec");
    // Each task line carries its number (the fixture's tasks are numbered 1–5).
    expect(list).toMatch(/^\d+\. .+ · 2 Xây dựng kế hoạch bồi dưỡng trí thức trẻ/m);
    const help = await chat.say(c.memberA, "/trogiup");
    expect(help).toContain("/web");
    const queue = await chat.say(c.admin, "/duyet");
    const texts = [list, help, queue, await chat.say(c.admin, "/quahan"), await chat.say(c.admin, "/chitieu")];
    for (const text of texts) expect(text).not.toMatch(/bấm/i);
    if (chat.channel === "zalo") for (const text of texts) expect(text).not.toMatch(/^\d+\. Trang \d/m);
  });
});

describe("a long list on Zalo", () => {
  it("shows its page as a line and its arrows spelled out; the next page's numbers open its tasks", async () => {
    const c = await committeeOn(zaloDriver);
    for (let i = 1; i <= 8; i++) {
      const task = await env.DB.prepare(
        "insert into tasks (plan_id, ref, title, deadline_kind, deadline_text, due_on) values (?1, ?2, ?3, 'date', 'cuối năm sau', date('now', '+400 day')) returning id",
      )
        .bind(c.planId, `9.${i}`, `Việc thêm số ${i} của xã`)
        .first<{ id: number }>();
      await env.DB.prepare("insert into assignments (task_id, unit_id, role, state) values (?1, ?2, 'lead', 'open')")
        .bind(task!.id, c.unitA)
        .run();
    }
    const first = await zaloDriver.say(c.memberA, "/viec");
    expect(first).toContain("Trang 1/2");
    expect(first).not.toMatch(/^\d+\. Trang 1\/2/m);
    await zaloDriver.press(c.memberA, "Trang sau ▶");
    const second = await zaloDriver.last(c.memberA);
    expect(second).toContain("Trang 2/2");
    const line = second.split("\n").find((l) => /^\d+\. .*Việc thêm số/.test(l))!;
    const title = /Việc thêm số \d+ của xã/.exec(line)![0];
    await zaloDriver.say(c.memberA, /^\d+/.exec(line)![0]);
    expect(await zaloDriver.last(c.memberA)).toContain(title);
  });
});
