import { createMessageBatch, getQueueResult, createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import app from "../../worker/index";
import type { Env } from "../../services/env";

const worker = app as ExportedHandler<Env>;
import { chatMessages } from "../support/fake-telegram";
import { TEST_WEBHOOK_SECRET } from "../support/constants";
import { textUpdate } from "../support/webhook";
import { makeCommittee } from "../support/fixtures";

/**
 * A plan too large for one chat request: /xuat answers at once and the queue
 * builds the file, keeps it in R2 and sends the link. The threshold is set
 * low here (EXPORT_INLINE_MAX_ROWS) so a small committee takes that path.
 */
describe("large exports go through the queue", () => {
  it("/xuat on a large plan answers that the report is being made; the queue builds it and the admin gets a working link", async () => {
    const c = await makeCommittee();
    const sent: unknown[] = [];
    const e = {
      ...env,
      EXPORT_INLINE_MAX_ROWS: "2",
      ALERTS: {
        send: async (body: unknown) => void sent.push(body),
        sendBatch: async () => undefined,
      } as unknown as Queue<unknown>,
    };
    const ctx = createExecutionContext();
    const response = await worker.fetch!(
      new Request("https://bot.test/telegram/webhook", {
        method: "POST",
        headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": TEST_WEBHOOK_SECRET },
        body: JSON.stringify(textUpdate(c.admin, "/xuat")),
      }),
      e,
      ctx,
    );
    expect(response.status).toBe(200);
    expect((await chatMessages(c.admin.id)).at(-1)!.text).toContain("báo cáo đang được lập");
    expect(sent).toEqual([{ export: { planId: c.planId, memberId: c.admin.memberId, format: "xlsx" } }]);

    const batch = createMessageBatch("theo-doi-ke-hoach-alerts", [
      { id: "x1", timestamp: new Date(), attempts: 1, body: sent[0] },
    ]);
    const qctx = createExecutionContext();
    await worker.queue!(batch, e, qctx);
    expect((await getQueueResult(batch, qctx)).explicitAcks).toEqual(["x1"]);
    const ready = (await chatMessages(c.admin.id)).at(-1)!.text!;
    expect(ready).toContain("Báo cáo tình hình thực hiện");
    const link = /https?:\/\/\S+\/web\/tep\/(\S+)/.exec(ready);
    expect(link).not.toBeNull();
    const file = await worker.fetch!(new Request(`https://bot.test/web/tep/${link![1]}`), env, createExecutionContext());
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain(".xlsx");
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it("a member who may no longer read the plan gets nothing from a queued export", async () => {
    const c = await makeCommittee();
    await env.DB.prepare("update members set removed_at = '2026-01-01T00:00:00Z' where id = ?").bind(c.admin.memberId).run();
    const batch = createMessageBatch("theo-doi-ke-hoach-alerts", [
      {
        id: "x2",
        timestamp: new Date(),
        attempts: 1,
        body: { export: { planId: c.planId, memberId: c.admin.memberId, format: "csv" } },
      },
    ]);
    const qctx = createExecutionContext();
    await worker.queue!(batch, env, qctx);
    expect((await getQueueResult(batch, qctx)).explicitAcks).toEqual(["x2"]);
    expect(await chatMessages(c.admin.id)).toEqual([]);
  });
});
