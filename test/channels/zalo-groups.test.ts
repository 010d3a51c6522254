import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { postZalo, zaloDriver, zaloEvent } from "../support/chat-driver";
import { makeCommittee } from "../support/fixtures";
import type { TestUser } from "../support/webhook";

/** The event Zalo sends for a message in a group chat. */
function inGroup(user: TestUser, groupId: string, kind: "text" | "image", text?: string) {
  const event = zaloEvent(user, kind, text);
  return { ...event, message: { ...event.message, chat: { id: groupId, chat_type: "GROUP" } } };
}

async function groupMessages(groupId: string): Promise<string[]> {
  const response = await fetch(`${inject("fakeZaloUrl")}/__fake/chats/${encodeURIComponent(groupId)}/messages`);
  return ((await response.json()) as { messages: { text?: string }[] }).messages.map((m) => m.text ?? "");
}

describe("Zalo group chats", () => {
  it("the bot says once that it works in private chat, then stays silent: no menus, no answers to photos or text", async () => {
    const c = await makeCommittee();
    await zaloDriver.link(c.memberA);
    const group = `g${c.tag}`;
    await postZalo(inGroup(c.memberA, group, "text", "/viec"));
    const first = await groupMessages(group);
    expect(first).toHaveLength(1);
    expect(first[0]).toContain("tin nhắn riêng");
    expect(first[0]).not.toContain(c.tasksA.dueSoon.title);

    for (const [kind, text] of [
      ["text", "/viec"],
      ["text", "1"],
      ["text", "Chào mọi người"],
      ["image", undefined],
      ["text", "/start ABCD-EFGH-JKMN"],
    ] as const)
      await postZalo(inGroup(c.memberA, group, kind, text));
    expect(await groupMessages(group)).toHaveLength(1);
    // The member's private chat is untouched.
    expect(await zaloDriver.texts(c.memberA)).toEqual([]);
  });
});
