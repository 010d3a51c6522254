import { describe, expect, it } from "vitest";
import { buttons, lastMessage } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { callbackUpdate, newTelegramId, postUpdate, textUpdate } from "../support/webhook";

describe("/viec: my unit's tasks", () => {
  it("lists the unit's assignments, most urgent first, with status and deadline", async () => {
    const c = await makeCommittee();
    await postUpdate(textUpdate(c.memberA, "/viec"));
    const text = (await lastMessage(c.memberA.id)).text!;
    const order = [c.tasksA.overdue, c.tasksA.dueSoon, c.tasksA.ongoing, c.tasksA.notDue, c.tasksA.done].map((t) =>
      text.indexOf(t.title),
    );
    expect(order.every((pos) => pos >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(text).toMatch(/Quá hạn · 1 Tổ chức hội nghị[^\n]*\n\s*Hạn: trước ngày hôm qua · \d{2}\/\d{2}\/\d{4} · quá 1 ngày/);
    expect(text).toMatch(/Sắp đến hạn · 2 Xây dựng kế hoạch[^\n]*\n\s*Hạn: [^\n]*còn 3 ngày/);
    expect(text).toContain("Thường xuyên · chưa báo cáo kỳ này · 4 Tuyên truyền");
    expect(text).toContain("Hoàn thành đúng hạn · 5 Rà soát");
  });

  it("never shows another unit's assignments", async () => {
    const c = await makeCommittee();
    await postUpdate(textUpdate(c.memberA, "/viec"));
    expect((await lastMessage(c.memberA.id)).text).not.toContain(c.tasksB.onlyB.title);
    await postUpdate(textUpdate(c.memberB, "/viec"));
    const textB = (await lastMessage(c.memberB.id)).text!;
    expect(textB).toContain(c.tasksB.onlyB.title);
    expect(textB).not.toContain(c.tasksA.overdue.title);
  });

  it("opens a task card from its number button", async () => {
    const c = await makeCommittee();
    await postUpdate(textUpdate(c.memberA, "/viec"));
    const list = await lastMessage(c.memberA.id);
    const first = buttons(list).find((b) => b.text === "1")!;
    await postUpdate(callbackUpdate(c.memberA, list.message_id, first.data!));
    const card = await lastMessage(c.memberA.id);
    expect(card.text).toContain(c.tasksA.overdue.title);
    expect(card.text).toContain("Chủ trì: Đảng ủy xã An Bình");
    expect(card.text).toContain("Quá hạn");
  });

  it("refuses a forged button for another unit's task", async () => {
    const c = await makeCommittee();
    await postUpdate(textUpdate(c.memberA, "/viec"));
    const list = await lastMessage(c.memberA.id);
    await postUpdate(callbackUpdate(c.memberA, list.message_id, `task:${c.tasksB.onlyB.assignmentId}`));
    expect((await lastMessage(c.memberA.id)).text).not.toContain(c.tasksB.onlyB.title);
  });

  it("tells a unit with no assignments so", async () => {
    const c = await makeCommittee();
    await postUpdate(textUpdate(c.viewer, "/viec"));
    expect((await lastMessage(c.viewer.id)).text).toContain("chưa được giao nhiệm vụ");
  });

  it("tells a non-member how to join and reveals nothing", async () => {
    await makeCommittee();
    const user = { id: newTelegramId(), firstName: "Lạ" };
    await postUpdate(textUpdate(user, "/viec"));
    const text = (await lastMessage(user.id)).text!;
    expect(text).toContain("chưa tham gia");
    expect(text).not.toMatch(/Đảng ủy|Nhiệm vụ của/);
  });
});

describe("unknown input", () => {
  it("answers an unknown command with the help command", async () => {
    const { memberA } = await makeCommittee();
    await postUpdate(textUpdate(memberA, "/xyz"));
    expect((await lastMessage(memberA.id)).text).toBe("Không có lệnh /xyz. Gõ /trogiup để xem các lệnh dùng được.");
  });

  it("answers free text with the next step", async () => {
    const { memberA } = await makeCommittee();
    await postUpdate(textUpdate(memberA, "cho tôi xem việc"));
    expect((await lastMessage(memberA.id)).text).toContain("/viec");
  });

  it("lists only the commands the user's role can use", async () => {
    const c = await makeCommittee();
    await postUpdate(textUpdate(c.memberA, "/trogiup"));
    const member = (await lastMessage(c.memberA.id)).text!;
    expect(member).not.toContain("/moi");
    expect(member).not.toContain("/tongquan");
    expect(member).toContain("/chitieu — chỉ tiêu đơn vị phụ trách");
    await postUpdate(textUpdate(c.admin, "/trogiup"));
    const admin = (await lastMessage(c.admin.id)).text!;
    expect(admin).toContain("/moi");
    // /chitieu once, as the plan's screen.
    expect(admin.match(/\/chitieu/g)).toHaveLength(1);
    expect(admin).toContain("/chitieu — chỉ tiêu: số liệu mới nhất so với chỉ tiêu đề ra");
  });
});
