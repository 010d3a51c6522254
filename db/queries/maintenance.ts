import { lt } from "drizzle-orm";
import type { Db } from "../client";
import { inboundUpdates } from "../schema";

/** Platforms stop re-sending an update after a day; older claims only cost rows. */
export async function pruneProcessedUpdates(db: Db, olderThan: Date): Promise<number> {
  const deleted = await db
    .delete(inboundUpdates)
    .where(lt(inboundUpdates.claimedAt, olderThan.toISOString()))
    .returning({ key: inboundUpdates.key });
  return deleted.length;
}
