import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { vietnamDate } from "../../core/time/vietnam-date";
import { members } from "../../db/schema";
import { createFakeBotApi } from "../../scripts/fake-telegram/fake-bot-api";
import { chatMessages } from "../support/fake-telegram";
import { testDb } from "../support/fixtures";
import {
  addTask,
  alertEnv,
  deliver,
  fakeTelegram,
  makeAlertUnit,
  messagesFor,
  outboxOf,
  RecordingQueue,
  runCron,
  sendCalls,
  vn,
} from "./helpers";

const MON = "2026-06-08";

/** A unit with one task due tomorrow: the member's alert, written and enqueued, not yet delivered. */
async function oneQueuedAlert(tasks = 1) {
  const u = await makeAlertUnit();
  const queue = new RecordingQueue();
  const e = alertEnv(queue);
  for (let i = 1; i <= tasks; i++) await addTask(u.planId, u.unit, { ref: `${i}`, title: `Nhiệm vụ số ${i}`, due: "2026-06-09" });
  await runCron(e, vn(MON));
  const all = queue.take();
  const alerts = await messagesFor(all, [u.member.memberId]);
  expect(alerts).toHaveLength(tasks);
  return { u, queue, e, alerts, all };
}

describe("the alert consumer against the Bot API", () => {
  it("429 with a short retry_after: waits it out and the member gets the alert once", async () => {
    const { u, e, alerts } = await oneQueuedAlert();
    await fakeTelegram({
      failNext: { count: 1, chatId: u.member.id, status: 429, retryAfter: 1, description: "Too Many Requests: retry after 1" },
    });

    const result = await deliver(e, alerts, { deps: {} });
    expect(result.retried).toEqual([]);
    expect((await sendCalls(u.member.id)).map((c) => c.status)).toEqual([429, 200]);
    expect(await chatMessages(u.member.id)).toHaveLength(1);
    expect((await outboxOf(u.member.memberId))[0]).toMatchObject({ status: "sent" });
  });

  it("429 with a long retry_after: handed back to the queue with that delay, sent on the next delivery", async () => {
    const { u, e, alerts } = await oneQueuedAlert();
    await fakeTelegram({
      failNext: { count: 1, chatId: u.member.id, status: 429, retryAfter: 30, description: "Too Many Requests: retry after 30" },
    });

    const first = await deliver(e, alerts, { deps: {} });
    expect(first.retried).toEqual([{ reminderId: alerts[0]!.body.id, delaySeconds: 30 }]);
    expect(await chatMessages(u.member.id)).toHaveLength(0);
    expect((await outboxOf(u.member.memberId))[0]).toMatchObject({
      status: "queued",
      lastError: expect.stringContaining("retry after 30"),
    });

    await deliver(e, alerts, { attempts: 2, deps: {} });
    expect(await chatMessages(u.member.id)).toHaveLength(1);
    expect((await outboxOf(u.member.memberId))[0]).toMatchObject({ status: "sent" });
  });

  it("500: retried with backoff, never marked sent before Telegram accepts it; given up after the last attempt", async () => {
    const { u, e, alerts } = await oneQueuedAlert(2);
    const [a, b] = alerts;
    await fakeTelegram({ failNext: { count: 2, chatId: u.member.id, status: 500 } });

    const first = await deliver(e, [a!], { deps: {} });
    expect(first.retried).toEqual([{ reminderId: a!.body.id, delaySeconds: 10 }]);
    const second = await deliver(e, [a!], { attempts: 3, deps: {} });
    expect(second.retried).toEqual([{ reminderId: a!.body.id, delaySeconds: 20 }]);
    expect(await chatMessages(u.member.id)).toHaveLength(0);
    const row = (await outboxOf(u.member.memberId)).find((r) => r.id === a!.body.id)!;
    expect(row).toMatchObject({ status: "queued", attempts: 2, lastError: expect.stringContaining("Internal Server Error") });

    await deliver(e, [a!], { attempts: 4, deps: {} });
    expect(await chatMessages(u.member.id)).toHaveLength(1);

    // the last allowed attempt fails too: the reminder is marked failed, not retried for ever
    await env.DB.prepare("update reminders set attempts = 7 where id = ?1").bind(b!.body.id).run();
    await fakeTelegram({ failNext: { count: 1, chatId: u.member.id, status: 502 } });
    const last = await deliver(e, [b!], { attempts: 8, deps: {} });
    expect(last.retried).toEqual([]);
    expect((await outboxOf(u.member.memberId)).find((r) => r.id === b!.body.id)).toMatchObject({ status: "failed" });
    expect(await chatMessages(u.member.id)).toHaveLength(1);
  });

  it("deferrals to working hours are not attempts: after many nights, one real error is retried, not given up", async () => {
    const { u, e, alerts } = await oneQueuedAlert();
    const night = { ...e, ALERT_SEND_HOURS: "7-18", ALERT_SEND_ON_DAYS_OFF: "false" };
    for (let i = 0; i < 10; i++) {
      const deferred = await deliver(night, alerts, { attempts: i + 1, deps: { now: () => vn(MON, 22) } });
      expect(deferred.batchDelay).toBeGreaterThan(0);
    }
    expect((await outboxOf(u.member.memberId))[0]).toMatchObject({ status: "queued", attempts: 0 });
    await fakeTelegram({ failNext: { count: 1, chatId: u.member.id, status: 500 } });
    const afterError = await deliver(e, alerts, { attempts: 11, deps: {} });
    expect(afterError.retried).toEqual([{ reminderId: alerts[0]!.body.id, delaySeconds: 10 }]);
    expect((await outboxOf(u.member.memberId))[0]).toMatchObject({ status: "queued", attempts: 1 });
  });

  it("a Bot API that does not answer in time counts as a failure to retry, not as sent", async () => {
    const { u, e, alerts } = await oneQueuedAlert();
    const slow = createFakeBotApi({ rateLimit: false });
    slow.configure({ delayMs: 2_000 });
    const timeoutEnv = { ...e, ALERT_SEND_TIMEOUT_MS: "200" };

    // like the runtime's fetch: an aborted request rejects at once, whatever the server does
    const slowFetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("The operation was aborted", "AbortError")));
        slow.fetchLike(input as string, init).then(resolve, reject);
      })) as typeof fetch;
    const result = await deliver(timeoutEnv, alerts, { deps: { fetch: slowFetch } });
    expect(result.retried).toEqual([{ reminderId: alerts[0]!.body.id, delaySeconds: 10 }]);
    expect((await outboxOf(u.member.memberId))[0]).toMatchObject({
      status: "queued",
      lastError: expect.stringContaining("sendMessage"),
    });
    slow.dispose();

    await deliver(e, alerts, { attempts: 2, deps: {} });
    expect(await chatMessages(u.member.id)).toHaveLength(1);
    expect((await outboxOf(u.member.memberId))[0]).toMatchObject({ status: "sent" });
  });

  it("403: the member is marked unreachable, the unit's leader is told once, and later scans leave the member out", async () => {
    const { u, e, queue, alerts } = await oneQueuedAlert(2);
    await fakeTelegram({ block: [u.member.id] });
    try {
      await deliver(e, alerts, { deps: {} });
    } finally {
      await fakeTelegram({ unblock: [u.member.id] });
    }
    expect((await outboxOf(u.member.memberId)).map((r) => r.status)).toEqual(["unreachable", "unreachable"]);
    const [member] = await testDb().select().from(members).where(eq(members.id, u.member.memberId));
    expect(member!.unreachableSince).not.toBeNull();

    const enqueued = queue.take();
    const notices = await messagesFor(enqueued, [u.leader.memberId]);
    expect(notices).toHaveLength(1);
    // nobody else is told
    expect(await messagesFor(enqueued, [u.member.memberId, u.member2.memberId, u.admin.memberId])).toEqual([]);
    await deliver(e, notices, { deps: {} });
    const [notice] = await chatMessages(u.leader.id);
    expect(notice!.text).toContain(`Đồng chí Lan ${u.member.id} (Đảng ủy xã Tân Lập ${u.tag}) đã chặn bot`);
    expect(notice!.text).toContain("/tieptuc");

    await addTask(u.planId, u.unit, { ref: "9", due: "2026-06-10" });
    await runCron(e, vn("2026-06-09"));
    expect((await outboxOf(u.member.memberId)).filter((r) => r.periodKey.startsWith("2026-06-10"))).toEqual([]);
    expect((await outboxOf(u.member2.memberId)).filter((r) => r.periodKey.startsWith("2026-06-10"))).toHaveLength(1);
  });

  it("a member who paused after the alert was queued does not get it", async () => {
    const { u, e, alerts } = await oneQueuedAlert();
    const today = vietnamDate(new Date());
    await testDb().update(members).set({ pausedUntil: today }).where(eq(members.id, u.member.memberId));
    await deliver(e, alerts, { deps: {} });
    expect(await chatMessages(u.member.id)).toEqual([]);
    expect((await outboxOf(u.member.memberId))[0]).toMatchObject({ status: "failed", lastError: "skipped: paused" });
  });

  it("at night nothing goes out: the batch waits for the morning", async () => {
    const { u, alerts } = await oneQueuedAlert();
    const daytimeOnly = { ...env, ALERTS: undefined };
    // Friday 22:00 in Vietnam: next sending time is Monday 07:00, 57 hours later (capped at the queue's 12 h)
    const result = await deliver(daytimeOnly, alerts, { deps: { now: () => vn("2026-06-05", 22) } });
    expect(result.retryBatch).toMatchObject({ retry: true });
    expect(result.batchDelay).toBe(12 * 3600);
    expect(await chatMessages(u.member.id)).toEqual([]);
  });
});
