import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { chatMessages, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { callbackUpdate, postUpdate } from "../support/webhook";

/**
 * What users typed comes back shortened before it is escaped: a 5,000-character
 * search or a reason of 1,000 "<" (4,000 characters once escaped) must neither
 * push a reply past Telegram's 4,096 characters nor be cut inside "&lt;"; and
 * escaped text is sent as HTML, so "&" never shows as "&amp;".
 */
describe("echoing what users typed", () => {
  it.each(["/donvi", "/nhiemvu", "/canbo"])(
    "%s with a 5,000-character term answers, shortened, with & shown as &",
    async (command) => {
      const c = await makeCommittee();
      const term = `Ả&B<${"x".repeat(5000)}`;
      const before = (await chatMessages(c.admin.id)).length;
      await say(c.admin, `${command} ${term}`);
      const messages = await chatMessages(c.admin.id);
      expect(messages.length).toBe(before + 1);
      const text = messages.at(-1)!.text!;
      expect(text).toContain("Không tìm thấy");
      expect(text).toContain("«Ả&B<x");
      expect(text).not.toContain("&amp;");
      expect(text.length).toBeLessThan(400);
    },
  );

  it("/tamdung with a bad date shows it as typed, not as &amp;", async () => {
    const c = await makeCommittee();
    expect(await say(c.memberA, "/tamdung a&b")).not.toContain("&amp;");
  });

  it("a return reason of 1,000 '<' keeps the unit's history and the office's history readable", async () => {
    const c = await makeCommittee();
    const id = c.tasksA.notDue.assignmentId;
    await postUpdate(callbackUpdate(c.memberA, 1, `done:${id}`));
    await say(c.memberA, "Đã xong, có biên bản");
    await pressButton(c.memberA, "📤 Gửi báo cáo");
    await pressButton(c.admin, "↩ Trả lại");
    const reason = "<".repeat(1000);
    expect(await say(c.admin, reason)).toContain("Đã trả lại");
    expect(await env.DB.prepare("select state from assignments where id = ?").bind(id).first()).toEqual({ state: "in_progress" });
    // The unit is told, with the reason shortened.
    const told = (await lastMessage(c.memberA.id)).text!;
    expect(told).toContain("trả lại");
    expect(told).toContain("<<<<");

    const count = (await chatMessages(c.memberA.id)).length;
    await postUpdate(callbackUpdate(c.memberA, 1, `hist:${id}`));
    const history = await chatMessages(c.memberA.id);
    expect(history.length).toBe(count + 1);
    expect(history.at(-1)!.text).toContain("Đã xong, có biên bản");

    await say(c.admin, "/nhiemvu 3");
    await pressButton(c.admin, /Toàn bộ lịch sử/);
    const office = await chatMessages(c.admin.id);
    expect(office.at(-1)!.text).toContain("Lịch sử");
    expect(office.at(-1)!.text).toContain("Đã xong, có biên bản");
    expect(office.at(-1)!.text).not.toMatch(/&[a-z]*…/);
  });
});
