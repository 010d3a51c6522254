import { claimPending } from "../../db/queries/outbox";
import type { Env } from "../env";
import { sendReminders } from "./send-reminders";

/**
 * Sends outbox rows at once, inside the request that wrote them (a decision's
 * notice should not wait for the queue), through the same consumer as every
 * alert. A send that fails goes to the queue with the consumer's delay, so it
 * is retried rather than lost; without a queue it waits for the cron's sweep.
 */
export async function deliverNow(env: Env, ids: number[], waitUntil: (p: Promise<unknown>) => void): Promise<void> {
  const claimed = await claimPending(env.DB, ids.length, ids);
  if (claimed.length === 0) return;
  const messages = claimed.map(
    (c, i): Message<unknown> => ({
      id: `now-${c.id}-${i}`,
      timestamp: new Date(),
      body: { id: c.id },
      attempts: 1,
      ack() {},
      retry(options?: QueueRetryOptions) {
        if (env.ALERTS) waitUntil(env.ALERTS.send({ id: c.id }, options));
      },
    }),
  );
  const batch: MessageBatch<unknown> = {
    queue: "deliver-now",
    messages,
    metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } },
    ackAll() {},
    retryAll(options?: QueueRetryOptions) {
      for (const m of messages) m.retry(options);
    },
  };
  await sendReminders(batch, env, { ignoreSendingHours: true });
}
