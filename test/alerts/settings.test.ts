import { eq } from "drizzle-orm";
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { alertMutes, members } from "../../db/schema";
import { buttons, chatMessages, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeMember, testDb } from "../support/fixtures";
import { callbackUpdate, postUpdate, type TestUser } from "../support/webhook";
import { addTask, alertEnv, deliver, makeAlertUnit, messagesFor, outboxOf, RecordingQueue, runCron, vn } from "./helpers";

const memberRow = async (memberId: number) => (await testDb().select().from(members).where(eq(members.id, memberId)))[0]!;

/** Presses a button by its data and returns the toast the bot answered with. */
async function press(user: TestUser, messageId: number, data: string): Promise<string | undefined> {
  const base = callbackUpdate(user, messageId, data);
  // an id of our own: other test files number their callback queries from the same start
  const update = { ...base, callback_query: { ...base.callback_query!, id: crypto.randomUUID() } };
  await postUpdate(update);
  const response = await fetch(`${inject("fakeTelegramUrl")}/__fake/calls?method=answerCallbackQuery`);
  const { calls } = (await response.json()) as { calls: { params: { callback_query_id?: string; text?: string } }[] };
  return calls.find((c) => c.params.callback_query_id === update.callback_query.id)?.params.text;
}

const buttonData = async (user: TestUser, label: string) => {
  const message = await lastMessage(user.id);
  return { messageId: message.message_id, data: buttons(message).find((b) => b.text === label)!.data! };
};

describe("/tamdung and /tieptuc: pausing every alert", () => {
  it("pauses until a date, says so, and /tieptuc turns alerts back on", async () => {
    const u = await makeAlertUnit();
    const today = vietnamDate(new Date());
    const until = addDays(today, 10);

    expect(await say(u.member, "/tamdung")).toContain("/tamdung ngày/tháng/năm");
    expect(await say(u.member, `/tamdung ${formatDate(until)}`)).toContain(
      `Đã tạm dừng mọi nhắc việc đến hết ngày ${formatDate(until)}`,
    );
    expect((await memberRow(u.member.memberId)).pausedUntil).toBe(until);
    expect(await say(u.member, "/tamdung")).toContain(`Nhắc việc đang tạm dừng đến hết ngày ${formatDate(until)}`);

    expect(await say(u.member, "/tieptuc")).toBe("Đã bật lại nhắc việc.");
    expect((await memberRow(u.member.memberId)).pausedUntil).toBeNull();
    expect(await say(u.member, "/tieptuc")).toBe("Nhắc việc đang bật, không có gì phải bật lại.");
  });

  it("refuses a malformed date, a date in the past or years ahead, and changes nothing", async () => {
    const u = await makeAlertUnit();
    const yesterday = addDays(vietnamDate(new Date()), -1);
    expect(await say(u.member, "/tamdung 31/02/2027")).toMatch(
      /^Không hiểu ngày «31\/02\/2027»\. Hãy gõ theo dạng ngày\/tháng\/năm/,
    );
    expect(await say(u.member, "/tamdung tuần sau")).toContain("Không hiểu ngày «tuần sau»");
    expect(await say(u.member, `/tamdung ${formatDate(yesterday)}`)).toBe(
      `Ngày ${formatDate(yesterday)} đã qua. Hãy chọn một ngày từ hôm nay trở đi.`,
    );
    expect(await say(u.member, "/tamdung 1/1/2099")).toContain("Chỉ tạm dừng được tối đa một năm");
    expect((await memberRow(u.member.memberId)).pausedUntil).toBeNull();
  });
});

describe("/tamnghi: who gets no alerts", () => {
  it("admins see who paused, until when, and who blocked the bot; members may not ask", async () => {
    const u = await makeAlertUnit();
    const until = addDays(vietnamDate(new Date()), 5);
    await say(u.member, `/tamdung ${formatDate(until)}`);
    await testDb().update(members).set({ unreachableSince: new Date().toISOString() }).where(eq(members.id, u.member2.memberId));

    const text = await say(u.admin, "/tamnghi");
    expect(text).toContain("Cán bộ không nhận nhắc việc");
    expect(text).toContain(`Lan ${u.member.id} · Đảng ủy xã Tân Lập ${u.tag} · tạm dừng đến ${formatDate(until)}`);
    expect(text).toContain(`Hùng ${u.member2.id} · Đảng ủy xã Tân Lập ${u.tag} · đã chặn bot từ`);
    expect(text).not.toContain(`Bí thư ${u.leader.id}`);

    expect(await say(u.member2, "/tamnghi")).toBe("Chỉ người quản trị mới dùng được lệnh này.");
  });

  it("lists the commands in /trogiup", async () => {
    const u = await makeAlertUnit();
    const memberHelp = await say(u.member, "/trogiup");
    expect(memberHelp).toContain("/tamdung");
    expect(memberHelp).toContain("/tieptuc");
    expect(memberHelp).not.toContain("/tamnghi");
    expect(await say(u.admin, "/trogiup")).toContain("/tamnghi");
  });
});

describe("muting one task from its alert", () => {
  it("“Tắt nhắc việc này” → 7 ngày: no more alerts for that task to that member until the mute ends", async () => {
    const u = await makeAlertUnit();
    const queue = new RecordingQueue();
    const e = alertEnv(queue);
    const today = vietnamDate(new Date());
    const task = await addTask(u.planId, u.unit, { ref: "1", title: "Hoàn thiện hồ sơ", due: addDays(today, 1) });
    await runCron(e, vn(today));
    await deliver(e, await messagesFor(queue.take(), [u.member.memberId]));
    const alert = await lastMessage(u.member.id);
    expect(alert.text).toContain("Hoàn thiện hồ sơ");

    await pressButton(u.member, "🔕 Tắt nhắc việc này");
    expect(buttons(await lastMessage(u.member.id)).map((b) => b.text)).toEqual(["7 ngày", "30 ngày", "« Quay lại"]);
    const seven = await buttonData(u.member, "7 ngày");
    const until = formatDate(addDays(today, 6));
    expect(await press(u.member, seven.messageId, seven.data)).toBe(`Đã tắt nhắc nhiệm vụ này đến hết ngày ${until}.`);
    const after = await lastMessage(u.member.id);
    expect(after.text).toBe(alert.text);
    expect(buttons(after).map((b) => b.text)).toEqual(["📄 Mở nhiệm vụ", "✍️ Báo cáo tiến độ", `🔕 Đã tắt nhắc đến ${until}`]);

    // tomorrow is the due day: the other member is reminded, the one who muted is not
    await runCron(e, vn(addDays(today, 1)));
    expect((await outboxOf(u.member.memberId)).filter((r) => r.subject === `assignment:${task}`)).toHaveLength(1);
    expect((await outboxOf(u.member2.memberId)).filter((r) => r.subject === `assignment:${task}`)).toHaveLength(2);
    expect(await chatMessages(u.member.id)).toHaveLength(1);
  });

  it("“« Quay lại” mutes nothing; another unit's task cannot be muted", async () => {
    const u = await makeAlertUnit();
    const queue = new RecordingQueue();
    const e = alertEnv(queue);
    const today = vietnamDate(new Date());
    const task = await addTask(u.planId, u.unit, { ref: "2", due: addDays(today, 1) });
    await runCron(e, vn(today));
    await deliver(e, await messagesFor(queue.take(), [u.member.memberId]));
    await pressButton(u.member, "🔕 Tắt nhắc việc này");
    await pressButton(u.member, "« Quay lại");
    expect(buttons(await lastMessage(u.member.id)).map((b) => b.data)).toEqual([`task:${task}`, `rp:${task}`, `am:${task}`]);

    const stranger = await makeMember(u.root, "member", "Người ngoài");
    expect(await press(stranger, 1, `am:${task}:30`)).toBe("Nhiệm vụ này không thuộc đơn vị của đồng chí.");
    const mutes = await testDb().select().from(alertMutes).where(eq(alertMutes.assignmentId, task));
    expect(mutes).toEqual([]);
  });
});
