import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import {
  createFakeZaloApi,
  type DeliverResult,
  type FakeZaloApiOptions,
  type ZaloCallRecord,
  type ZaloStoredMessage,
} from "../scripts/fake-zalo/fake-zalo-api";
import { ZaloApi, ZaloApiError, type ZaloFetch } from "../services/zalo/client";
import { parseZaloWebhook } from "../worker/zalo/update";
import { ZALO_TEST_TOKEN } from "./support/zalo-constants";

const ROOT = "http://fake.zalo";
const TOKEN = "1234567890:zalo-TOKEN_abc";

/** The fake's /__fake/ endpoints, together: each answers some of these fields. */
interface ControlAnswer extends Partial<DeliverResult> {
  ok?: boolean;
  messages?: ZaloStoredMessage[];
  calls?: ZaloCallRecord[];
  chat_ids?: string[];
}

/** A fake in this process, with a clock the test moves by hand, and a client talking to it. */
function setup(options: FakeZaloApiOptions = {}, token = TOKEN) {
  let t = 1_750_000_000_000;
  const fake = createFakeZaloApi({ now: () => t, ...options });
  const client = new ZaloApi({ token, apiRoot: ROOT, fetch: fake.fetchLike });
  const control = async (path: string, body?: unknown): Promise<ControlAnswer> => {
    const init = body === undefined ? {} : { method: "POST", body: JSON.stringify(body) };
    return (await (await fake.fetch(new Request(`${ROOT}/__fake/${path}`, init))).json()) as ControlAnswer;
  };
  return { fake, client, control, advance: (ms: number) => (t += ms) };
}

async function zaloError(promise: Promise<unknown>): Promise<ZaloApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZaloApiError);
  return error as ZaloApiError;
}

describe("fake Zalo Bot API through the client", () => {
  it("checks the bot token: a wrong one gets ok:false 401 in an HTTP 200 body", async () => {
    const { fake, client } = setup({ token: TOKEN });
    expect(await client.getMe()).toMatchObject({ id: "1234567890" });

    const response = await fake.fetch(new Request(`${ROOT}/bot999:wrong/getMe`, { method: "POST", body: "{}" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });

    const wrong = new ZaloApi({ token: "999:wrong", apiRoot: ROOT, fetch: fake.fetchLike });
    const error = await zaloError(wrong.sendMessage("c1", "Xin chào"));
    expect(error).toMatchObject({ code: 401, method: "sendMessage" });
    expect(error.message).not.toContain("999:wrong");
    expect(fake.messages("c1")).toEqual([]);
  });

  it("without a configured token, accepts only well-formed ones", async () => {
    const { client } = setup();
    expect(await client.getMe()).toMatchObject({ account_type: "BASIC" });
    const { client: malformed } = setup({}, "not-a-token");
    expect((await zaloError(malformed.getMe())).code).toBe(401);
  });

  it("answers 410 'chat_id is invalid' for a user who never wrote, until they write", async () => {
    const { fake, client, control } = setup();
    expect(await control("invalid-chats", { chat_ids: ["never-wrote"] })).toEqual({ ok: true, chat_ids: ["never-wrote"] });
    const error = await zaloError(client.sendMessage("never-wrote", "Nhắc hạn"));
    expect(error).toMatchObject({ code: 410, description: "chat_id is invalid", retryAfter: undefined });
    expect(await client.sendMessage("someone-else", "Nhắc hạn")).toMatchObject({ message_id: expect.any(String) });

    await fake.deliver({ chat_id: "never-wrote", text: "Xin chào" });
    expect(await client.sendMessage("never-wrote", "Chào anh")).toMatchObject({ date: expect.any(Number) });
  });

  it("rate limit: beyond N calls a second, 429 with retry_after (body and header); fine again a second later", async () => {
    const { fake, client, advance } = setup({ rateLimit: { perSecond: 2 } });
    await client.sendMessage("c1", "một");
    await client.sendMessage("c2", "hai");
    const error = await zaloError(client.sendMessage("c3", "ba"));
    expect(error).toMatchObject({ code: 429, retryAfter: 1 });

    const raw = await fake.fetch(
      new Request(`${ROOT}/bot${TOKEN}/sendMessage`, { method: "POST", body: JSON.stringify({ chat_id: "c3", text: "ba" }) }),
    );
    expect(raw.status).toBe(429);
    expect(raw.headers.get("retry-after")).toBe("1");
    expect(await raw.json()).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 1 } });

    advance(1000);
    await client.sendMessage("c3", "ba");
    expect(fake.messages("c3").map((m) => m.text)).toEqual(["ba"]);
  });

  it("text: 1 to 2000 characters", async () => {
    const { fake, client } = setup();
    await client.sendMessage("c1", "đ".repeat(2000));
    expect(await zaloError(client.sendMessage("c1", "đ".repeat(2001)))).toMatchObject({
      code: 400,
      description: expect.stringContaining("too long"),
    });
    expect(await zaloError(client.sendMessage("c1", ""))).toMatchObject({ code: 400, description: "text is required" });
    expect(await zaloError(client.call("sendMessage", { text: "thiếu chat_id" }))).toMatchObject({
      code: 400,
      description: "chat_id is required",
    });
    expect(fake.messages("c1")).toHaveLength(1);
  });

  it("records what the bot sent, per chat, and every call", async () => {
    const { client, control } = setup();
    const first = await client.sendMessage("chat-a", "Việc 1: quá hạn");
    await client.sendPhoto("chat-a", "https://example.vn/bieu-do.png", "Biểu đồ tiến độ");
    await client.sendMessage("chat-b", "Việc 2");
    await client.sendChatAction("chat-a");

    const { messages } = await control("chats/chat-a/messages");
    expect(messages).toEqual([
      expect.objectContaining({ message_id: first.message_id, text: "Việc 1: quá hạn", date: first.date }),
      expect.objectContaining({ text: "Biểu đồ tiến độ", photo: "https://example.vn/bieu-do.png" }),
    ]);
    const since = messages?.[0]?.seq;
    expect((await control(`chats/chat-a/messages?since=${since}`)).messages).toHaveLength(1);

    const { calls } = await control("calls?method=sendMessage");
    expect(calls?.map((c) => [c.chat_id, c.params.text, c.ok])).toEqual([
      ["chat-a", "Việc 1: quá hạn", true],
      ["chat-b", "Việc 2", true],
    ]);
    expect((await control("calls?method=sendChatAction")).calls).toHaveLength(1);
    expect(JSON.stringify(await control("calls"))).not.toContain(TOKEN);

    await control("reset", {});
    expect((await control("chats/chat-a/messages")).messages).toEqual([]);
    expect((await control("calls")).calls).toEqual([]);
  });

  it("sendPhoto wants a URL", async () => {
    const { client } = setup();
    expect(await zaloError(client.sendPhoto("c1", "not a url"))).toMatchObject({ code: 400, description: "photo is invalid" });
  });

  it("stores the webhook and delivers events to it with the secret header; the worker's parser reads them", async () => {
    const seen: Request[] = [];
    const { fake, client, control } = setup({
      deliverFetch: async (input, init) => {
        seen.push(new Request(input, init));
        return Response.json({ ok: true });
      },
    });
    expect(await client.setWebhook("https://worker.test/zalo/webhook", "bi-mat-123")).toMatchObject({
      url: "https://worker.test/zalo/webhook",
    });
    expect(await client.getWebhookInfo()).toMatchObject({ url: "https://worker.test/zalo/webhook" });
    expect(await zaloError(client.setWebhook("https://worker.test/x", "short"))).toMatchObject({ code: 400 });

    const answer = await control("deliver", { chat_id: "u-77", text: "/start", display_name: "Nguyễn Văn A" });
    expect(answer).toMatchObject({ ok: true, delivered: true, status: 200, body: { ok: true } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe("https://worker.test/zalo/webhook");
    expect(seen[0]!.headers.get("x-bot-api-secret-token")).toBe("bi-mat-123");
    expect(parseZaloWebhook(await seen[0]!.json())).toMatchObject({
      kind: "text",
      chatId: "u-77",
      userId: "u-77",
      displayName: "Nguyễn Văn A",
      text: "/start",
    });

    const image = {
      event_name: "message.image.received",
      message: { from: { id: "u-77" }, chat: { id: "u-77" }, message_id: "m9", date: 1, photo_url: "https://p.vn/a.jpg" },
    };
    await control("deliver", { event: image });
    expect(await seen[1]!.json()).toEqual(image);

    await client.deleteWebhook();
    expect(fake.webhook()).toBeNull();
    expect(await control("deliver", { chat_id: "u-77", text: "còn đó không?" })).toMatchObject({ delivered: false });
    expect(await client.call("getUpdates", { timeout: 1 })).toMatchObject({ event_name: "message.text.received" });
    expect(await zaloError(client.call("getUpdates", { timeout: 1 }))).toMatchObject({ code: 408 });
  });

  it("an unknown method is a 404", async () => {
    const { client } = setup();
    expect(await zaloError(client.call("sendButtons", { chat_id: "c1" }))).toMatchObject({ code: 404 });
  });
});

describe("the fake as the test run's HTTP server", () => {
  it("takes a message over the network and shows it in the chat", async () => {
    const root = inject("fakeZaloUrl");
    const client = new ZaloApi({ token: ZALO_TEST_TOKEN, apiRoot: root });
    const chatId = `fake-zalo-test-${crypto.randomUUID()}`;
    const sent = await client.sendMessage(chatId, "Chào từ bài kiểm thử");
    const body = (await (await fetch(`${root}/__fake/chats/${chatId}/messages`)).json()) as { messages: unknown[] };
    expect(body.messages).toEqual([
      expect.objectContaining({ message_id: sent.message_id, text: "Chào từ bài kiểm thử", date: sent.date }),
    ]);
    expect((await zaloError(new ZaloApi({ token: "1:other", apiRoot: root }).getMe())).code).toBe(401);
  });
});

describe("ZaloApi errors", () => {
  const SECRET = "555:very-secret-token";
  const answering =
    (response: () => Response): ZaloFetch =>
    async () =>
      response();

  it.each<[string, () => Response, Partial<ZaloApiError>]>([
    [
      "ok:false in HTTP 200",
      () => Response.json({ ok: false, error_code: 410, description: "chat_id is invalid" }),
      { code: 410, description: "chat_id is invalid" },
    ],
    [
      "ok:false in HTTP 500",
      () => Response.json({ ok: false, error_code: 500, description: "oops" }, { status: 500 }),
      { code: 500 },
    ],
    ["ok:false without error_code takes the HTTP status", () => Response.json({ ok: false }, { status: 403 }), { code: 403 }],
    [
      "non-JSON 502",
      () => new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
      { code: 502, description: "HTTP 502: Bad Gateway" },
    ],
    [
      "429 without a hint waits 1 s",
      () => Response.json({ ok: false, error_code: 429, description: "Too many" }, { status: 429 }),
      { code: 429, retryAfter: 1 },
    ],
    [
      "429 with Retry-After header",
      () => new Response("slow down", { status: 429, headers: { "retry-after": "7" } }),
      { code: 429, retryAfter: 7 },
    ],
    [
      "retry_after in parameters wins",
      () =>
        Response.json(
          { ok: false, error_code: 429, parameters: { retry_after: 3 } },
          { status: 429, headers: { "retry-after": "9" } },
        ),
      { code: 429, retryAfter: 3 },
    ],
    [
      "the token is redacted from descriptions",
      () => Response.json({ ok: false, error_code: 400, description: `bad path /bot${SECRET}/sendMessage` }),
      { code: 400, description: "bad path /bot<token>/sendMessage" },
    ],
  ])("%s", async (_, response, expected) => {
    const client = new ZaloApi({ token: SECRET, apiRoot: "https://zalo.example", fetch: answering(response) });
    const error = await zaloError(client.sendMessage("c1", "x"));
    expect(error).toMatchObject(expected);
    expect(error.message).not.toContain(SECRET);
  });

  it("posts JSON to {root}/bot<token>/<method> and returns the result", async () => {
    let seen: { url: string; init?: RequestInit } | null = null;
    const client = new ZaloApi({
      token: SECRET,
      apiRoot: "https://zalo.example/",
      fetch: async (url, init) => {
        seen = { url, ...(init ? { init } : {}) };
        return Response.json({ ok: true, result: { message_id: "m1", date: 5 } });
      },
    });
    expect(await client.sendMessage("c1", "Xin chào")).toEqual({ message_id: "m1", date: 5 });
    expect(seen!.url).toBe(`https://zalo.example/bot${SECRET}/sendMessage`);
    expect(seen!.init).toMatchObject({ method: "POST", body: JSON.stringify({ chat_id: "c1", text: "Xin chào" }) });
  });

  it("network errors propagate as they are", async () => {
    const failure = new TypeError("Network connection lost.");
    const client = new ZaloApi({ token: SECRET, apiRoot: "https://zalo.example", fetch: async () => Promise.reject(failure) });
    await expect(client.getMe()).rejects.toBe(failure);
  });

  it("refuses an apiRoot that is not http(s) up front, without the token in the error", () => {
    expect(() => new ZaloApi({ token: SECRET, apiRoot: "ftp://zalo.example" })).toThrow(/http/);
    expect(() => new ZaloApi({ token: SECRET, apiRoot: "not a url" })).toThrow();
  });
});
