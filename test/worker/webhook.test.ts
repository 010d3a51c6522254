import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { apiCalls, chatMessages, lastMessage } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { callbackUpdate, newTelegramId, postUpdate, textUpdate } from "../support/webhook";

const countRows = async (table: string) => (await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;

describe("Telegram webhook", () => {
  it("answers 401 to a forged or missing secret and writes nothing", async () => {
    const user = { id: newTelegramId(), firstName: "Kẻ giả mạo" };
    const before = await countRows("inbound_updates");
    for (const secret of [null, "wrong-secret", ""]) {
      const response = await postUpdate(textUpdate(user, "/start"), { secret });
      expect(response.status).toBe(401);
    }
    expect(await countRows("inbound_updates")).toBe(before);
    expect(await chatMessages(user.id)).toEqual([]);
  });

  it("rejects a body that is not a Telegram update", async () => {
    const response = await postUpdate({ hello: "world" });
    expect(response.status).toBe(400);
  });

  it("processes an update sent five times at once exactly once", async () => {
    const { memberA } = await makeCommittee();
    const update = textUpdate(memberA, "/viec");
    const responses = await Promise.all(Array.from({ length: 5 }, () => postUpdate(update)));
    // One run answers; the copies that arrive while it is still processing get 503 (Telegram retries them later).
    expect(responses.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(responses.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    expect((await postUpdate(update)).status).toBe(200);
    expect(await chatMessages(memberA.id)).toHaveLength(1);
    const claims = await env.DB.prepare("select count(*) as n from inbound_updates where key = ?")
      .bind(`tg:${update.update_id}`)
      .first<{ n: number }>();
    expect(claims!.n).toBe(1);
  });

  it("answers a button within its HTTP answer (Telegram makes the call): one Bot API request fewer", async () => {
    const { memberA, memberB, tasksA } = await makeCommittee();
    const opened = await postUpdate(callbackUpdate(memberA, 1, `task:${tasksA.dueSoon.assignmentId}`));
    const carried = (await opened.json()) as Record<string, unknown>;
    expect(carried).toEqual({ method: "answerCallbackQuery", callback_query_id: expect.any(String) });
    // The card itself is sent by the worker; the fake Bot API got the answer from the "Telegram" side.
    expect((await lastMessage(memberA.id)).text).toContain(tasksA.dueSoon.title);
    expect((await apiCalls("answerCallbackQuery")).map((c) => c.params.callback_query_id)).toContain(carried.callback_query_id);

    // A refusal is an alert the person must read: it rides the same way.
    const refused = await postUpdate(callbackUpdate(memberB, 1, `task:${tasksA.dueSoon.assignmentId}`));
    expect(await refused.json()).toMatchObject({
      method: "answerCallbackQuery",
      show_alert: true,
      text: expect.stringMatching(/\S/),
    });
  });

  it("answers GET /health", async () => {
    const { default: worker } = await import("../../worker/index");
    const response = await worker.fetch(new Request("https://bot.test/health"), env, {} as ExecutionContext);
    expect(response.status).toBe(200);
  });
});
