import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { addTask, alertEnv, deliver, makeAlertUnit, messagesFor, outboxOf, RecordingQueue, runCron, vn } from "../alerts/helpers";
import { chatMessages } from "../support/fake-telegram";
import { zaloDriver, zaloMessages, zaloUserId } from "../support/chat-driver";

const MON = "2026-06-08";

async function zaloControl(path: string, body: unknown): Promise<void> {
  await fetch(`${inject("fakeZaloUrl")}/__fake/${path}`, { method: "POST", body: JSON.stringify(body) });
}

/** A unit whose member uses both Telegram and Zalo, with one task due tomorrow, its alerts written and queued. */
async function alertsOnBothChannels() {
  const u = await makeAlertUnit();
  await zaloDriver.link(u.member);
  const queue = new RecordingQueue();
  const e = alertEnv(queue);
  await addTask(u.planId, u.unit, { ref: "1", title: "Nộp báo cáo sơ kết", due: "2026-06-09" });
  await runCron(e, vn(MON));
  const alerts = await messagesFor(queue.take(), [u.member.memberId]);
  return { u, e, alerts };
}

describe("deadline alerts on every channel a member uses", () => {
  it("writes one outbox row per channel and delivers both; on Zalo the buttons become a menu that works", async () => {
    const { u, e, alerts } = await alertsOnBothChannels();
    expect(alerts).toHaveLength(2);
    const rows = await env.DB.prepare("select channel, status from reminders where member_id = ? order by channel")
      .bind(u.member.memberId)
      .all();
    expect(rows.results).toEqual([
      { channel: "telegram", status: "queued" },
      { channel: "zalo", status: "queued" },
    ]);
    await deliver(e, alerts, { deps: {} });
    expect((await outboxOf(u.member.memberId)).map((r) => r.status)).toEqual(["sent", "sent"]);
    const [telegram] = await chatMessages(u.member.id);
    expect(telegram!.text).toContain("Nộp báo cáo sơ kết");
    const zalo = await zaloMessages(u.member);
    expect(zalo).toHaveLength(1);
    expect(zalo[0]).toContain("Nộp báo cáo sơ kết");
    expect(zalo[0]).toMatch(/\d\. ✍️ Báo cáo tiến độ/);
    // Typing the menu key does what the button does.
    await zaloDriver.press(u.member, "✍️ Báo cáo tiến độ");
    expect(await zaloDriver.last(u.member)).toContain("Tiến độ hiện tại");
  });

  it("410 from Zalo marks the member unreachable on Zalo only; Telegram still delivers, and the leader is told", async () => {
    const { u, e, alerts } = await alertsOnBothChannels();
    await zaloControl("invalid-chats", { chat_ids: [zaloUserId(u.member)] });
    try {
      await deliver(e, alerts, { deps: {} });
    } finally {
      await zaloControl("invalid-chats", { chat_ids: [] });
    }
    const rows = await env.DB.prepare("select channel, status from reminders where member_id = ? order by channel")
      .bind(u.member.memberId)
      .all();
    expect(rows.results).toEqual([
      { channel: "telegram", status: "sent" },
      { channel: "zalo", status: "unreachable" },
    ]);
    const channels = await env.DB.prepare(
      "select channel, unreachable_since is not null as unreachable from member_channels where member_id = ? order by channel",
    )
      .bind(u.member.memberId)
      .all();
    expect(channels.results).toEqual([
      { channel: "telegram", unreachable: 0 },
      { channel: "zalo", unreachable: 1 },
    ]);
    const member = await env.DB.prepare("select unreachable_since from members where id = ?").bind(u.member.memberId).first();
    expect(member).toEqual({ unreachable_since: null });
    const leader = await env.DB.prepare("select kind from reminders where member_id = ? and kind = 'member_unreachable'")
      .bind(u.leader.memberId)
      .all();
    expect(leader.results).toHaveLength(1);

    // The next scan writes the Telegram alert only.
    await addTask(u.planId, u.unit, { ref: "2", due: "2026-06-10" });
    await runCron(e, vn("2026-06-09"));
    const next = await env.DB.prepare("select channel from reminders where member_id = ? and period_key like '2026-06-10%'")
      .bind(u.member.memberId)
      .all();
    expect(next.results).toEqual([{ channel: "telegram" }]);
  });
});
