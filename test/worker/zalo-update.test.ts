import { describe, expect, it } from "vitest";
import { parseZaloWebhook } from "../../worker/zalo/update";

const message = {
  from: { id: "u1", display_name: "Trần Thị B", is_bot: false },
  chat: { id: "c1", chat_type: "PRIVATE" },
  message_id: "2d3f9f4e5b6a7c8d9e0f",
  date: 1_750_000_000_123,
  text: "Xin chào",
};
const at = () => 42;

describe("parseZaloWebhook", () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    [
      "flat text event",
      { event_name: "message.text.received", message },
      {
        eventName: "message.text.received",
        kind: "text",
        messageId: message.message_id,
        userId: "u1",
        chatId: "c1",
        chatType: "PRIVATE",
        displayName: "Trần Thị B",
        dateMs: message.date,
        text: "Xin chào",
      },
    ],
    [
      "wrapped in {ok, result}",
      { ok: true, result: { event_name: "message.text.received", message } },
      { kind: "text", chatId: "c1", text: "Xin chào" },
    ],
    [
      "image with photo_url and caption",
      {
        event_name: "message.image.received",
        message: { ...message, text: undefined, photo_url: "https://p.vn/1.jpg", caption: "Biên bản" },
      },
      { kind: "image", photoUrl: "https://p.vn/1.jpg", text: "Biên bản" },
    ],
    [
      "image with photo",
      { event_name: "message.image.received", message: { ...message, text: undefined, photo: "https://p.vn/2.jpg" } },
      { kind: "image", photoUrl: "https://p.vn/2.jpg" },
    ],
    ["sticker", { event_name: "message.sticker.received", message: { ...message, text: undefined } }, { kind: "sticker" }],
    ["voice", { event_name: "message.voice.received", message }, { kind: "voice" }],
    ["unsupported", { event_name: "message.unsupported.received", message }, { kind: "unsupported" }],
    ["an event we do not know", { event_name: "user.follow", message }, { kind: "other", eventName: "user.follow" }],
    [
      "name or first_name instead of display_name",
      { event_name: "message.text.received", message: { ...message, from: { id: "u1", first_name: " Lê C " } } },
      { displayName: "Lê C" },
    ],
    ["no name at all", { event_name: "message.text.received", message: { ...message, from: { id: "u1" } } }, { displayName: "" }],
    [
      "numeric ids become strings",
      { event_name: "message.text.received", message: { ...message, from: { id: 7 }, chat: { id: 8 }, message_id: 9 } },
      { userId: "7", chatId: "8", messageId: "9" },
    ],
    [
      "no chat: the sender's id",
      { event_name: "message.text.received", message: { ...message, chat: undefined } },
      { chatId: "u1", chatType: "PRIVATE" },
    ],
    [
      "date in seconds",
      { event_name: "message.text.received", message: { ...message, date: 1_750_000_000 } },
      { dateMs: 1_750_000_000_000 },
    ],
    ["no date: now", { event_name: "message.text.received", message: { ...message, date: undefined } }, { dateMs: 42 }],
    [
      "getUpdates answer without event_name",
      { ok: true, result: { message } },
      { eventName: "message.text.received", kind: "text" },
    ],
    [
      "extra and mistyped fields are ignored",
      {
        event_name: "message.text.received",
        extra: 1,
        message: { ...message, text: 5, sticker: "x", from: { ...message.from, display_name: ["?"], name: "D" } },
      },
      { displayName: "D", kind: "text" },
    ],
  ])("%s", (_, body, expected) => {
    expect(parseZaloWebhook(body, at)).toMatchObject(expected);
  });

  it("leaves text out when there is none", () => {
    expect(
      parseZaloWebhook({ event_name: "message.sticker.received", message: { ...message, text: undefined } }, at),
    ).not.toHaveProperty("text");
  });

  it.each<[string, unknown]>([
    ["setWebhook's check", { ok: true }],
    ["empty object", {}],
    ["null", null],
    ["a string", "ping"],
    ["no message", { event_name: "message.text.received" }],
    ["no message_id", { event_name: "message.text.received", message: { ...message, message_id: undefined } }],
    ["no ids at all", { event_name: "message.text.received", message: { ...message, from: undefined, chat: undefined } }],
    ["wrapped error", { ok: false, error_code: 408, description: "Request timeout" }],
  ])("null for %s", (_, body) => {
    expect(parseZaloWebhook(body)).toBeNull();
  });
});
