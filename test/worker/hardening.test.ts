import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { redact, isInfrastructureFailure } from "../../worker/inbound";
import { fakeTelegram } from "../alerts/helpers";
import { chatMessages, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee, makeInvite } from "../support/fixtures";
import { callbackUpdate, newTelegramId, postUpdate, textUpdate } from "../support/webhook";

const claim = (key: string) =>
  env.DB.prepare("select state from inbound_updates where key = ?").bind(key).first<{ state: string }>();

describe("nothing lost: update claims", () => {
  it("a claim left processing by a killed Worker is taken again after a minute; a fresh or finished one is not", async () => {
    const { memberA } = await makeCommittee();
    const stale = textUpdate(memberA, "/viec");
    await env.DB.prepare("insert into inbound_updates (key, state, claimed_at) values (?1, 'processing', ?2)")
      .bind(`tg:${stale.update_id}`, new Date(Date.now() - 120_000).toISOString())
      .run();
    expect((await postUpdate(stale)).status).toBe(200);
    expect(await chatMessages(memberA.id)).toHaveLength(1);
    expect(await claim(`tg:${stale.update_id}`)).toEqual({ state: "done" });

    const fresh = textUpdate(memberA, "/viec");
    await env.DB.prepare("insert into inbound_updates (key, state, claimed_at) values (?1, 'processing', ?2)")
      .bind(`tg:${fresh.update_id}`, new Date(Date.now() - 5_000).toISOString())
      .run();
    await postUpdate(fresh);
    expect(await chatMessages(memberA.id)).toHaveLength(1);

    await postUpdate(stale);
    expect(await chatMessages(memberA.id)).toHaveLength(1);
  });

  it("a handler failure is answered with an apology and 200, once: Telegram's retry repeats nothing", async () => {
    const { memberA } = await makeCommittee();
    await fakeTelegram({
      failNext: { count: 1, chatId: memberA.id, status: 400, description: "Bad Request: can't parse entities" },
    });
    const update = textUpdate(memberA, "/viec");
    const first = await postUpdate(update);
    expect(first.status).toBe(200);
    const messages = await chatMessages(memberA.id);
    expect(messages.map((m) => m.text)).toEqual([expect.stringContaining("Xin lỗi, bot gặp lỗi")]);
    expect(await claim(`tg:${update.update_id}`)).toEqual({ state: "done" });
    await postUpdate(update);
    expect(await chatMessages(memberA.id)).toHaveLength(1);
  });

  it("a reply Telegram asks to hold (429, retry after 1 s: alerts to the chat just went out) arrives after the wait instead of being lost", async () => {
    const { memberA, tasksA } = await makeCommittee();
    await fakeTelegram({ failNext: { count: 1, chatId: memberA.id, method: "sendMessage", status: 429, retryAfter: 1 } });
    const update = textUpdate(memberA, "/viec");
    expect((await postUpdate(update)).status).toBe(200);
    const messages = await chatMessages(memberA.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toContain(tasksA.dueSoon.title);
    expect(await claim(`tg:${update.update_id}`)).toEqual({ state: "done" });
  });

  it("only an infrastructure failure (D1) is given back to the platform to retry", () => {
    expect(isInfrastructureFailure(new Error("D1_ERROR: Network connection lost."))).toBe(true);
    expect(isInfrastructureFailure(new Error("Call to 'sendMessage' failed! (400: Bad Request)"))).toBe(false);
  });

  it("a notice whose send fails stays in the outbox for the queue to retry, instead of being lost", async () => {
    const c = await makeCommittee();
    await fakeTelegram({ failNext: { count: 1, chatId: c.admin.id, status: 502 } });
    await say(c.memberA, "/viec");
    const list = await lastMessage(c.memberA.id);
    const line = list.text!.split("\n").find((l) => l.includes(c.tasksA.dueSoon.title))!;
    await pressButton(c.memberA, /^\d+/.exec(line.trim())![0]);
    await pressButton(c.memberA, "✅ Đã hoàn thành");
    await say(c.memberA, "Đã xong");
    await pressButton(c.memberA, "📤 Gửi báo cáo");
    const notice = await env.DB.prepare(
      "select status, attempts, last_error from reminders where member_id = ? and kind = 'notice'",
    )
      .bind(c.admin.memberId)
      .first();
    expect(notice).toMatchObject({ status: "queued", attempts: 1, last_error: expect.stringContaining("502") });
  });
});

describe("odd updates are harmless", () => {
  it("a message without a chat, or a button under an inline message, gets 200 and no answer", async () => {
    const { memberA } = await makeCommittee();
    const noChat = { update_id: Math.floor(Math.random() * 1e9), message: { message_id: 1, date: 1, text: "/viec" } };
    expect((await postUpdate(noChat)).status).toBe(200);
    const inline = callbackUpdate(memberA, 1, "tasks:0");
    delete (inline.callback_query as { message?: unknown }).message;
    (inline.callback_query as { inline_message_id?: string }).inline_message_id = "abc";
    expect((await postUpdate(inline)).status).toBe(200);
    expect(await chatMessages(memberA.id)).toEqual([]);
  });

  it("business messages are never answered: a reply would speak for the account's owner", async () => {
    const { memberA } = await makeCommittee();
    const base = textUpdate(memberA, "/viec");
    for (const kind of ["business_message", "edited_business_message"]) {
      const update = {
        update_id: base.update_id + (kind === "business_message" ? 1_000_000 : 2_000_000),
        [kind]: { ...base.message, business_connection_id: "bc1" },
      };
      expect((await postUpdate(update)).status).toBe(200);
    }
    expect(
      (
        await postUpdate({
          update_id: base.update_id + 3_000_000,
          deleted_business_messages: { business_connection_id: "bc1", chat: base.message!.chat, message_ids: [1] },
        })
      ).status,
    ).toBe(200);
    expect(await chatMessages(memberA.id)).toEqual([]);
  });

  it("a command in a group topic is answered there, in the same thread, with where to ask — never with tasks", async () => {
    const { memberA, tasksA } = await makeCommittee();
    const groupId = -1_000_000_000_000 - Math.floor(Math.random() * 1e9);
    const update = textUpdate(memberA, "/viec@kehoach_demo_bot");
    const message = update.message! as unknown as Record<string, unknown>;
    message.chat = { id: groupId, type: "supergroup", title: "Nhóm cơ quan", is_forum: true };
    message.is_topic_message = true;
    message.message_thread_id = 77;
    await postUpdate(update);
    const reply = await lastMessage(groupId);
    expect(reply.text).toContain("tin nhắn riêng");
    expect(reply.text).not.toContain(tasksA.dueSoon.title);
    const call = await fetch(
      `${(await import("vitest")).inject("fakeTelegramUrl")}/__fake/calls?method=sendMessage&chat_id=${groupId}`,
    );
    const calls = ((await call.json()) as { calls: { params: Record<string, unknown> }[] }).calls;
    expect(calls.at(-1)!.params.message_thread_id).toBe(77);
  });

  it("an invite used in a group binds nobody: memberships are for private chats only", async () => {
    const c = await makeCommittee();
    const code = await makeInvite(c.unitA);
    const user = { id: newTelegramId(), firstName: "Nhóm" };
    const update = textUpdate(user, `/start ${code}`);
    (update.message! as unknown as Record<string, unknown>).chat = { id: -4242, type: "group", title: "Nhóm" };
    await postUpdate(update);
    const joined = await env.DB.prepare("select count(*) as n from member_channels where user_id = ?")
      .bind(String(user.id))
      .first<{ n: number }>();
    expect(joined!.n).toBe(0);
    expect((await lastMessage(-4242)).text).toContain("tin nhắn riêng");
  });
});

describe("secrets and people stay out of logs", () => {
  it("redacts tokens, chat ids and quoted message texts", () => {
    const line = redact(
      'Call to https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage failed for chat 987654321: "Báo cáo của đồng chí"',
    );
    expect(line).not.toContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    expect(line).not.toContain("987654321");
    expect(line).not.toContain("Báo cáo của đồng chí");
  });
});

describe("a step that writes checks the role again", () => {
  it("an admin demoted to viewer after pressing Trả lại cannot return the completion", async () => {
    const c = await makeCommittee();
    await env.DB.prepare("update assignments set state = 'awaiting_confirmation' where id = ?")
      .bind(c.tasksA.notDue.assignmentId)
      .run();
    const report = await env.DB.prepare(
      "insert into progress_reports (assignment_id, member_id, kind, percent, note, review_status) values (?, ?, 'completion', 100, 'Xong', 'pending') returning id",
    )
      .bind(c.tasksA.notDue.assignmentId, c.memberA.memberId)
      .first<{ id: number }>();
    await postUpdate(callbackUpdate(c.admin, 1, `ret:${report!.id}`));
    await env.DB.prepare("update members set role = 'viewer' where id = ?").bind(c.admin.memberId).run();
    await say(c.admin, "Thiếu biên bản");
    const row = await env.DB.prepare("select review_status from progress_reports where id = ?").bind(report!.id).first();
    expect(row).toEqual({ review_status: "pending" });
  });
});

describe("a role change ends the person's open flows", () => {
  it("a report flow started as a member is gone once the role changes", async () => {
    const { changeRole } = await import("../../db/queries/people");
    const { testDb } = await import("../support/fixtures");
    const c = await makeCommittee();
    await say(c.memberA, "/baocao");
    await pressButton(c.memberA, /Xây dựng kế hoạch/);
    const open = () =>
      env.DB.prepare("select count(*) as n from conversations where member_id = ?")
        .bind(c.memberA.memberId)
        .first<{ n: number }>();
    expect((await open())!.n).toBe(1);
    expect(
      await changeRole(testDb(), { memberId: c.memberA.memberId, role: "viewer", from: "member", actorId: c.admin.memberId }),
    ).toBe(true);
    expect((await open())!.n).toBe(0);
    expect(await say(c.memberA, "50")).not.toContain("Tiến độ mới");
  });
});
