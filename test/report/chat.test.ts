import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { vietnamDate } from "../../core/time/vietnam-date";
import app from "../../worker/index";
import type { Env } from "../../services/env";
import { TEST_WEBHOOK_SECRET } from "../support/constants";
import { drivers } from "../support/chat-driver";
import { chatMessages } from "../support/fake-telegram";
import { makeCommittee, makeUnit } from "../support/fixtures";
import { textUpdate } from "../support/webhook";
import { readBack } from "./read-docx";

const worker = app as ExportedHandler<Env>;

async function telegramDocument(chatId: number): Promise<{ name: string; caption: string; bytes: Uint8Array }> {
  const messages = (await chatMessages(chatId)) as { caption?: string; document?: { file_id: string; file_name: string } }[];
  const message = [...messages].reverse().find((m) => m.document);
  if (!message) throw new Error("no document sent");
  const response = await fetch(`${inject("fakeTelegramUrl")}/__fake/files/${encodeURIComponent(message.document!.file_id)}`);
  return {
    name: message.document!.file_name,
    caption: message.caption ?? "",
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

async function download(text: string): Promise<Response> {
  const link = /https?:\/\/\S+\/web\/tep\/(\S+)/.exec(text);
  if (!link) throw new Error(`no download link in: ${text}`);
  return worker.fetch!(new Request(`https://bot.test/web/tep/${link[1]}`), env, createExecutionContext());
}

describe.each(drivers)("/lapbaocao on $channel", (chat) => {
  it("plan, period, then the report: a Word file on Telegram, a signed link on Zalo", async () => {
    const c = await makeCommittee();
    for (const person of [c.admin, c.viewer, c.memberA]) await chat.link(person);
    const month = Number(vietnamDate(new Date()).slice(5, 7));
    const year = vietnamDate(new Date()).slice(0, 4);
    const screen = await chat.say(c.admin, "/lapbaocao");
    expect(screen).toContain("Chọn kỳ báo cáo");
    await chat.press(c.admin, `Tháng ${month} năm ${year}`);
    let bytes: Uint8Array;
    if (chat.channel === "telegram") {
      const file = await telegramDocument(c.admin.id);
      expect(file.name).toMatch(/^bao-cao-ket-qua-kh-.*\.docx$/);
      expect(file.caption).toContain(`Dự thảo báo cáo kết quả thực hiện Kế hoạch số KH-${c.tag}`);
      bytes = file.bytes;
    } else {
      const text = await chat.last(c.admin);
      expect(text).toContain("Dự thảo báo cáo kết quả thực hiện");
      const response = await download(text);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toContain(".docx");
      bytes = new Uint8Array(await response.arrayBuffer());
    }
    const doc = await readBack(bytes);
    expect(doc.text).toContain(`(tháng ${month} năm ${year})`);
    expect(doc.text).toContain(`Đảng ủy xã An Bình ${c.tag}`);

    // A viewer of the issuing unit reads the plan, so drafts too; a member does not.
    expect(await chat.say(c.viewer, "/lapbaocao quý I/2025")).not.toContain("Chưa hiểu");
    expect(await chat.say(c.memberA, "/lapbaocao")).toContain("dành cho cơ quan theo dõi kế hoạch");
  });

  it("a typed period it cannot read, or one not begun, changes nothing and says how to type it", async () => {
    const c = await makeCommittee();
    await chat.link(c.admin);
    expect(await chat.say(c.admin, "/lapbaocao quý 7/2026")).toContain("Chưa hiểu kỳ báo cáo");
    expect(await chat.say(c.admin, `/lapbaocao năm ${Number(vietnamDate(new Date()).slice(0, 4)) + 1}`)).toContain(
      "chưa bắt đầu",
    );
  });
});

describe("/lapbaocao on a large plan or an unclear issuer", () => {
  it("asks the layout when the issuing unit's name says nothing, then goes through the queue with it", async () => {
    const c = await makeCommittee();
    const issuer = await makeUnit(`Hội đồng hương ${c.tag}`);
    await env.DB.prepare("update plans set issuer_unit_id = ?1 where id = ?2").bind(issuer, c.planId).run();
    const sent: unknown[] = [];
    const e = {
      ...env,
      EXPORT_INLINE_MAX_ROWS: "2",
      ALERTS: {
        send: async (body: unknown) => void sent.push(body),
        sendBatch: async () => undefined,
      } as unknown as Queue<unknown>,
    };
    const post = async (update: unknown) =>
      worker.fetch!(
        new Request("https://bot.test/telegram/webhook", {
          method: "POST",
          headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": TEST_WEBHOOK_SECRET },
          body: JSON.stringify(update),
        }),
        e,
        createExecutionContext(),
      );
    await post(textUpdate(c.admin, "/lapbaocao năm 2025"));
    const ask = (await chatMessages(c.admin.id)).at(-1)!;
    expect(ask.text).toContain("Chưa xác định được thể thức văn bản");
    expect(sent).toEqual([]);

    await post(textUpdate(c.admin, "/lapbaocao năm 2025"));
    const buttons = (
      ask as { reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] } }
    ).reply_markup!.inline_keyboard.flat();
    const state = buttons.find((b) => b.text.includes("NĐ 30"))!;
    await post({
      update_id: Math.floor(Math.random() * 1e9),
      callback_query: {
        id: String(Math.random()),
        from: { id: c.admin.id, is_bot: false, first_name: c.admin.firstName },
        chat_instance: "1",
        message: { message_id: 1, date: 0, chat: { id: c.admin.id, type: "private" }, text: ask.text },
        data: state.callback_data,
      },
    });
    expect((await chatMessages(c.admin.id)).at(-1)!.text).toContain("báo cáo đang được lập");
    expect(sent).toEqual([
      { export: { planId: c.planId, memberId: c.admin.memberId, format: "docx", period: "2025", layout: "state" } },
    ]);

    const batch = createMessageBatch("theo-doi-ke-hoach-alerts", [
      { id: "r1", timestamp: new Date(), attempts: 1, body: sent[0] },
    ]);
    const qctx = createExecutionContext();
    await worker.queue!(batch, e, qctx);
    expect((await getQueueResult(batch, qctx)).explicitAcks).toEqual(["r1"]);
    const ready = (await chatMessages(c.admin.id)).at(-1)!.text!;
    expect(ready).toContain("(năm 2025)");
    const response = await download(ready);
    expect(response.status).toBe(200);
    const doc = await readBack(new Uint8Array(await response.arrayBuffer()));
    expect(doc.tables[0]![0]![1]).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(doc.text).toContain("Số liệu tính đến hết ngày 31/12/2025");
  });
});
