import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { openTask, zaloDriver, zaloUserId, type ChatDriver } from "../support/chat-driver";
import { makeCommittee } from "../support/fixtures";
import type { TestUser } from "../support/webhook";

async function committeeOn(chat: ChatDriver) {
  const c = await makeCommittee();
  await chat.link(c.memberA);
  return c;
}

/** The photos the bot sent to this Zalo chat (sendPhoto), by URL. */
async function zaloPhotos(user: TestUser): Promise<string[]> {
  const response = await fetch(`${inject("fakeZaloUrl")}/__fake/chats/${encodeURIComponent(zaloUserId(user))}/messages`);
  const body = (await response.json()) as { messages: { photo?: string }[] };
  return body.messages.flatMap((m) => (m.photo ? [m.photo] : []));
}

// On Telegram a file opens by its file_id (test/bot/task-history.test.ts); Zalo cannot take those.
describe.each([zaloDriver])("evidence from the task's history, on $channel", (chat) => {
  it("a report's evidence opens from 🕘 Lịch sử in the channel it is asked from", async () => {
    const c = await committeeOn(chat);
    await openTask(chat, c.memberA, c.tasksA.dueSoon.title);
    await chat.press(c.memberA, "📝 Báo cáo tiến độ");
    await chat.press(c.memberA, "50%");
    await chat.say(c.memberA, "Đã họp triển khai");
    await chat.sendEvidence(c.memberA);
    await chat.press(c.memberA, "📤 Gửi báo cáo");
    await chat.press(c.memberA, "Mở nhiệm vụ");
    await chat.press(c.memberA, /Lịch sử/);
    await chat.press(c.memberA, /📎/);
    const photos = await zaloPhotos(c.memberA);
    expect(photos).toHaveLength(1);
    // A signed link to the copy kept in R2, which the back office serves.
    expect(photos[0]).toMatch(/\/web\/tep\/\S+/);
    expect(await chat.last(c.memberA)).not.toMatch(/Telegram|Xin lỗi/);
  });
});
