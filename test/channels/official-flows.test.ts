import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { drivers, openTask, type ChatDriver } from "../support/chat-driver";
import { makeCommittee, makeInvite, makeMember } from "../support/fixtures";
import { newTelegramId } from "../support/webhook";

const reportsOf = (assignmentId: number) =>
  env.DB.prepare("select kind, percent, note, evidence, review_status from progress_reports where assignment_id = ? order by id")
    .bind(assignmentId)
    .all();

/** A committee whose people are reachable on the channel under test. */
async function committeeOn(chat: ChatDriver) {
  const c = await makeCommittee();
  for (const person of [c.admin, c.memberA, c.memberB, c.viewer]) await chat.link(person);
  return c;
}

describe.each(drivers)("an official's flows on $channel", (chat) => {
  it("joins with an invite code and sees the unit's tasks", async () => {
    const c = await committeeOn(chat);
    const code = await makeInvite(c.unitA, { role: "member" });
    const newcomer = { id: newTelegramId(), firstName: "Tâm" };
    expect(await chat.say(newcomer, "/viec")).toContain("chưa tham gia");
    expect(await chat.say(newcomer, `/start ${code}`)).toContain(`Đảng ủy xã An Bình ${c.tag}`);
    const row = await env.DB.prepare(
      "select m.unit_id, m.role, mc.channel from members m join member_channels mc on mc.member_id = m.id where m.full_name = 'Tâm' and m.unit_id = ?",
    )
      .bind(c.unitA)
      .first();
    expect(row).toEqual({ unit_id: c.unitA, role: "member", channel: chat.channel });
    expect(await chat.say(newcomer, "/viec")).toContain(c.tasksA.dueSoon.title);
  });

  it("reports progress: a percentage, a note and evidence, in one report; the card shows it", async () => {
    const c = await committeeOn(chat);
    const card = await openTask(chat, c.memberA, c.tasksA.dueSoon.title);
    expect(card).toContain(c.tasksA.dueSoon.title);
    await chat.press(c.memberA, "📝 Báo cáo tiến độ");
    expect(await chat.last(c.memberA)).toContain("Tiến độ hiện tại: 0%");
    await chat.press(c.memberA, "50%");
    expect(await chat.say(c.memberA, "Đã họp triển khai, đang dự thảo kế hoạch")).toContain("minh chứng");
    expect(await chat.sendEvidence(c.memberA)).toContain("(1/5)");
    await chat.press(c.memberA, "📤 Gửi báo cáo");
    expect(await chat.last(c.memberA)).toContain("Đã ghi nhận báo cáo tiến độ 50%");

    const reports = (await reportsOf(c.tasksA.dueSoon.assignmentId)).results;
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ kind: "progress", percent: 50, note: "Đã họp triển khai, đang dự thảo kế hoạch" });
    const evidence = JSON.parse(reports[0]!.evidence as string) as { fileId: string; kind: string }[];
    expect(evidence).toHaveLength(1);
    // Zalo's photo URLs expire: the photo is kept in R2 at once.
    if (chat.channel === "zalo") {
      expect(evidence[0]!.fileId).toMatch(/^r2:evidence\/zalo\//);
      expect(await env.FILES!.head(evidence[0]!.fileId.slice(3))).not.toBeNull();
    }
    await chat.press(c.memberA, "Mở nhiệm vụ");
    expect(await chat.last(c.memberA)).toContain("Đã họp triển khai");
  });

  it("takes a typed percentage as the answer, not as a menu choice, and refuses nonsense", async () => {
    const c = await committeeOn(chat);
    await openTask(chat, c.memberA, c.tasksA.notDue.title);
    await chat.press(c.memberA, "📝 Báo cáo tiến độ");
    expect(await chat.say(c.memberA, "150")).toContain("chỉ từ 0 đến 100");
    expect(await chat.say(c.memberA, "2")).toContain("Tiến độ mới: 2%");
    expect((await reportsOf(c.tasksA.notDue.assignmentId)).results).toEqual([]);
  });

  it("a completion waits for the office, whose admin confirms it; the reporter hears the decision", async () => {
    const c = await committeeOn(chat);
    await openTask(chat, c.memberA, c.tasksA.dueSoon.title);
    await chat.press(c.memberA, "✅ Đã hoàn thành");
    await chat.say(c.memberA, "Đã ban hành kế hoạch số 12-KH/ĐU");
    await chat.press(c.memberA, "📤 Gửi báo cáo");
    expect(await chat.last(c.memberA)).toContain("chờ");

    const notice = await chat.last(c.admin);
    expect(notice).toContain("báo cáo hoàn thành");
    expect(notice).toContain("Đã ban hành kế hoạch số 12-KH/ĐU");
    await chat.press(c.admin, "✔ Xác nhận");
    expect((await reportsOf(c.tasksA.dueSoon.assignmentId)).results[0]).toMatchObject({
      kind: "completion",
      review_status: "confirmed",
    });
    expect(await chat.last(c.memberA)).toContain("xác nhận");
  });

  it("asks for an extension with a typed date; the admin grants it", async () => {
    const c = await committeeOn(chat);
    await openTask(chat, c.memberA, c.tasksA.dueSoon.title);
    await chat.press(c.memberA, "⏳ Xin gia hạn");
    expect(await chat.say(c.memberA, "31/02/2027")).toMatch(/ngày|hạn/);
    const proposed = addDays(vietnamDate(new Date()), 30);
    await chat.say(c.memberA, formatDate(proposed));
    await chat.say(c.memberA, "Chờ ý kiến của cấp trên");
    expect(await chat.last(c.admin)).toContain("Chờ ý kiến của cấp trên");
    await chat.press(c.admin, "✔ Đồng ý");
    const row = await env.DB.prepare("select status from extension_requests where assignment_id = ?")
      .bind(c.tasksA.dueSoon.assignmentId)
      .first();
    expect(row).toEqual({ status: "approved" });
    expect(await chat.last(c.memberA)).toContain(formatDate(proposed));
  });

  it("answers a recurring duty's check-in", async () => {
    const c = await committeeOn(chat);
    await openTask(chat, c.memberA, c.tasksA.ongoing.title);
    await chat.press(c.memberA, "🔁 Báo cáo kỳ này");
    await chat.say(c.memberA, "Đã phát 12 buổi trên loa truyền thanh");
    await chat.press(c.memberA, "📤 Gửi báo cáo");
    expect((await reportsOf(c.tasksA.ongoing.assignmentId)).results).toMatchObject([{ kind: "checkin" }]);
  });

  it("pauses and resumes alerts", async () => {
    const c = await committeeOn(chat);
    const until = formatDate(addDays(vietnamDate(new Date()), 10));
    expect(await chat.say(c.memberA, `/tamdung ${until}`)).toContain(until);
    expect(await chat.say(c.memberA, "/tieptuc")).toContain("bật lại");
  });

  it("refuses another unit's task and unknown commands, changing nothing", async () => {
    const c = await committeeOn(chat);
    expect(await chat.say(c.memberA, "/xyz")).toContain("Không có lệnh /xyz");
    const list = await chat.say(c.memberB, "/viec");
    expect(list).not.toContain(c.tasksA.dueSoon.title);
    const outsider = await makeMember(c.unitB, "viewer", "Xem");
    await chat.link(outsider);
    expect(await chat.say(outsider, "/baocao")).toMatch(/không|chỉ/i);
  });
});

describe("one member, two channels", () => {
  it("links Zalo with a one-time code from Telegram; alerts and tasks then reach both", async () => {
    const { telegramDriver: telegram, zaloDriver: zalo } = await import("../support/chat-driver");
    const c = await makeCommittee();
    const codeText = await telegram.say(c.memberA, "/lienket");
    const code = /\/lienket ([A-Z0-9]{8})/.exec(codeText)![1]!;
    expect(await zalo.say(c.memberA, "/lienket SAIMA999")).toContain("không đúng");
    expect(await zalo.say(c.memberA, `/lienket ${code}`)).toContain("Đã liên kết");
    expect(await zalo.say(c.memberA, "/viec")).toContain(c.tasksA.dueSoon.title);
    const channels = await env.DB.prepare("select channel from member_channels where member_id = ? order by channel")
      .bind(c.memberA.memberId)
      .all();
    expect(channels.results).toEqual([{ channel: "telegram" }, { channel: "zalo" }]);
    // A code works once.
    const other = { id: newTelegramId(), firstName: "Khác" };
    expect(await zalo.say(other, `/lienket ${code}`)).toContain("không đúng");
  });
});
