import { lt } from "drizzle-orm";
import type { Db } from "../client";
import { processedUpdates } from "../schema";

/** Telegram stops re-sending an update after 24 hours; older claims only cost rows. */
export async function pruneProcessedUpdates(db: Db, olderThan: Date): Promise<number> {
  const deleted = await db
    .delete(processedUpdates)
    .where(lt(processedUpdates.receivedAt, olderThan.toISOString()))
    .returning({ updateId: processedUpdates.updateId });
  return deleted.length;
}
