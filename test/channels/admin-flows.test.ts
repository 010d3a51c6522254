import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { drivers, type ChatDriver } from "../support/chat-driver";
import { makeCommittee, makeMember } from "../support/fixtures";

async function committeeOn(chat: ChatDriver) {
  const c = await makeCommittee();
  for (const person of [c.admin, c.memberA, c.memberB, c.viewer]) await chat.link(person);
  return c;
}

/** A completion reported by member A, waiting for the office. */
async function completionWaiting(chat: ChatDriver, c: Awaited<ReturnType<typeof committeeOn>>) {
  const list = await chat.say(c.memberA, "/viec");
  const line = list.split("\n").find((l) => l.includes(c.tasksA.dueSoon.title))!;
  await chat.press(c.memberA, /^\d+/.exec(line.trim())![0]);
  await chat.press(c.memberA, "✅ Đã hoàn thành");
  await chat.say(c.memberA, "Đã xong phần việc được giao");
  await chat.press(c.memberA, "📤 Gửi báo cáo");
}

describe.each(drivers)("the monitoring office on $channel", (chat) => {
  it("/tongquan, /quahan, /donvi and /nhiemvu show the plan and drill down", async () => {
    const c = await committeeOn(chat);
    const overview = await chat.say(c.admin, "/tongquan");
    expect(overview).toContain("Tổng quan");
    expect(overview).toContain("Quá hạn: 1");
    const overdue = await chat.say(c.admin, "/quahan");
    expect(overdue).toContain(`Đảng ủy xã An Bình ${c.tag}`);
    const unit = await chat.say(c.admin, `/donvi an binh ${c.tag}`);
    expect(unit).toContain(c.tasksA.overdue.title);
    const task = await chat.say(c.admin, "/nhiemvu khuyen hoc");
    expect(task).toContain(c.tasksB.onlyB.title);
  });

  it("/duyet lists a completion; the admin returns it with a reason and the unit is told", async () => {
    const c = await committeeOn(chat);
    await completionWaiting(chat, c);
    const queue = await chat.say(c.admin, "/duyet");
    expect(queue).toContain("✅ Hoàn thành · 2 · Đảng ủy xã An Bình");
    // The number printed beside the item (on Zalo, clear of the keys the completion's own notice uses).
    const line = queue.split("\n").find((l) => l.includes("✅ Hoàn thành · 2"))!;
    await chat.press(c.admin, /^\d+/.exec(line.trim())![0]);
    await chat.press(c.admin, "↩ Trả lại");
    await chat.say(c.admin, "Thiếu biên bản họp");
    const row = await env.DB.prepare(
      "select review_status, review_note from progress_reports where assignment_id = ? and kind = 'completion'",
    )
      .bind(c.tasksA.dueSoon.assignmentId)
      .first();
    expect(row).toEqual({ review_status: "returned", review_note: "Thiếu biên bản họp" });
    expect(await chat.last(c.memberA)).toContain("Thiếu biên bản họp");
  });

  it("/moi makes an invite usable on both channels; /canbo changes a role and the person is told", async () => {
    const c = await committeeOn(chat);
    // Unit B's people are managed from the committee above it (not by the office monitoring the plan).
    const admin = await makeMember(c.root, "admin", "Quản trị Huyện ủy");
    await chat.link(admin);
    await chat.say(admin, "/moi");
    await chat.press(admin, `Đảng ủy xã Phú Lộc ${c.tag}`);
    await chat.press(admin, "Cán bộ");
    await chat.press(admin, "Một người");
    const invite = await chat.last(admin);
    expect(invite).toMatch(/\/start [A-Za-z0-9_-]+/);
    expect(invite).toContain("t.me/");

    const people = await chat.say(admin, `/canbo phu loc ${c.tag}`);
    const line = people.split("\n").find((l) => l.includes(`Bình ${c.memberB.id}`))!;
    await chat.press(admin, /^\d+/.exec(line.trim())![0]);
    await chat.press(admin, "🔁 Đổi vai trò");
    await chat.press(admin, /Lãnh đạo/);
    const role = await env.DB.prepare("select role from members where id = ?").bind(c.memberB.memberId).first();
    expect(role).toEqual({ role: "leader" });
    expect(await chat.last(c.memberB)).toMatch(/vai trò/i);
  });

  it("/kehoach and /xuat: the export arrives as a file on Telegram, as a signed link on Zalo", async () => {
    const c = await committeeOn(chat);
    expect(await chat.say(c.admin, "/kehoach")).toContain(`KH-${c.tag}`);
    await chat.say(c.admin, "/xuat");
    if (chat.channel === "zalo") {
      const text = await chat.last(c.admin);
      const link = /http\S+\/web\/tep\/(\S+)/.exec(text);
      expect(link).not.toBeNull();
      const { default: worker } = await import("../../worker/index");
      const download = await worker.fetch(new Request(`https://bot.test/web/tep/${link![1]}`), env, {} as ExecutionContext);
      expect(download.status).toBe(200);
      expect(download.headers.get("content-disposition")).toContain(".xlsx");
      const forged = await worker.fetch(
        new Request(`https://bot.test/web/tep/${link![1]!.slice(0, -3)}abc`),
        env,
        {} as ExecutionContext,
      );
      expect(forged.status).toBe(400);
      expect(await forged.text()).toContain("không hợp lệ");
    }
  });

  it("a viewer reads but cannot decide", async () => {
    const c = await committeeOn(chat);
    await completionWaiting(chat, c);
    expect(await chat.say(c.viewer, "/tongquan")).toContain("Tổng quan");
    await chat.say(c.viewer, "/duyet");
    await chat.press(c.viewer, "1");
    const screen = await chat.last(c.viewer);
    expect(screen).not.toContain("✔ Xác nhận");
  });
});
