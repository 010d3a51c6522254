import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { buttons, chatMessages, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee, makeMember } from "../support/fixtures";
import { callbackUpdate, postUpdate } from "../support/webhook";

const assignment = (id: number) =>
  env.DB.prepare(
    "select state, progress, reported_done_at is not null as reported, completed_at is not null as completed from assignments where id = ?",
  )
    .bind(id)
    .first();

async function reportDone(c: Awaited<ReturnType<typeof makeCommittee>>, assignmentId: number, note: string) {
  await postUpdate(callbackUpdate(c.memberA, 1, `done:${assignmentId}`));
  expect((await lastMessage(c.memberA.id)).text).toContain("Báo cáo hoàn thành");
  await say(c.memberA, note);
  await pressButton(c.memberA, "📤 Gửi báo cáo");
}

describe("Đã hoàn thành → chờ xác nhận → xác nhận or trả lại", () => {
  it("waits for the monitoring office, which confirms it as done on time", async () => {
    const c = await makeCommittee();
    const id = c.tasksA.notDue.assignmentId;
    await reportDone(c, id, "Đã tổ chức sơ kết, có biên bản");
    expect((await lastMessage(c.memberA.id)).text).toContain(`chờ Ban Tổ chức ${c.tag} xác nhận`);
    expect(await assignment(id)).toEqual({ state: "awaiting_confirmation", progress: 100, reported: 1, completed: 0 });

    const toAdmin = await lastMessage(c.admin.id);
    expect(toAdmin.text).toContain("Đảng ủy xã An Bình");
    expect(toAdmin.text).toContain("Đã tổ chức sơ kết");
    await pressButton(c.admin, "✔ Xác nhận");
    expect(await assignment(id)).toMatchObject({ state: "done", completed: 1 });
    expect((await lastMessage(c.memberA.id)).text).toContain("hoàn thành đúng hạn");
    expect((await lastMessage(c.admin.id)).text).toContain("Đã xác nhận bởi");
  });

  it("an admin who reported a completion cannot confirm it themselves; a second admin can", async () => {
    const c = await makeCommittee();
    const second = await makeMember(c.monitor, "admin", "Phó ban");
    const id = c.tasksA.notDue.assignmentId;
    // The monitoring admin reports for the unit (they may), then presses Xác nhận on it.
    await postUpdate(callbackUpdate(c.admin, 1, `done:${id}`));
    await say(c.admin, "Đơn vị báo qua điện thoại: đã xong");
    await pressButton(c.admin, "📤 Gửi báo cáo");
    expect(await assignment(id)).toMatchObject({ state: "awaiting_confirmation" });
    const reportId = (await env.DB.prepare("select id from progress_reports where assignment_id = ? and kind = 'completion'")
      .bind(id)
      .first<{ id: number }>())!.id;

    await postUpdate(callbackUpdate(c.admin, 1, `cfm:${reportId}`));
    await postUpdate(callbackUpdate(c.admin, 1, `ret:${reportId}`));
    expect(await assignment(id)).toMatchObject({ state: "awaiting_confirmation", completed: 0 });
    expect(await env.DB.prepare("select review_status as s from progress_reports where id = ?").bind(reportId).first()).toEqual({
      s: "pending",
    });
    expect(
      await env.DB.prepare(
        "select count(*) as n from audit_log where entity = 'assignment' and entity_id = ? and action like 'completion.%'",
      )
        .bind(id)
        .first(),
    ).toEqual({ n: 0 });
    const answers = (await (await fetch(`${inject("fakeTelegramUrl")}/__fake/calls?since=0`)).json()) as {
      calls: { method: string; params: Record<string, unknown> }[];
    };
    expect(answers.calls.filter((call) => call.method === "answerCallbackQuery").map((call) => call.params.text)).toContain(
      "Người báo cáo hoàn thành không tự xác nhận được. Cần một quản trị viên khác của đơn vị theo dõi.",
    );

    // /duyet shows it to the reporter without the decision buttons, and says why.
    await postUpdate(callbackUpdate(c.admin, 1, `a:ai:c:${reportId}`));
    const item = await lastMessage(c.admin.id);
    expect(item.text).toContain("không tự xác nhận");
    expect(buttons(item).map((b) => b.text)).not.toContain("✔ Xác nhận");

    await postUpdate(callbackUpdate(second, 1, `cfm:${reportId}`));
    expect(await assignment(id)).toMatchObject({ state: "done", completed: 1 });
  });

  it("judges a completion reported after the deadline as late", async () => {
    const c = await makeCommittee();
    await reportDone(c, c.tasksA.overdue.assignmentId, "Xong muộn");
    await pressButton(c.admin, "✔ Xác nhận");
    expect((await lastMessage(c.memberA.id)).text).toContain("hoàn thành quá hạn");
  });

  it("returns it with a reason the unit is told, back to in progress", async () => {
    const c = await makeCommittee();
    const id = c.tasksA.dueSoon.assignmentId;
    await reportDone(c, id, "Đã xong");
    await pressButton(c.admin, "↩ Trả lại");
    expect(await say(c.admin, "Thiếu biên bản hội nghị")).toContain("Đã trả lại");
    expect(await assignment(id)).toMatchObject({ state: "in_progress", reported: 0 });
    const told = (await lastMessage(c.memberA.id)).text!;
    expect(told).toContain("trả lại");
    expect(told).toContain("Thiếu biên bản hội nghị");
  });

  it("decides once when two admins press at the same moment", async () => {
    const c = await makeCommittee();
    const second = await makeMember(c.monitor, "admin", "Phó ban");
    const id = c.tasksA.notDue.assignmentId;
    await reportDone(c, id, "Hoàn thành");
    const [m1, m2] = [await lastMessage(c.admin.id), await lastMessage(second.id)];
    const confirm = (m: typeof m1) => buttons(m).find((b) => b.text === "✔ Xác nhận")!.data!;
    await Promise.all([
      postUpdate(callbackUpdate(c.admin, m1.message_id, confirm(m1))),
      postUpdate(callbackUpdate(second, m2.message_id, confirm(m2))),
    ]);
    const audit = await env.DB.prepare(
      "select count(*) as n from audit_log where action = 'completion.confirmed' and entity_id = ?",
    )
      .bind(id)
      .first<{ n: number }>();
    expect(audit!.n).toBe(1);
    const confirmations = (await chatMessages(c.memberA.id)).filter((m) => m.text?.includes("đã được xác nhận"));
    expect(confirmations).toHaveLength(1);
  });

  it("refuses confirmation by a member or an admin of another committee", async () => {
    const c = await makeCommittee();
    const other = await makeCommittee();
    const id = c.tasksA.notDue.assignmentId;
    await reportDone(c, id, "Hoàn thành");
    const data = buttons(await lastMessage(c.admin.id)).find((b) => b.text === "✔ Xác nhận")!.data!;
    await postUpdate(callbackUpdate(c.memberA, 1, data));
    await postUpdate(callbackUpdate(other.admin, 1, data));
    expect(await assignment(id)).toMatchObject({ state: "awaiting_confirmation" });
  });

  it("offers no more reporting while waiting", async () => {
    const c = await makeCommittee();
    const id = c.tasksA.notDue.assignmentId;
    await reportDone(c, id, "Hoàn thành");
    await postUpdate(callbackUpdate(c.memberA, 1, `rp:${id}`));
    const reports = await env.DB.prepare("select count(*) as n from progress_reports where assignment_id = ?")
      .bind(id)
      .first<{ n: number }>();
    expect(reports!.n).toBe(1);
  });
});
