import { createDb } from "../db/client";
import { pruneProcessedUpdates } from "../db/queries/maintenance";
import { app } from "./app";
import type { Env } from "../services/env";
import { consumeAlerts } from "../services/queue";
import { runAlerts } from "../services/alerts/scheduled";

const TWO_DAYS_MS = 2 * 86_400_000;

export default {
  fetch: app.fetch,

  /** Cron (see wrangler.toml): deadline alerts to the outbox and the queue, and a smaller update log. */
  async scheduled(controller, env) {
    await pruneProcessedUpdates(createDb(env.DB), new Date(controller.scheduledTime - TWO_DAYS_MS));
    const { scan, ...report } = await runAlerts(env, controller.scheduledTime);
    const rowsRead = scan.reduce((n, s) => n + s.rowsRead, 0);
    const rowsReturned = scan.reduce((n, s) => n + s.rowsReturned, 0);
    console.log(JSON.stringify({ event: "alerts.run", cron: controller.cron, ...report, rowsRead, rowsReturned }));
  },

  /** Alert fan-out: sends at Telegram's pace (services/queue.ts). */
  async queue(batch, env) {
    await consumeAlerts(batch, env);
  },
} satisfies ExportedHandler<Env>;
