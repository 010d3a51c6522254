import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { buttons, chatMessages, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee, makeMember } from "../support/fixtures";
import { callbackUpdate, documentUpdate, postUpdate } from "../support/webhook";

const assignmentRow = (id: number) =>
  env.DB.prepare("select state, progress, last_report_at is not null as reported from assignments where id = ?").bind(id).first();
const reportsOf = (id: number) =>
  env.DB.prepare("select kind, percent, note, evidence from progress_reports where assignment_id = ? order by id").bind(id).all();
const audits = (id: number) =>
  env.DB.prepare("select action from audit_log where entity = 'assignment' and entity_id = ?").bind(id).all();

async function openCard(user: Parameters<typeof say>[0], title: string) {
  await say(user, "/viec");
  const list = await lastMessage(user.id);
  const lines = list.text!.split("\n");
  const number = lines
    .find((l) => l.includes(title))!
    .split(".")[0]!
    .trim();
  await pressButton(user, number);
}

describe("Báo cáo tiến độ", () => {
  it("records percentage, note and evidence in one go, and the card shows it", async () => {
    const c = await makeCommittee();
    await openCard(c.memberA, c.tasksA.dueSoon.title);
    await pressButton(c.memberA, "📝 Báo cáo tiến độ");
    expect((await lastMessage(c.memberA.id)).text).toContain("Tiến độ hiện tại: 0%");
    await pressButton(c.memberA, "50%");
    expect(await say(c.memberA, "Đã họp triển khai, đang dự thảo kế hoạch")).toContain("minh chứng");
    await postUpdate(documentUpdate(c.memberA, { name: "bien-ban-hop.pdf", mime: "application/pdf", size: 120_000 }));
    expect((await lastMessage(c.memberA.id)).text).toContain("Đã nhận bien-ban-hop.pdf (1/5)");
    await pressButton(c.memberA, "📤 Gửi báo cáo");
    expect((await lastMessage(c.memberA.id)).text).toContain("Đã ghi nhận báo cáo tiến độ 50%");

    expect(await assignmentRow(c.tasksA.dueSoon.assignmentId)).toEqual({ state: "in_progress", progress: 50, reported: 1 });
    const reports = (await reportsOf(c.tasksA.dueSoon.assignmentId)).results;
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ kind: "progress", percent: 50, note: "Đã họp triển khai, đang dự thảo kế hoạch" });
    expect(JSON.parse(reports[0]!.evidence as string)[0]).toMatchObject({ name: "bien-ban-hop.pdf", kind: "document" });
    expect((await audits(c.tasksA.dueSoon.assignmentId)).results).toEqual([{ action: "report.progress" }]);

    await pressButton(c.memberA, "Mở nhiệm vụ");
    const card = (await lastMessage(c.memberA.id)).text!;
    expect(card).toContain("50%");
    expect(card).toContain("Đã họp triển khai");
  });

  it("accepts a typed percentage and refuses nonsense without saving anything", async () => {
    const c = await makeCommittee();
    await openCard(c.memberA, c.tasksA.notDue.title);
    await pressButton(c.memberA, "📝 Báo cáo tiến độ");
    expect(await say(c.memberA, "150")).toContain("chỉ từ 0 đến 100");
    expect(await say(c.memberA, "một nửa")).toContain("số nguyên từ 0 đến 100");
    expect(await say(c.memberA, "-5")).toContain("chỉ từ 0 đến 100");
    expect(await say(c.memberA, "30%")).toContain("Tiến độ mới: 30%");
    expect(await say(c.memberA, "   ")).toContain("không được để trống");
    expect(await say(c.memberA, "x".repeat(1001))).toContain("quá giới hạn 1000");
    expect((await reportsOf(c.tasksA.notDue.assignmentId)).results).toEqual([]);
    expect(await assignmentRow(c.tasksA.notDue.assignmentId)).toMatchObject({ progress: 0, state: "open" });
  });

  it("a forged percentage button (999, 101) matches nothing and saves nothing", async () => {
    const c = await makeCommittee();
    await openCard(c.memberA, c.tasksA.notDue.title);
    await pressButton(c.memberA, "📝 Báo cáo tiến độ");
    const menu = (await chatMessages(c.memberA.id)).findLast((m) => buttons(m).some((b) => b.text === "50%"))!;
    const fifty = buttons(menu).find((b) => b.text === "50%")!.data!;
    for (const forged of ["999", "101", "100000"]) {
      await postUpdate(callbackUpdate(c.memberA, menu.message_id, fifty.replace(/p50$/, `p${forged}`)));
    }
    expect((await lastMessage(c.memberA.id)).text).not.toContain("Tiến độ mới");
    await say(c.memberA, "Ghi chú");
    expect((await reportsOf(c.tasksA.notDue.assignmentId)).results).toEqual([]);
    expect(await assignmentRow(c.tasksA.notDue.assignmentId)).toMatchObject({ progress: 0, state: "open" });
  });

  it("refuses evidence of the wrong kind or too large", async () => {
    const c = await makeCommittee();
    await openCard(c.memberA, c.tasksA.notDue.title);
    await pressButton(c.memberA, "📝 Báo cáo tiến độ");
    await pressButton(c.memberA, "25%");
    await say(c.memberA, "Đang làm");
    await postUpdate(documentUpdate(c.memberA, { name: "virus.exe", mime: "application/x-msdownload", size: 1000 }));
    expect((await lastMessage(c.memberA.id)).text).toContain("Chỉ nhận tệp PDF");
    await postUpdate(documentUpdate(c.memberA, { name: "video.pdf", mime: "application/pdf", size: 25 * 1024 * 1024 }));
    expect((await lastMessage(c.memberA.id)).text).toContain("lớn hơn 20 MB");
    await pressButton(c.memberA, "📤 Gửi báo cáo");
    const reports = (await reportsOf(c.tasksA.notDue.assignmentId)).results;
    expect(reports).toHaveLength(1);
    expect(reports[0]!.evidence).toBeNull();
  });

  it("stores one report when Gửi is tapped twice, even at the same moment", async () => {
    const c = await makeCommittee();
    await openCard(c.memberA, c.tasksA.notDue.title);
    await pressButton(c.memberA, "📝 Báo cáo tiến độ");
    await pressButton(c.memberA, "75%");
    await say(c.memberA, "Gần xong");
    const message = await lastMessage(c.memberA.id);
    const send = buttons(message).find((b) => b.text === "📤 Gửi báo cáo")!;
    await Promise.all([1, 2].map(() => postUpdate(callbackUpdate(c.memberA, message.message_id, send.data!))));
    await postUpdate(callbackUpdate(c.memberA, message.message_id, send.data!));
    expect((await reportsOf(c.tasksA.notDue.assignmentId)).results).toHaveLength(1);
  });

  it("can be cancelled at any step, leaving nothing behind", async () => {
    const c = await makeCommittee();
    await openCard(c.memberA, c.tasksA.notDue.title);
    await pressButton(c.memberA, "📝 Báo cáo tiến độ");
    await pressButton(c.memberA, "50%");
    expect(await say(c.memberA, "/huy")).toBe("Đã hủy. Không có gì được lưu.");
    expect(await say(c.memberA, "Ghi chú lạc")).toContain("Tôi chưa hiểu");
    expect((await reportsOf(c.tasksA.notDue.assignmentId)).results).toEqual([]);
    expect(await say(c.memberA, "/huy")).toBe("Không có việc nào đang làm dở.");
  });

  it("expires a forgotten flow cleanly and says so", async () => {
    const c = await makeCommittee();
    await openCard(c.memberA, c.tasksA.notDue.title);
    await pressButton(c.memberA, "📝 Báo cáo tiến độ");
    await env.DB.prepare("update conversations set expires_at = '2000-01-01T00:00:00.000Z' where member_id = ?")
      .bind(c.memberA.memberId)
      .run();
    expect(await say(c.memberA, "40")).toContain("đã hết hạn");
    expect((await reportsOf(c.tasksA.notDue.assignmentId)).results).toEqual([]);
  });

  it("answers a button from a finished flow politely", async () => {
    const c = await makeCommittee();
    await openCard(c.memberA, c.tasksA.notDue.title);
    await pressButton(c.memberA, "📝 Báo cáo tiến độ");
    const percentMessage = await lastMessage(c.memberA.id);
    await say(c.memberA, "/huy");
    const stale = buttons(percentMessage).find((b) => b.text === "50%")!;
    const response = await postUpdate(callbackUpdate(c.memberA, percentMessage.message_id, stale.data!));
    expect(response.status).toBe(200);
    expect((await reportsOf(c.tasksA.notDue.assignmentId)).results).toEqual([]);
  });

  it("refuses viewers and members of other units", async () => {
    const c = await makeCommittee();
    const before = (await chatMessages(c.memberB.id)).length;
    await postUpdate(callbackUpdate(c.memberB, 1, `rp:${c.tasksA.notDue.assignmentId}`));
    await postUpdate(callbackUpdate(c.viewer, 1, `rp:${c.tasksA.notDue.assignmentId}`));
    expect(await chatMessages(c.memberB.id)).toHaveLength(before);
    expect((await reportsOf(c.tasksA.notDue.assignmentId)).results).toEqual([]);
    const viewerOfA = await makeMember(c.unitA, "viewer");
    expect(await say(viewerOfA, "/baocao")).toContain("không có quyền");
  });

  it("/baocao asks which task first", async () => {
    const c = await makeCommittee();
    await say(c.memberA, "/baocao");
    const labels = buttons(await lastMessage(c.memberA.id)).map((b) => b.text);
    expect(labels.some((l) => l.includes("Tổ chức hội nghị"))).toBe(true);
    expect(labels.some((l) => l.includes("Rà soát"))).toBe(false); // already done
    await pressButton(c.memberA, /Xây dựng kế hoạch/);
    expect((await lastMessage(c.memberA.id)).text).toContain("Báo cáo tiến độ");
  });
});
