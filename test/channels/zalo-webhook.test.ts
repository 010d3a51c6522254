import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openTask, postZalo, zaloDriver as chat, zaloEvent, zaloMessages, zaloUserId } from "../support/chat-driver";
import { makeCommittee } from "../support/fixtures";
import { addTarget } from "../admin/support";
import { webFetch } from "../web/support";
import { ZALO_TEST_WEBHOOK_SECRET } from "../support/zalo-constants";
import { newTelegramId } from "../support/webhook";

const claims = (messageId: string) =>
  env.DB.prepare("select count(*) as n from inbound_updates where key = ?").bind(`zl:${messageId}`).first<{ n: number }>();

async function memberOnZalo() {
  const c = await makeCommittee();
  await chat.link(c.memberA);
  return { c, user: c.memberA };
}

describe("Zalo webhook", () => {
  it("answers 401 to a forged or missing secret and writes nothing", async () => {
    const { user } = await memberOnZalo();
    const event = zaloEvent(user, "text", "/viec", "forged-1");
    expect((await postZalo(event, "wrong-secret")).status).toBe(401);
    expect((await postZalo(event, null)).status).toBe(401);
    expect((await claims("forged-1"))!.n).toBe(0);
    expect(await zaloMessages(user)).toEqual([]);
  });

  it("answers setWebhook's check (no secret, no message) with 200 and does nothing", async () => {
    expect((await postZalo({ ok: true }, null)).status).toBe(200);
    expect((await postZalo({}, null)).status).toBe(200);
  });

  it("handles a message delivered five times at once exactly once", async () => {
    const { user } = await memberOnZalo();
    const event = zaloEvent(user, "text", "/viec", `dup-${user.id}`);
    const responses = await Promise.all(Array.from({ length: 5 }, () => postZalo(event)));
    // One run answers; the copies that arrive while it is still processing get 503 (the platform retries them).
    expect(responses.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(responses.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    expect((await postZalo(event)).status).toBe(200);
    expect(await zaloMessages(user)).toHaveLength(1);
    expect((await claims(`dup-${user.id}`))!.n).toBe(1);
  });

  it("reads both body shapes: flat and wrapped in {ok, result}", async () => {
    const { user } = await memberOnZalo();
    expect((await postZalo(zaloEvent(user, "text", "/trogiup"))).status).toBe(200);
    expect((await postZalo({ ok: true, result: zaloEvent(user, "text", "/viec") })).status).toBe(200);
    const texts = await zaloMessages(user);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain("Nhiệm vụ của");
  });
});

describe("bad input on Zalo gets a clear Vietnamese answer and changes nothing", () => {
  it("an unknown menu number names the choices; a stale menu asks to open the list again", async () => {
    const { user } = await memberOnZalo();
    await chat.say(user, "/viec");
    expect(await chat.say(user, "42")).toContain('Không có mục "42"');
    await env.DB.prepare("update chat_menus set created_at = '2020-01-01T00:00:00.000Z' where chat_key = ?")
      .bind(`zl:${zaloUserId(user)}`)
      .run();
    expect(await chat.say(user, "1")).toContain("Danh sách lựa chọn đã cũ");
    await env.DB.prepare("delete from chat_menus where chat_key = ?")
      .bind(`zl:${zaloUserId(user)}`)
      .run();
    expect(await chat.say(user, "2")).toContain("Danh sách lựa chọn đã cũ");
  });

  it("stickers and voice: not readable, and inside a flow the flow's question stands", async () => {
    const { c, user } = await memberOnZalo();
    await postZalo(zaloEvent(user, "sticker"));
    expect(await chat.last(user)).toContain("chỉ đọc được chữ và ảnh");
    await openTask(chat, user, c.tasksA.notDue.title);
    await chat.press(user, "📝 Báo cáo tiến độ");
    await postZalo(zaloEvent(user, "voice"));
    expect(await chat.last(user)).toContain("đang chờ đồng chí gõ");
    expect(await chat.say(user, "40")).toContain("Tiến độ mới: 40%");
    const reports = await env.DB.prepare("select count(*) as n from progress_reports where assignment_id = ?")
      .bind(c.tasksA.notDue.assignmentId)
      .first<{ n: number }>();
    expect(reports!.n).toBe(0);
  });

  it("a file Zalo cannot hand over is answered with what to do instead", async () => {
    const { user } = await memberOnZalo();
    await postZalo(zaloEvent(user, "unsupported"));
    expect(await chat.last(user)).toContain("Zalo chưa cho bot nhận tệp");
  });

  it("text over the limit is refused with its length, and nothing is saved", async () => {
    const { c, user } = await memberOnZalo();
    await openTask(chat, user, c.tasksA.notDue.title);
    await chat.press(user, "📝 Báo cáo tiến độ");
    await chat.say(user, "30");
    expect(await chat.say(user, "x".repeat(1500))).toContain("quá giới hạn 1000");
    const reports = await env.DB.prepare("select count(*) as n from progress_reports where assignment_id = ?")
      .bind(c.tasksA.notDue.assignmentId)
      .first<{ n: number }>();
    expect(reports!.n).toBe(0);
  });

  it("someone who is not a member learns how to join, and nothing else", async () => {
    const stranger = { id: newTelegramId(), firstName: "Lạ" };
    expect(await chat.say(stranger, "/viec")).toContain("/start MÃ_MỜI");
    expect(await chat.say(stranger, "1")).toContain("/start MÃ_MỜI");
    await postZalo(zaloEvent(stranger, "image"));
    expect(await chat.last(stranger)).toContain("/start MÃ_MỜI");
  });

  it("the long list a screen would show is split into messages of at most 2,000 characters", async () => {
    const { user } = await memberOnZalo();
    await chat.say(user, "/viec");
    for (const text of await zaloMessages(user)) expect(text.length).toBeLessThanOrEqual(2000);
  });
});

describe("documents on Zalo go through the web form of the same report", () => {
  it("the evidence step offers a signed form link; a file sent in the flow gets the link too, and the link opens the form", async () => {
    const { c, user } = await memberOnZalo();
    await openTask(chat, user, c.tasksA.notDue.title);
    await chat.press(user, "📝 Báo cáo tiến độ");
    await chat.say(user, "40");
    const ask = await chat.say(user, "Đã họp, có biên bản");
    const link = /(http\S+\/web\/bieu-mau\/\S+)/.exec(ask)?.[1];
    expect(link).toBeDefined();
    await postZalo(zaloEvent(user, "unsupported"));
    expect(await chat.last(user)).toContain("/web/bieu-mau/");
    const { default: worker } = await import("../../worker/index");
    const page = await worker.fetch(
      new Request(link!.replace(/^http:\/\/[^/]+/, "https://bot.test")),
      env,
      {} as ExecutionContext,
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(c.tasksA.notDue.title);
  });
});

describe("a deployment that serves Zalo only", () => {
  it("answers Zalo without any Telegram settings; the Telegram webhook is then not there", async () => {
    const { createExecutionContext, waitOnExecutionContext } = await import("cloudflare:test");
    const { default: worker } = await import("../../worker/index");
    const { user } = await memberOnZalo();
    const zaloOnly = { ...env, TELEGRAM_BOT_TOKEN: undefined, TELEGRAM_WEBHOOK_SECRET: undefined, LINK_SECRET: undefined };
    const ctx = createExecutionContext();
    const response = await worker.fetch(
      new Request("https://bot.test/zalo/webhook", {
        method: "POST",
        headers: { "content-type": "application/json", "X-Bot-Api-Secret-Token": ZALO_TEST_WEBHOOK_SECRET },
        body: JSON.stringify(zaloEvent(user, "text", "/viec")),
      }),
      zaloOnly,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(200);
    expect(await chat.last(user)).toContain("Nhiệm vụ của");
    const telegram = await worker.fetch(
      new Request("https://bot.test/telegram/webhook", { method: "POST", body: "{}" }),
      zaloOnly,
      createExecutionContext(),
    );
    expect(telegram.status).toBe(404);
  });
});

describe("Zalo: targets", () => {
  it("a target's screen carries the signed web form to record its value, as a link in the text", async () => {
    const { c, user } = await memberOnZalo();
    await addTarget(c.planId, {
      text: "Tỷ lệ hồ sơ trực tuyến",
      value: 80,
      comparator: "gte",
      unitOfMeasure: "%",
      byYear: 2030,
      responsibleUnitId: c.unitA,
    });
    expect(await chat.say(user, "/chitieu")).toContain("Tỷ lệ hồ sơ trực tuyến");
    const screen = await chat.say(user, "1");
    const link = /🔗 🌐 Ghi số liệu trên biểu mẫu web: (\S+)/.exec(screen)?.[1];
    expect(link).toMatch(/^http:\/\/localhost:8787\/web\/bieu-mau\/[^/]+$/);
    const form = await webFetch(new URL(link!).pathname);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("Tỷ lệ hồ sơ trực tuyến");
  });
});
