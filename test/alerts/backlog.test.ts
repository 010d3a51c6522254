import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { alertEnv, deliver, makeAlertUnit, messagesFor, RecordingQueue, runCron, vn } from "./helpers";

const MON = "2026-06-08";

describe("a large backlog", () => {
  it("a run with thousands of alerts enqueues the first 2,000; the consumer tops the queue up as it goes", async () => {
    const u = await makeAlertUnit();
    const queue = new RecordingQueue();
    const e = alertEnv(queue);
    await env.DB.prepare(
      `with recursive s(x) as (select 1 union all select x + 1 from s where x < 800)
       insert into tasks (plan_id, ref, title, deadline_kind, due_on, created_at)
       select ?1, 'B' || x, 'Việc hàng loạt ' || x, 'date', '2026-06-09', '2026-01-05T00:00:00.000Z' from s`,
    )
      .bind(u.planId)
      .run();
    await env.DB.prepare("insert into assignments (task_id, unit_id, role) select id, ?2, 'lead' from tasks where plan_id = ?1")
      .bind(u.planId, u.unit)
      .run();
    const people = [u.member.memberId, u.member2.memberId, u.leader.memberId];
    const status = async () => {
      const { results } = await env.DB.prepare(
        "select status, count(*) as n from reminders where member_id in (select value from json_each(?1)) group by status order by status",
      )
        .bind(JSON.stringify(people))
        .all<{ status: string; n: number }>();
      return Object.fromEntries(results.map((r) => [r.status, r.n]));
    };

    await runCron(e, vn(MON));
    const first = await messagesFor(queue.take(), people);
    expect(first.length).toBeLessThanOrEqual(2_000);
    expect(await status()).toEqual({ pending: 2_400 - first.length, queued: first.length });

    // a batch of 25 whose reminders went out already: nothing is sent, 25 more are enqueued
    const batch = first.slice(0, 25);
    await env.DB.prepare("update reminders set status = 'sent' where id in (select value from json_each(?1))")
      .bind(JSON.stringify(batch.map((m) => m.body.id)))
      .run();
    await deliver(e, batch);
    expect(queue.take()).toHaveLength(25);
    expect(await status()).toEqual({ pending: 2_400 - first.length - 25, queued: first.length, sent: 25 });
  });
});
