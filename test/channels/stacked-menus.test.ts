import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { drivers, openTask, postZalo, zaloDriver, zaloEvent, type ChatDriver } from "../support/chat-driver";
import { makeCommittee } from "../support/fixtures";
import type { TestUser } from "../support/webhook";

async function committeeOn(chat: ChatDriver) {
  const c = await makeCommittee();
  for (const person of [c.admin, c.memberA, c.memberB]) await chat.link(person);
  return c;
}
type Committee = Awaited<ReturnType<typeof committeeOn>>;

/** Three notices waiting in the admin's chat: an extension request, then two completions. */
async function threeNotices(chat: ChatDriver, c: Committee) {
  await openTask(chat, c.memberA, c.tasksA.dueSoon.title);
  await chat.press(c.memberA, "⏳ Xin gia hạn");
  await chat.say(c.memberA, formatDate(addDays(vietnamDate(new Date()), 30)));
  await chat.say(c.memberA, "Chờ ý kiến cấp trên");
  await openTask(chat, c.memberA, c.tasksA.overdue.title);
  await chat.press(c.memberA, "✅ Đã hoàn thành");
  await chat.say(c.memberA, "Đã tổ chức hội nghị");
  await chat.press(c.memberA, "📤 Gửi báo cáo");
  await openTask(chat, c.memberB, c.tasksB.onlyB.title);
  await chat.press(c.memberB, "✅ Đã hoàn thành");
  await chat.say(c.memberB, "Đã trao học bổng");
  await chat.press(c.memberB, "📤 Gửi báo cáo");
}

/** The "key. label" lines of a Zalo message. */
function menuLines(message: string): { key: string; label: string }[] {
  return message.split("\n").flatMap((line) => {
    const m = /^(\d{1,2}|[a-z])\. (.+)$/.exec(line);
    return m ? [{ key: m[1]!, label: m[2]! }] : [];
  });
}

/** The key of `label` in the admin's message that mentions `about`. */
async function keyFor(user: TestUser, about: string, label: string): Promise<string> {
  const message = (await zaloDriver.texts(user)).findLast((m) => m.includes(about) && m.includes("↪"));
  const line = message && menuLines(message).find((l) => l.label === label);
  if (!line) throw new Error(`no "${label}" in a message about "${about}"`);
  return line.key;
}

const extensionStatus = (assignmentId: number) =>
  env.DB.prepare("select status from extension_requests where assignment_id = ?").bind(assignmentId).first("status");
const completionStatus = (assignmentId: number) =>
  env.DB.prepare("select review_status from progress_reports where assignment_id = ? and kind = 'completion'")
    .bind(assignmentId)
    .first("review_status");

describe.each(drivers)("stacked notices on $channel", (chat) => {
  it("each decision acts on its own item, whichever notice came last, and says what it decided", async () => {
    const c = await committeeOn(chat);
    await threeNotices(chat, c);
    // The extension's refusal, though two completions arrived after it.
    await chat.press(c.admin, "✖ Từ chối");
    expect(await extensionStatus(c.tasksA.dueSoon.assignmentId)).toBe("refused");
    expect(await completionStatus(c.tasksA.overdue.assignmentId)).toBe("pending");
    expect(await completionStatus(c.tasksB.onlyB.assignmentId)).toBe("pending");
    if (chat.channel === "zalo") {
      const answer = await chat.last(c.admin);
      expect(answer).toContain("Đã từ chối gia hạn");
      expect(answer).toContain(c.tasksA.dueSoon.title);
      expect(answer).toContain(`Đảng ủy xã An Bình ${c.tag}`);
    }
  });
});

describe("stacked notices on Zalo: keys", () => {
  it("three live menus use different keys, each shown with its own message, each acting on its own item", async () => {
    const c = await committeeOn(zaloDriver);
    await threeNotices(zaloDriver, c);
    const notices = (await zaloDriver.texts(c.admin)).filter((m) => m.includes("↪"));
    expect(notices).toHaveLength(3);
    const keys = notices.flatMap((m) => menuLines(m).map((l) => l.key));
    expect(keys.length).toBeGreaterThanOrEqual(6);
    expect(new Set(keys).size).toBe(keys.length);

    // The first completion is confirmed by its own key, not by the newest message's "Xác nhận".
    await postZalo(zaloEvent(c.admin, "text", await keyFor(c.admin, c.tasksA.overdue.title, "✔ Xác nhận")));
    expect(await completionStatus(c.tasksA.overdue.assignmentId)).toBe("confirmed");
    expect(await completionStatus(c.tasksB.onlyB.assignmentId)).toBe("pending");
    expect(await extensionStatus(c.tasksA.dueSoon.assignmentId)).toBe("pending");
    const confirmed = await zaloDriver.last(c.admin);
    expect(confirmed).toContain("Đã xác nhận hoàn thành");
    expect(confirmed).toContain(c.tasksA.overdue.title);

    // A new screen takes keys the live notices do not use, and its list numbers are those keys.
    const refuseKey = await keyFor(c.admin, "xin gia hạn", "✖ Từ chối");
    const queue = await zaloDriver.say(c.admin, "/duyet");
    const live = new Set([
      await keyFor(c.admin, c.tasksB.onlyB.title, "✔ Xác nhận"),
      await keyFor(c.admin, "xin gia hạn", "✔ Đồng ý"),
      refuseKey,
    ]);
    const listed = queue.split("\n").flatMap((l) => /^(\d+)\. /.exec(l)?.[1] ?? []);
    expect(listed.length).toBeGreaterThan(0);
    for (const key of listed) expect(live.has(key)).toBe(false);
    for (const key of menuLines(queue).map((l) => l.key)) expect(live.has(key)).toBe(false);

    // The extension's key still refuses the extension after the new screen.
    await postZalo(zaloEvent(c.admin, "text", refuseKey));
    expect(await extensionStatus(c.tasksA.dueSoon.assignmentId)).toBe("refused");
    expect(await completionStatus(c.tasksB.onlyB.assignmentId)).toBe("pending");

    // A decided notice's keys name nothing: the live ones are listed with what each does.
    await postZalo(zaloEvent(c.admin, "text", refuseKey));
    const help = await zaloDriver.last(c.admin);
    expect(help).toContain(`Không có mục "${refuseKey}"`);
    const confirmB = await keyFor(c.admin, c.tasksB.onlyB.title, "✔ Xác nhận");
    expect(help).toContain(`${confirmB}. ✔ Xác nhận`);
    expect(help).not.toContain("Từ chối");
    expect(await completionStatus(c.tasksB.onlyB.assignmentId)).toBe("pending");
  });
});
