import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { reportTexts } from "../../bot/texts";
import { drivers, openTask, type ChatDriver } from "../support/chat-driver";
import { apiCalls } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";

async function committeeOn(chat: ChatDriver) {
  const c = await makeCommittee();
  for (const person of [c.admin, c.memberA]) await chat.link(person);
  return c;
}

const reportsOf = (assignmentId: number) =>
  env.DB.prepare("select percent from progress_reports where assignment_id = ? order by id").bind(assignmentId).all();
const flowOf = (chatKeyLike: string) =>
  env.DB.prepare("select flow from conversations where chat_id like ?").bind(chatKeyLike).first("flow");

describe.each(drivers)("answers that stand alone, on $channel", (chat) => {
  it("a report's acknowledgement names the task; a progress lower than the last asks to confirm", async () => {
    const c = await committeeOn(chat);
    const task = c.tasksA.dueSoon;
    await env.DB.prepare("update assignments set progress = 60 where id = ?").bind(task.assignmentId).run();
    await openTask(chat, c.memberA, task.title);
    await chat.press(c.memberA, "📝 Báo cáo tiến độ");
    const asked = await chat.say(c.memberA, "30");
    expect(asked).toContain("thấp hơn lần báo cáo trước (60%)");
    await chat.press(c.memberA, "✔ Đúng là 30%");
    await chat.say(c.memberA, "Điều chỉnh lại theo khối lượng thực tế");
    await chat.press(c.memberA, "📤 Gửi báo cáo");
    const ack = await chat.last(c.memberA);
    expect(ack).toContain("30%");
    expect(ack).toContain(task.title);
    expect((await reportsOf(task.assignmentId)).results).toEqual([{ percent: 30 }]);
  });

  it("after /huy the flow's Send does nothing and never says a report was recorded", async () => {
    const c = await committeeOn(chat);
    const task = c.tasksA.dueSoon;
    await openTask(chat, c.memberA, task.title);
    await chat.press(c.memberA, "📝 Báo cáo tiến độ");
    await chat.say(c.memberA, "50");
    await chat.say(c.memberA, "Đang dự thảo");
    expect(await chat.say(c.memberA, "/huy")).toContain("Đã hủy");
    if (chat.channel === "zalo") {
      // The flow's letter is dead: it names nothing, and the answer says what can be typed.
      const key = /^([a-z])\. 📤 Gửi báo cáo$/m.exec((await chat.texts(c.memberA)).findLast((m) => m.includes("📤"))!)![1]!;
      const answer = await chat.say(c.memberA, key);
      expect(answer).not.toMatch(/ghi nhận/);
      expect(answer).toMatch(/Không có mục|\/viec/);
    } else {
      await chat.press(c.memberA, "📤 Gửi báo cáo");
      const toasts = (await apiCalls("answerCallbackQuery")).map((call) => call.params.text);
      expect(toasts).toContain(reportTexts.flowGone);
    }
    expect((await reportsOf(task.assignmentId)).results).toEqual([]);
  });

  it("a command typed in the middle of a flow leaves it; a number after it is not the flow's answer", async () => {
    const c = await committeeOn(chat);
    const task = c.tasksA.dueSoon;
    await openTask(chat, c.memberA, task.title);
    await chat.press(c.memberA, "📝 Báo cáo tiến độ");
    const list = await chat.say(c.memberA, "/viec");
    expect(list).toContain(task.title);
    expect(await chat.texts(c.memberA)).toContain(reportTexts.flowLeft);
    expect(await flowOf(`%${chat.channel === "zalo" ? "z" : ""}${c.memberA.id}`)).toBeNull();
    await chat.say(c.memberA, "Ghi chú gõ sau khi rời");
    expect((await reportsOf(task.assignmentId)).results).toEqual([]);
  });
});
