import { describe, expect, inject, it } from "vitest";
import { pressButton, say } from "../support/fake-telegram";
import { makeCommittee, makeInvite, makeMember } from "../support/fixtures";
import { TEST_BOT_TOKEN } from "../support/constants";
import { newTelegramId, postUpdate, textUpdate } from "../support/webhook";

/** The "/" menu Telegram shows in this person's chat: the chat's own, as the fake Bot API keeps it. */
async function menuOf(chatId: number): Promise<string[]> {
  const response = await fetch(`${inject("fakeTelegramUrl")}/bot${TEST_BOT_TOKEN}/getMyCommands`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scope: { type: "chat", chat_id: chatId } }),
  });
  const body = (await response.json()) as { result: { command: string }[] };
  return body.result.map((c) => c.command);
}

describe("the command menu", () => {
  it("gives each person who joins the commands of their role", async () => {
    const c = await makeCommittee();
    const joinAs = async (role: "member" | "viewer" | "admin") => {
      const user = { id: newTelegramId(), firstName: "Mới" };
      await postUpdate(textUpdate(user, `/start ${await makeInvite(role === "member" ? c.unitA : c.monitor, { role })}`));
      return menuOf(user.id);
    };

    const member = await joinAs("member");
    expect(member).toEqual(expect.arrayContaining(["viec", "baocao", "chitieu", "tamdung", "trogiup"]));
    expect(member).not.toContain("tongquan");
    expect(member).not.toContain("moi");

    const viewer = await joinAs("viewer");
    expect(viewer).toEqual(expect.arrayContaining(["viec", "tongquan", "quahan", "xuat", "chitieu"]));
    expect(viewer).not.toContain("baocao");
    expect(viewer).not.toContain("moi");

    const admin = await joinAs("admin");
    expect(admin).toEqual(expect.arrayContaining(["tongquan", "duyet", "moi", "nhapkh", "canbo"]));
    expect(new Set(admin).size).toBe(admin.length);
  });

  it("follows a change of role and is taken away on removal", async () => {
    const c = await makeCommittee();
    const admin = await makeMember(c.root, "admin", "Quản trị Huyện ủy");
    await say(admin, `/canbo an binh ${c.tag}`);
    await pressButton(admin, "1");
    await pressButton(admin, "🔁 Đổi vai trò");
    await pressButton(admin, "Theo dõi");
    expect(await menuOf(c.memberA.id)).toContain("tongquan");

    await pressButton(admin, "🗑 Xóa khỏi hệ thống");
    await pressButton(admin, "🗑 Xóa");
    expect(await menuOf(c.memberA.id)).toEqual([]);
  });

  it("is mended by /trogiup for someone whose menu was never set", async () => {
    const c = await makeCommittee();
    expect(await menuOf(c.admin.id)).toEqual([]);
    await say(c.admin, "/trogiup");
    expect(await menuOf(c.admin.id)).toContain("canbo");
  });
});
