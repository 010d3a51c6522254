import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { saveConversation } from "../../db/queries/conversations";
import { UpdateClaim, claimUpdate, writeSettling } from "../../db/queries/updates";
import { buttons, chatMessages, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { callbackUpdate, postUpdate, textUpdate } from "../support/webhook";
import { postZalo, zaloDriver as zalo, zaloEvent } from "../support/chat-driver";

const roundTrips = (response: Response) => Number(response.headers.get("X-D1-Round-Trips"));
const claimState = (key: string) =>
  env.DB.prepare("select state from inbound_updates where key = ?").bind(key).first<{ state: string }>();

/** The card button of a task on the member's latest list. */
async function cardButton(userId: number, title: string) {
  const list = await lastMessage(userId);
  const line = list.text!.split("\n").find((l) => l.includes(title))!;
  const number = /^\d+/.exec(line.trim())![0];
  return { messageId: list.message_id, data: buttons(list).find((b) => b.text === number)!.data! };
}

describe("an official's everyday update reads what it needs with the claim, in one round trip", () => {
  it("/viec, a task card, starting a report and sending it each answer after one D1 round trip", async () => {
    const c = await makeCommittee();
    const list = await postUpdate(textUpdate(c.memberA, "/viec"));
    expect(roundTrips(list)).toBe(1);
    expect((await lastMessage(c.memberA.id)).text).toContain(c.tasksA.dueSoon.title);

    const card = await cardButton(c.memberA.id, c.tasksA.dueSoon.title);
    const opened = await postUpdate(callbackUpdate(c.memberA, card.messageId, card.data));
    expect(roundTrips(opened)).toBe(1);
    const shown = await lastMessage(c.memberA.id);
    expect(shown.text).toContain(c.tasksA.dueSoon.title);
    expect(shown.text).toContain("Chủ trì: Đảng ủy xã An Bình");

    // Starting the report: the task read with the claim, the flow saved (and the claim settled) in a second.
    expect(roundTrips(await pressButton(c.memberA, "📝 Báo cáo tiến độ"))).toBe(2);
    await pressButton(c.memberA, "50%");
    await say(c.memberA, "Đã họp chi bộ triển khai");
    // Sending: the flow's task read with the claim; the report written with the claim settled.
    expect(roundTrips(await pressButton(c.memberA, "📤 Gửi báo cáo"))).toBe(2);
    expect((await lastMessage(c.memberA.id)).text).toContain("50%");
    const saved = await env.DB.prepare("select progress from assignments where id = ?")
      .bind(c.tasksA.dueSoon.assignmentId)
      .first<{ progress: number }>();
    expect(saved).toEqual({ progress: 50 });
  });

  it("a card read ahead still answers only the member it may show it to, and a withdrawn task as a stale button", async () => {
    const c = await makeCommittee();
    await say(c.memberA, "/viec");
    const card = await cardButton(c.memberA.id, c.tasksA.dueSoon.title);
    // Unit B's member presses a forged button for unit A's task.
    await postUpdate(callbackUpdate(c.memberB, card.messageId, card.data));
    const calls = await chatMessages(c.memberB.id);
    expect(calls.map((m) => m.text).join("\n")).not.toContain(c.tasksA.dueSoon.title);

    await env.DB.prepare("delete from assignments where id = ?").bind(c.tasksA.notDue.assignmentId).run();
    const before = (await chatMessages(c.memberA.id)).length;
    await postUpdate(callbackUpdate(c.memberA, card.messageId, `task:${c.tasksA.notDue.assignmentId}`));
    expect(await chatMessages(c.memberA.id)).toHaveLength(before);
  });

  it("the list read ahead is the sender's unit as it is now: moved, they see the new unit's tasks; removed, none", async () => {
    const c = await makeCommittee();
    await env.DB.prepare("update members set unit_id = ? where id = ?").bind(c.unitB, c.memberA.memberId).run();
    const moved = await say(c.memberA, "/viec");
    expect(moved).toContain(c.tasksB.onlyB.title);
    expect(moved).not.toContain(c.tasksA.dueSoon.title);

    await env.DB.prepare("update members set removed_at = ? where id = ?")
      .bind(new Date().toISOString(), c.memberA.memberId)
      .run();
    const removed = await say(c.memberA, "/viec");
    expect(removed).not.toContain(c.tasksB.onlyB.title);
  });
});

describe("on Zalo, a typed key reads the task its menu item names with the claim", () => {
  it("a number opening a card answers after one round trip, one starting a report after two (the flow's write); the menu is kept after the answer", async () => {
    const c = await makeCommittee();
    await zalo.link(c.memberA);
    const list = await postZalo(zaloEvent(c.memberA, "text", "/viec"));
    expect(roundTrips(list)).toBe(1);
    const line = (await zalo.last(c.memberA)).split("\n").find((l) => l.includes(c.tasksA.dueSoon.title))!;

    const card = await postZalo(zaloEvent(c.memberA, "text", /^\d+/.exec(line.trim())![0]));
    expect(roundTrips(card)).toBe(1);
    expect(card.headers.get("X-D1-Round-Trips-After")).toBe("1");
    const shown = await zalo.last(c.memberA);
    expect(shown).toContain(c.tasksA.dueSoon.title);
    expect(shown).toContain("Chủ trì: Đảng ủy xã An Bình");

    const key = /^(\d+)\. .*Báo cáo tiến độ$/m.exec(shown)![1]!;
    const start = await postZalo(zaloEvent(c.memberA, "text", key));
    expect(roundTrips(start)).toBe(2);
    expect(await zalo.last(c.memberA)).toContain("Tiến độ hiện tại");
  });

  it("a key of a menu whose task was withdrawn meanwhile is answered as a stale choice, not from a stale read", async () => {
    const c = await makeCommittee();
    await zalo.link(c.memberA);
    await zalo.say(c.memberA, "/viec");
    await env.DB.prepare("delete from assignments where id = ?").bind(c.tasksA.notDue.assignmentId).run();
    const line = (await zalo.last(c.memberA)).split("\n").find((l) => l.includes(c.tasksA.notDue.title))!;
    await zalo.say(c.memberA, /^\d+/.exec(line.trim())![0]);
    expect(await zalo.last(c.memberA)).not.toContain(c.tasksA.notDue.title);
  });
});

describe("claims settle with the update's own write", () => {
  it("a read-only update's claim is done once answered (settled after the answer); a flow step's is done with its write", async () => {
    const c = await makeCommittee();
    const list = textUpdate(c.memberA, "/viec");
    await postUpdate(list);
    expect(await claimState(`tg:${list.update_id}`)).toEqual({ state: "done" });
    const overview = textUpdate(c.admin, "/tongquan");
    const answered = await postUpdate(overview);
    // Issue 18: kept processing until answered, so a run that dies mid-way is answered on retry.
    expect(answered.headers.get("X-D1-Round-Trips-After")).toBe("1");
    expect(await claimState(`tg:${overview.update_id}`)).toEqual({ state: "done" });

    await say(c.memberA, "/viec");
    const card = await cardButton(c.memberA.id, c.tasksA.dueSoon.title);
    await postUpdate(callbackUpdate(c.memberA, card.messageId, card.data));
    const start = callbackUpdate(c.memberA, (await lastMessage(c.memberA.id)).message_id, `rp:${c.tasksA.dueSoon.assignmentId}`);
    await postUpdate(start);
    expect(await claimState(`tg:${start.update_id}`)).toEqual({ state: "done" });
    const flow = await env.DB.prepare("select step from conversations where chat_id = ?")
      .bind(String(c.memberA.id))
      .first<{ step: string }>();
    expect(flow).toEqual({ step: "percent" });
  });

  it("the write and the settling succeed or fail together", async () => {
    const chatId = `settle-${crypto.randomUUID()}`;
    const row = {
      chatId,
      memberId: 1,
      flow: "report",
      step: "note",
      data: {},
      token: "abcdefgh",
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    };

    const ok = new UpdateClaim(`tg:settle-${crypto.randomUUID()}`);
    await claimUpdate(env.DB, ok, new Date()).run();
    await writeSettling(env.DB, ok, [saveConversation(env.DB, row)]);
    expect(ok.settled).toBe(true);
    expect(await claimState(ok.key)).toEqual({ state: "done" });

    // A statement the database refuses: nothing of the batch is written, and the claim stays open for the retry.
    const failing = new UpdateClaim(`tg:settle-${crypto.randomUUID()}`);
    await claimUpdate(env.DB, failing, new Date()).run();
    const other = { ...row, chatId: `${chatId}-2` };
    await expect(
      writeSettling(env.DB, failing, [
        saveConversation(env.DB, other),
        env.DB.prepare("insert into conversations (chat_id) values (null)"),
      ]),
    ).rejects.toThrow();
    expect(failing.settled).toBe(false);
    expect(await claimState(failing.key)).toEqual({ state: "processing" });
    expect(await env.DB.prepare("select count(*) as n from conversations where chat_id = ?").bind(other.chatId).first()).toEqual({
      n: 0,
    });
  });
});
