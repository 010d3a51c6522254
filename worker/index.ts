import { createDb } from "../db/client";
import { pruneProcessedUpdates } from "../db/queries/maintenance";
import { app } from "./app";
import type { Env } from "./env";

const TWO_DAYS_MS = 2 * 86_400_000;

export default {
  fetch: app.fetch,

  /** Cron (see wrangler.toml). Deadline alerts will be found here; today it keeps the update log small. */
  async scheduled(controller, env) {
    await pruneProcessedUpdates(createDb(env.DB), new Date(controller.scheduledTime - TWO_DAYS_MS));
  },

  /** Alert fan-out consumer. No producer sends yet: anything here is unexpected, so keep it for a later consumer. */
  async queue(batch) {
    console.warn(`queue ${batch.queue}: ${batch.messages.length} message(s) with no consumer yet; retrying later`);
    batch.retryAll({ delaySeconds: 3600 });
  },
} satisfies ExportedHandler<Env>;
