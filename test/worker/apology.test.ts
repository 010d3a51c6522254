import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { fakeTelegram } from "../alerts/helpers";
import { lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";

/**
 * Issue 18, item 7: when the write went through but the confirmation could
 * not be sent, the apology says the report was saved; "nothing saved" made
 * people send it again and duplicate it.
 */
describe("an apology after a committed write", () => {
  it("tells the official the report was saved, and not to send it again", async () => {
    const c = await makeCommittee();
    await say(c.memberA, "/viec");
    const list = await lastMessage(c.memberA.id);
    const line = list.text!.split("\n").find((l) => l.includes(c.tasksA.dueSoon.title))!;
    await pressButton(c.memberA, /^\d+/.exec(line.trim())![0]);
    await pressButton(c.memberA, "✅ Đã hoàn thành");
    await say(c.memberA, "Đã xong phần việc");
    // The confirmation that follows the saved report fails (Telegram refuses it).
    await fakeTelegram({
      failNext: { count: 1, chatId: c.memberA.id, status: 400, description: "Bad Request: message is too long" },
    });
    await pressButton(c.memberA, "📤 Gửi báo cáo");
    const reports = await env.DB.prepare("select count(*) as n from progress_reports where member_id = ?1")
      .bind(c.memberA.memberId)
      .first<{ n: number }>();
    expect(reports!.n).toBe(1);
    const apology = (await lastMessage(c.memberA.id)).text ?? "";
    expect(apology).toContain("đã được lưu");
    expect(apology).not.toContain("chưa lưu gì");
  });

  it("still says nothing was saved when the handler failed before writing", async () => {
    const c = await makeCommittee();
    await fakeTelegram({
      failNext: { count: 1, chatId: c.memberA.id, status: 400, description: "Bad Request: can't parse entities" },
    });
    await say(c.memberA, "/viec");
    expect((await lastMessage(c.memberA.id)).text).toContain("chưa lưu gì");
  });
});
