import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { fakeTelegram } from "../alerts/helpers";
import { postZalo, zaloDriver, zaloMessages } from "../support/chat-driver";
import { chatMessages } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { newTelegramId, postUpdate, textUpdate } from "../support/webhook";

/** Issue 18, items 3, 10, 11 and 13: what the inbound pipeline answers to retries and odd or hostile updates. */
const claim = (key: string) =>
  env.DB.prepare("select state from inbound_updates where key = ?1").bind(key).first<{ state: string }>();

afterEach(async () => {
  await fakeTelegram({ delayMs: 0 });
});

describe("retries while the first run is still going (item 3)", () => {
  it("a retry of an update whose fresh claim is processing gets 503, so the platform tries again", async () => {
    const { memberA } = await makeCommittee();
    const update = textUpdate(memberA, "/viec");
    await env.DB.prepare("insert into inbound_updates (key, state, claimed_at) values (?1, 'processing', ?2)")
      .bind(`tg:${update.update_id}`, new Date(Date.now() - 5_000).toISOString())
      .run();
    expect((await postUpdate(update)).status).toBe(503);
    expect(await chatMessages(memberA.id)).toHaveLength(0);
  });

  it("a read-only update stays claimed as processing until answered: a retry meanwhile gets 503, not 'done'", async () => {
    const { memberA } = await makeCommittee();
    const update = textUpdate(memberA, "/viec");
    await fakeTelegram({ delayMs: 1500 });
    const first = postUpdate(update);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await claim(`tg:${update.update_id}`)).toEqual({ state: "processing" });
    expect((await postUpdate(update)).status).toBe(503);
    expect((await first).status).toBe(200);
    await fakeTelegram({ delayMs: 0 });
    // Settled after the answer.
    for (let i = 0; i < 20 && (await claim(`tg:${update.update_id}`))?.state !== "done"; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await claim(`tg:${update.update_id}`)).toEqual({ state: "done" });
    expect(await chatMessages(memberA.id)).toHaveLength(1);
  });
});

describe("malformed and hostile updates (items 10, 11, 13)", () => {
  it("a Telegram update whose text is a number gets 200 and writes nothing", async () => {
    const { memberA } = await makeCommittee();
    const update = textUpdate(memberA, "/viec");
    (update.message as unknown as Record<string, unknown>).text = 12345;
    const response = await postUpdate(update);
    expect(response.status).toBe(200);
    expect(await claim(`tg:${update.update_id}`)).toBeNull();
    expect(await chatMessages(memberA.id)).toHaveLength(0);
  });

  it("a message from a bot is ignored on Telegram", async () => {
    const { memberA } = await makeCommittee();
    const update = textUpdate(memberA, "/viec");
    update.message!.from!.is_bot = true;
    expect((await postUpdate(update)).status).toBe(200);
    expect(await claim(`tg:${update.update_id}`)).toBeNull();
    expect(await chatMessages(memberA.id)).toHaveLength(0);
  });

  it("a button under an inline message (no message, only inline_message_id) is answered with answerCallbackQuery", async () => {
    const { memberA } = await makeCommittee();
    const response = await postUpdate({
      update_id: Math.floor(Math.random() * 1e9) + 1e9,
      callback_query: {
        id: "cb-inline-1",
        chat_instance: "x",
        from: { id: memberA.id, is_bot: false, first_name: "An" },
        inline_message_id: "AAAAinline",
        data: "task:1",
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ method: "answerCallbackQuery", callback_query_id: "cb-inline-1" });
  });

  it("a Zalo private event whose chat is not the sender's is refused, and so is a bot's message", async () => {
    const c = await makeCommittee();
    await zaloDriver.link(c.memberA);
    const self = `z${c.memberA.id}`;
    const victim = `z${newTelegramId()}`;
    const forged = {
      event_name: "message.text.received",
      message: {
        message_id: `m-forged-${crypto.randomUUID()}`,
        date: Date.now(),
        from: { id: self, display_name: "An" },
        chat: { id: victim, chat_type: "PRIVATE" },
        text: "/viec",
      },
    };
    expect((await postZalo(forged)).status).toBe(200);
    expect(await claim(`zl:${forged.message.message_id}`)).toBeNull();
    expect(await zaloMessages({ ...c.memberA, id: Number(victim.slice(1)) })).toHaveLength(0);

    const fromBot = {
      event_name: "message.text.received",
      message: {
        message_id: `m-bot-${crypto.randomUUID()}`,
        date: Date.now(),
        from: { id: self, display_name: "Bot", is_bot: true },
        chat: { id: self, chat_type: "PRIVATE" },
        text: "/viec",
      },
    };
    expect((await postZalo(fromBot)).status).toBe(200);
    expect(await claim(`zl:${fromBot.message.message_id}`)).toBeNull();
  });
});
