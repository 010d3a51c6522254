import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { callbackUpdate, postUpdate } from "../support/webhook";

const dueOf = (id: number) =>
  env.DB.prepare("select due_override from assignments where id = ?").bind(id).first<{ due_override: string | null }>();

describe("Xin gia hạn", () => {
  it("asks for a date and a reason; an approved request moves the deadline the unit sees", async () => {
    const c = await makeCommittee();
    const id = c.tasksA.dueSoon.assignmentId;
    const today = vietnamDate(new Date());
    const proposed = addDays(today, 30);
    await postUpdate(callbackUpdate(c.memberA, 1, `ext:${id}`));
    expect((await lastMessage(c.memberA.id)).text).toContain(`Hạn hiện tại: ${formatDate(addDays(today, 3))}`);
    expect(await say(c.memberA, "mai")).toContain("dd/mm/yyyy");
    expect(await say(c.memberA, "31/02/2027")).toContain("dd/mm/yyyy");
    expect(await say(c.memberA, formatDate(addDays(today, -1)))).toContain("phải sau hôm nay");
    expect(await say(c.memberA, formatDate(addDays(today, 2)))).toContain("phải sau hạn hiện tại");
    expect(await say(c.memberA, formatDate(proposed))).toContain("lý do");
    expect(await say(c.memberA, "Chờ hướng dẫn của tỉnh")).toContain("Đã gửi đề nghị gia hạn");
    expect((await dueOf(id))!.due_override).toBeNull();

    expect((await lastMessage(c.admin.id)).text).toContain("Chờ hướng dẫn của tỉnh");
    await pressButton(c.admin, "✔ Đồng ý");
    expect((await dueOf(id))!.due_override).toBe(proposed);
    expect((await lastMessage(c.memberA.id)).text).toContain(`Hạn mới: ${formatDate(proposed)}`);

    await say(c.memberA, "/viec");
    const list = (await lastMessage(c.memberA.id)).text!;
    expect(list).toContain(`${formatDate(proposed)} (đã gia hạn)`);
    const history = await env.DB.prepare(
      "select original_due, proposed_due, status from extension_requests where assignment_id = ?",
    )
      .bind(id)
      .first();
    expect(history).toEqual({ original_due: addDays(today, 3), proposed_due: proposed, status: "approved" });
  });

  it("keeps the deadline when refused, and tells the unit", async () => {
    const c = await makeCommittee();
    const id = c.tasksA.notDue.assignmentId;
    const due = (await env.DB.prepare("select t.due_on from tasks t join assignments a on a.task_id = t.id where a.id = ?")
      .bind(id)
      .first<{ due_on: string }>())!.due_on;
    await postUpdate(callbackUpdate(c.memberA, 1, `ext:${id}`));
    await say(c.memberA, formatDate(addDays(due, 10)));
    await say(c.memberA, "Thiếu kinh phí");
    await pressButton(c.admin, "✖ Từ chối");
    expect((await dueOf(id))!.due_override).toBeNull();
    expect((await lastMessage(c.memberA.id)).text).toContain("không được đồng ý");
  });

  it("refuses a second request while one is pending, and one for a task with no deadline", async () => {
    const c = await makeCommittee();
    const id = c.tasksA.notDue.assignmentId;
    const due = (await env.DB.prepare("select t.due_on from tasks t join assignments a on a.task_id = t.id where a.id = ?")
      .bind(id)
      .first<{ due_on: string }>())!.due_on;
    await postUpdate(callbackUpdate(c.memberA, 1, `ext:${id}`));
    await say(c.memberA, formatDate(addDays(due, 10)));
    await say(c.memberA, "Lý do một");
    await postUpdate(callbackUpdate(c.memberA, 1, `ext:${id}`));
    await postUpdate(callbackUpdate(c.memberA, 1, `ext:${c.tasksA.ongoing.assignmentId}`));
    const count = await env.DB.prepare("select count(*) as n from extension_requests where assignment_id in (?, ?)")
      .bind(id, c.tasksA.ongoing.assignmentId)
      .first<{ n: number }>();
    expect(count!.n).toBe(1);
  });
});
