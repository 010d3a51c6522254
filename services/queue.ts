import { type ConsumerDeps, sendReminders } from "./delivery/send-reminders";
import type { Env } from "./env";
import { runExportJob } from "./export-job";
import { type ExportJob, exportJob } from "./queue-messages";

/**
 * The alert queue's consumer: large exports are built whatever the hour
 * (someone is waiting for the file now); the reminders are sent at the
 * channels' pace within working hours (delivery/send-reminders.ts).
 */
export async function consumeAlerts(batch: MessageBatch<unknown>, env: Env, deps: ConsumerDeps = {}): Promise<void> {
  for (const message of batch.messages) {
    const job = exportJob.safeParse(message.body);
    if (job.success) await runQueuedExport(env, message, job.data.export);
  }
  await sendReminders(batch, env, deps);
}

/** A large export (services/export-job): retried by the queue if building or storing it fails. */
async function runQueuedExport(env: Env, message: Message<unknown>, job: ExportJob): Promise<void> {
  try {
    const outcome = await runExportJob(env, job);
    if (outcome === "refused")
      console.warn(JSON.stringify({ event: "export.refused", planId: job.planId, memberId: job.memberId }));
    message.ack();
  } catch (error) {
    console.error(
      JSON.stringify({ event: "export.failed", planId: job.planId, error: error instanceof Error ? error.name : "error" }),
    );
    message.retry({ delaySeconds: 60 });
  }
}
