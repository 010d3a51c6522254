import type { File, Message, Update, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import {
  type CallRecord,
  type ChatEvent,
  createFakeBotApi,
  type FakeBotApi,
  type FakeConfig,
  type StoredMessage,
} from "../scripts/fake-telegram/fake-bot-api";
import { buildMultipart } from "../scripts/fake-telegram/multipart";

const ROOT = "http://fake.telegram";
const TOKEN = "123456789:TEST-TOKEN";

type Body = Record<string, unknown>;

/** What the Bot API methods these tests call answer with (Telegram's own types: the fake must match them). */
interface Results {
  getMe: UserFromGetMe;
  sendMessage: Message;
  sendDocument: Message;
  editMessageText: Message;
  editMessageReplyMarkup: Message;
  deleteMessage: true;
  getFile: File;
  getUpdates: Update[];
  answerCallbackQuery: true;
  setWebhook: true;
}
type ResultOf<M extends string> = M extends keyof Results ? Results[M] : unknown;

interface TgAnswer<R> {
  ok: boolean;
  /** Present when ok. */
  result?: R;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

/** The fake's /__fake/ endpoints, together: each answers some of these fields. */
interface ControlAnswer {
  ok?: boolean;
  messages?: StoredMessage[];
  events?: ChatEvent[];
  calls?: CallRecord[];
  config?: FakeConfig;
  update?: Update;
  timed_out?: boolean;
  seq?: number;
}

async function call<M extends string>(
  api: FakeBotApi,
  method: M,
  params: Body = {},
  as: "json" | "form" = "json",
): Promise<TgAnswer<ResultOf<M>> & { status: number }> {
  const init: RequestInit =
    as === "json"
      ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(params) }
      : {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(
            Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === "object" ? JSON.stringify(v) : String(v)]),
          ).toString(),
        };
  const response = await api.fetch(new Request(`${ROOT}/bot${TOKEN}/${method}`, init));
  expect(response.headers.get("content-type")).toContain("application/json");
  return { status: response.status, ...((await response.json()) as TgAnswer<ResultOf<M>>) };
}

async function control(api: FakeBotApi, path: string, init?: RequestInit): Promise<ControlAnswer> {
  const response = await api.fetch(new Request(`${ROOT}/__fake/${path}`, init));
  return (await response.json()) as ControlAnswer;
}

/** A fake with a clock the test moves by hand. */
function fakeWithClock(options: Parameters<typeof createFakeBotApi>[0] = {}) {
  let t = 1_750_000_000_000;
  const api = createFakeBotApi({ now: () => t, ...options });
  return { api, advance: (ms: number) => (t += ms) };
}

const keyboard = (...data: string[]) => ({ inline_keyboard: [data.map((d) => ({ text: `Nút ${d}`, callback_data: d }))] });

describe("fake Bot API: sending and storing", () => {
  it("answers getMe like Telegram", async () => {
    const api = createFakeBotApi();
    const r = await call(api, "getMe");
    expect(r).toMatchObject({ status: 200, ok: true, result: { id: 123456789, is_bot: true } });
  });

  it("sendMessage round trip: result is a Message, the chat keeps it", async () => {
    const api = createFakeBotApi();
    const r = await call(api, "sendMessage", {
      chat_id: 7001,
      text: "<b>Báo cáo</b> tiến độ &amp; hạn",
      parse_mode: "HTML",
      reply_markup: keyboard("r:1", "r:2"),
    });
    expect(r.status).toBe(200);
    expect(r.result).toMatchObject({
      message_id: 1,
      chat: { id: 7001, type: "private" },
      from: { is_bot: true },
      text: "Báo cáo tiến độ & hạn",
      entities: [{ type: "bold", offset: 0, length: 7 }],
      reply_markup: keyboard("r:1", "r:2"),
    });
    const second = await call(api, "sendMessage", { chat_id: 7001, text: "Tin thứ hai" }, "form");
    expect(second.result?.message_id).toBe(2);
    // another chat has its own numbering
    expect((await call(api, "sendMessage", { chat_id: 7002, text: "Chào" })).result?.message_id).toBe(1);

    const stored = (await control(api, "chats/7001/messages")).messages ?? [];
    expect(stored.map((m) => [m.message_id, m.text])).toEqual([
      [1, "Báo cáo tiến độ & hạn"],
      [2, "Tin thứ hai"],
    ]);
    expect(stored[0]).toMatchObject({ raw_text: "<b>Báo cáo</b> tiến độ &amp; hạn", parse_mode: "HTML", from_bot: true });
    expect((await control(api, "chats/7001/messages?after=1")).messages).toHaveLength(1);

    const calls = (await control(api, "calls?method=sendMessage&chat_id=7001")).calls;
    expect(calls).toHaveLength(2);
    expect(calls?.[0]).toMatchObject({ method: "sendMessage", status: 200, params: { reply_markup: keyboard("r:1", "r:2") } });
  });

  it("applies edits and deletes to stored messages", async () => {
    const api = createFakeBotApi();
    await call(api, "sendMessage", { chat_id: 1, text: "Chọn việc", reply_markup: keyboard("a") });
    const edited = await call(api, "editMessageText", { chat_id: 1, message_id: 1, text: "Đã chọn" });
    expect(edited.result).toMatchObject({ text: "Đã chọn" });
    expect(edited.result?.edit_date).toBeTypeOf("number");
    // Telegram drops the inline keyboard when an edit does not repeat it
    expect(edited.result?.reply_markup).toBeUndefined();
    const [m] = api.messages(1);
    expect(m).toMatchObject({ text: "Đã chọn", edited: true });
    expect(m!.reply_markup).toBeUndefined();

    await call(api, "editMessageReplyMarkup", { chat_id: 1, message_id: 1, reply_markup: keyboard("b") });
    expect(api.messages(1)[0]!.reply_markup).toEqual(keyboard("b"));

    expect((await call(api, "deleteMessage", { chat_id: 1, message_id: 1 })).result).toBe(true);
    expect(api.messages(1)).toHaveLength(0);
    expect(api.messages(1, { deleted: true })[0]).toMatchObject({ deleted: true });
    const again = await call(api, "deleteMessage", { chat_id: 1, message_id: 1 });
    expect(again).toMatchObject({ status: 400, description: "Bad Request: message to delete not found" });
  });

  it("takes documents as multipart (grammY's header style) and serves them through getFile", async () => {
    const api = createFakeBotApi();
    const bytes = new TextEncoder().encode("Đơn vị,Tiến độ\nUBND huyện,60%\n");
    const { body, contentType } = buildMultipart({
      chat_id: "55",
      caption: "Báo cáo",
      document: "attach://f1",
      f1: { filename: "báo cáo.csv", bytes },
    });
    const response = await api.fetch(
      new Request(`${ROOT}/bot${TOKEN}/sendDocument`, { method: "POST", headers: { "content-type": contentType }, body }),
    );
    const r = (await response.json()) as TgAnswer<Message>;
    expect(r.ok).toBe(true);
    expect(r.result?.document).toMatchObject({ file_name: "báo cáo.csv", mime_type: "text/csv", file_size: bytes.length });

    // grammY writes `content-disposition:form-data;name="x";filename=y` without quotes or spaces
    const enc = new TextEncoder();
    const boundary = "----------grammy";
    const raw = [
      `--${boundary}\r\ncontent-disposition:form-data;name="chat_id"\r\n\r\n55`,
      `\r\n--${boundary}\r\ncontent-disposition:form-data;name="document"\r\n\r\nattach://abc`,
      `\r\n--${boundary}\r\ncontent-disposition:form-data;name="abc";filename=Kế hoạch 2025.pdf\r\ncontent-type:application/octet-stream\r\n\r\n%PDF-1.4`,
      `\r\n--${boundary}--\r\n`,
    ].join("");
    const r2 = (await (
      await api.fetch(
        new Request(`${ROOT}/bot${TOKEN}/sendDocument`, {
          method: "POST",
          headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
          body: enc.encode(raw),
        }),
      )
    ).json()) as TgAnswer<Message>;
    expect(r2.result?.document).toMatchObject({ file_name: "Kế hoạch 2025.pdf", mime_type: "application/pdf", file_size: 8 });

    const file = await call(api, "getFile", { file_id: r.result?.document?.file_id });
    expect(file.result?.file_path).toMatch(/^documents\//);
    const download = await api.fetch(new Request(`${ROOT}/file/bot${TOKEN}/${file.result?.file_path}`));
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    expect(api.messages(55)[0]).toMatchObject({ caption: "Báo cáo", document: { file_name: "báo cáo.csv" } });
  });

  it("answers 404 Not Found for an unknown method and 401 for a malformed token", async () => {
    const api = createFakeBotApi();
    expect(await call(api, "sendSticker2", { chat_id: 1 })).toMatchObject({
      status: 404,
      ok: false,
      error_code: 404,
      description: "Not Found",
    });
    const r = await api.fetch(new Request(`${ROOT}/botnot-a-token/getMe`));
    expect(r.status).toBe(401);
  });
});

describe("fake Bot API: validation like Telegram", () => {
  const api = createFakeBotApi({ rateLimit: false });

  it("rejects empty and too long text", async () => {
    expect(await call(api, "sendMessage", { chat_id: 1, text: "" })).toMatchObject({
      status: 400,
      ok: false,
      error_code: 400,
      description: "Bad Request: message text is empty",
    });
    expect((await call(api, "sendMessage", { chat_id: 1, text: "<b> </b>", parse_mode: "HTML" })).description).toBe(
      "Bad Request: message text is empty",
    );
    expect((await call(api, "sendMessage", { chat_id: 1, text: "ả".repeat(4097) })).description).toBe(
      "Bad Request: message is too long",
    );
    // the limit applies to the text after entity parsing
    const tagged = `<b>${"a".repeat(4096)}</b>`;
    expect((await call(api, "sendMessage", { chat_id: 1, text: tagged, parse_mode: "HTML" })).ok).toBe(true);
  });

  it("rejects callback_data over 64 bytes (UTF-8 bytes, not characters)", async () => {
    const ok = await call(api, "sendMessage", { chat_id: 1, text: "x", reply_markup: keyboard("a".repeat(64)) });
    expect(ok.ok).toBe(true);
    // 30 Vietnamese letters of 3 bytes each: 30 characters but 90 bytes
    const r = await call(api, "sendMessage", { chat_id: 1, text: "x", reply_markup: keyboard("ệ".repeat(30)) });
    expect(r).toMatchObject({ status: 400, description: "Bad Request: BUTTON_DATA_INVALID" });
  });

  it("rejects an edit that changes nothing", async () => {
    const sent = await call(api, "sendMessage", {
      chat_id: 2,
      text: "<b>Hạn</b> 30/6",
      parse_mode: "HTML",
      reply_markup: keyboard("h"),
    });
    const id = sent.result?.message_id;
    const same = await call(api, "editMessageText", {
      chat_id: 2,
      message_id: id,
      text: "<strong>Hạn</strong> 30/6",
      parse_mode: "HTML",
      reply_markup: keyboard("h"),
    });
    expect(same.status).toBe(400);
    expect(same.description).toMatch(/^Bad Request: message is not modified/);
    const markupOnly = await call(api, "editMessageReplyMarkup", { chat_id: 2, message_id: id, reply_markup: keyboard("h") });
    expect(markupOnly.description).toMatch(/^Bad Request: message is not modified/);
    const missing = await call(api, "editMessageText", { chat_id: 2, message_id: 999, text: "x" });
    expect(missing.description).toBe("Bad Request: message to edit not found");
  });

  it("requires chat_id", async () => {
    const r = await call(api, "sendMessage", { text: "Chào" });
    expect(r).toMatchObject({ status: 400, ok: false, description: "Bad Request: chat_id is empty" });
  });

  it("rejects unbalanced and unknown HTML tags", async () => {
    const cases = ["<b>đậm", "<b>đậm</i>", "chữ</b>", "dòng 1<br>dòng 2", "<p>đoạn</p>", "<span>x</span>"];
    for (const text of cases) {
      const r = await call(api, "sendMessage", { chat_id: 3, text, parse_mode: "HTML" });
      expect(r.status, text).toBe(400);
      expect(r.description, text).toMatch(/^Bad Request: can't parse entities: /);
    }
    const good = await call(api, "sendMessage", {
      chat_id: 3,
      text: '<b>a <i>b</i></b> <a href="https://example.org/x?a=1&amp;b=2">link</a> <code>1 &lt; 2</code> <pre><code class="language-ts">x</code></pre> 5 & 6',
      parse_mode: "HTML",
    });
    expect(good.ok).toBe(true);
    expect(good.result?.text).toBe("a b link 1 < 2 x 5 & 6");
    expect(good.result?.entities).toContainEqual({
      type: "text_link",
      offset: 4,
      length: 4,
      url: "https://example.org/x?a=1&b=2",
    });
    expect(good.result?.entities).toContainEqual({ type: "pre", offset: 15, length: 1, language: "ts" });
  });

  it("checks MarkdownV2 escaping", async () => {
    const r = await call(api, "sendMessage", { chat_id: 4, text: "Hạn 30.6", parse_mode: "MarkdownV2" });
    expect(r.description).toBe(
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );
    const ok = await call(api, "sendMessage", { chat_id: 4, text: "*Hạn* 30\\.6", parse_mode: "MarkdownV2" });
    expect(ok.result).toMatchObject({ text: "Hạn 30.6", entities: [{ type: "bold", offset: 0, length: 3 }] });
  });
});

describe("fake Bot API: flood control and faults", () => {
  it("answers 429 with retry_after per chat beyond the burst, and a normal conversation is never throttled", async () => {
    const { api, advance } = fakeWithClock();
    for (let i = 0; i < 5; i++) expect((await call(api, "sendMessage", { chat_id: 10, text: `tin ${i}` })).ok).toBe(true);
    const r = await call(api, "sendMessage", { chat_id: 10, text: "quá nhanh" });
    expect(r).toEqual({
      status: 429,
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    // other chats are not affected
    expect((await call(api, "sendMessage", { chat_id: 11, text: "chào" })).ok).toBe(true);
    advance(1000);
    expect((await call(api, "sendMessage", { chat_id: 10, text: "sau 1 giây" })).ok).toBe(true);
    // a conversation: a reply and an edit every couple of seconds, for a long time
    for (let i = 0; i < 40; i++) {
      advance(2000);
      expect((await call(api, "sendMessage", { chat_id: 12, text: `trả lời ${i}` })).ok).toBe(true);
      expect((await call(api, "editMessageText", { chat_id: 12, message_id: i + 1, text: `đã sửa ${i}` })).ok).toBe(true);
    }
  });

  it("answers 429 beyond the global limit across chats", async () => {
    const { api, advance } = fakeWithClock();
    const results = [];
    for (let chat = 1; chat <= 40; chat++) results.push(await call(api, "sendMessage", { chat_id: chat, text: "Nhắc hạn" }));
    expect(results.filter((r) => r.ok)).toHaveLength(30);
    const limited = results.filter((r) => r.status === 429);
    expect(limited).toHaveLength(10);
    expect(limited[0]!.parameters!.retry_after).toBeGreaterThanOrEqual(1);
    advance(1000);
    expect((await call(api, "sendMessage", { chat_id: 41, text: "Nhắc hạn" })).ok).toBe(true);

    // limits are configurable, and can be switched off
    await control(api, "config", { method: "POST", body: JSON.stringify({ rateLimit: { globalPerSecond: 2 } }) });
    const burst = [];
    for (let chat = 100; chat < 104; chat++) burst.push((await call(api, "sendMessage", { chat_id: chat, text: "x" })).status);
    expect(burst).toEqual([200, 200, 429, 429]);
    await control(api, "config", { method: "POST", body: JSON.stringify({ rateLimit: false }) });
    for (let i = 0; i < 50; i++) expect((await call(api, "sendMessage", { chat_id: 200, text: `x${i}` })).ok).toBe(true);
  });

  it("answers 403 for a blocked chat", async () => {
    const api = createFakeBotApi();
    const cfg = await control(api, "config", { method: "POST", body: JSON.stringify({ blockedChats: [31] }) });
    expect(cfg.config?.blockedChats).toEqual([31]);
    const r = await call(api, "sendMessage", { chat_id: 31, text: "Nhắc hạn" });
    expect(r).toEqual({ status: 403, ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    expect(api.messages(31)).toHaveLength(0);
    expect((await call(api, "sendMessage", { chat_id: 32, text: "Nhắc hạn" })).ok).toBe(true);
    await control(api, "config", { method: "POST", body: JSON.stringify({ unblock: [31] }) });
    expect((await call(api, "sendMessage", { chat_id: 31, text: "Nhắc hạn" })).ok).toBe(true);
  });

  it("fails the next N calls with 500 (failNext)", async () => {
    const api = createFakeBotApi();
    await control(api, "config", { method: "POST", body: JSON.stringify({ failNext: 2 }) });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await call(api, "sendMessage", { chat_id: 40, text: "x" }));
    expect(statuses.map((s) => s.status)).toEqual([500, 500, 200]);
    expect(statuses[0]).toMatchObject({ ok: false, error_code: 500, description: "Internal Server Error" });
    expect(api.messages(40)).toHaveLength(1);
    // a rule can target one method
    api.configure({ failNext: { count: 1, method: "sendDocument", status: 502 } });
    expect((await call(api, "sendMessage", { chat_id: 40, text: "y" })).status).toBe(200);
    expect((await call(api, "sendDocument", { chat_id: 40, document: "https://example.org/a.pdf" })).status).toBe(502);
    expect(api.calls({ method: "sendMessage", chatId: 40 }).map((c) => c.status)).toEqual([500, 500, 200, 200]);
  });

  it("delays answers when asked", async () => {
    const api = createFakeBotApi();
    api.configure({ delayMs: 50 });
    const t0 = Date.now();
    await call(api, "getMe");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(40);
  });
});

describe("fake Bot API: control endpoints", () => {
  it("wait long-polls until the bot writes to the chat", async () => {
    const api = createFakeBotApi();
    await call(api, "sendMessage", { chat_id: 50, text: "cũ" });
    const waiting = control(api, "wait?chat_id=50&after=1&timeout_ms=5000", { method: "POST" });
    let settled = false;
    void waiting.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    await call(api, "sendMessage", { chat_id: 51, text: "chat khác" });
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    await call(api, "sendMessage", { chat_id: 50, text: "mới" });
    const r = await waiting;
    expect(r.timed_out).toBe(false);
    expect(r.messages?.map((m) => m.text)).toEqual(["mới"]);

    const t0 = Date.now();
    const empty = await control(api, "wait?chat_id=50&after=2&timeout_ms=50", { method: "POST" });
    expect(empty).toMatchObject({ ok: true, messages: [], timed_out: true });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(40);
  });

  it("wait with since= reports edits and callback answers as events", async () => {
    const api = createFakeBotApi();
    await call(api, "sendMessage", { chat_id: 60, text: "Chọn", reply_markup: keyboard("x") });
    const since = api.seq;
    const update = (await control(api, "chats/60/press", { method: "POST", body: JSON.stringify({ message_id: 1, data: "x" }) }))
      .update;
    expect(update?.callback_query).toMatchObject({ data: "x", message: { message_id: 1, chat: { id: 60 } }, from: { id: 60 } });
    const waiting = control(api, `wait?chat_id=60&since=${since}&timeout_ms=5000`, { method: "POST" });
    await call(api, "answerCallbackQuery", { callback_query_id: update?.callback_query?.id, text: "Đã ghi nhận" });
    const r = await waiting;
    expect(r.events).toMatchObject([{ type: "callback_answer", chat_id: 60, text: "Đã ghi nhận" }]);
    // answering twice is an error, like Telegram
    expect((await call(api, "answerCallbackQuery", { callback_query_id: update?.callback_query?.id })).status).toBe(400);
  });

  it("simulates user messages with ids shared with the bot's messages, and getUpdates", async () => {
    const api = createFakeBotApi();
    const sent = await control(api, "chats/70/send", {
      method: "POST",
      body: JSON.stringify({ from: { id: 70, first_name: "Lan" }, text: "/start abc" }),
    });
    expect(sent.update?.message).toMatchObject({
      message_id: 1,
      text: "/start abc",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
      chat: { id: 70, type: "private", first_name: "Lan" },
      from: { id: 70, is_bot: false, first_name: "Lan" },
    });
    expect((await call(api, "sendMessage", { chat_id: 70, text: "Chào Lan" })).result?.message_id).toBe(2);
    const ups = await call(api, "getUpdates", { timeout: 0 });
    expect(ups.result?.map((u) => u.update_id)).toEqual([sent.update?.update_id]);
    const confirmed = await call(api, "getUpdates", { offset: (sent.update?.update_id ?? 0) + 1, timeout: 0 });
    expect(confirmed.result).toEqual([]);
    await call(api, "setWebhook", { url: "https://example.org/telegram/webhook", secret_token: "s" });
    expect((await call(api, "getUpdates", {})).status).toBe(409);
  });

  it("reset forgets everything", async () => {
    const api = createFakeBotApi();
    await call(api, "sendMessage", { chat_id: 80, text: "x" });
    api.configure({ blockedChats: [81] });
    await control(api, "reset", { method: "POST" });
    expect((await control(api, "chats/80/messages")).messages).toEqual([]);
    expect((await control(api, "calls")).calls).toEqual([]);
    expect((await control(api, "config")).config?.blockedChats).toEqual([]);
  });
});
