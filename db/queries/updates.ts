import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { processedUpdates } from "../schema";

/** Insert-or-nothing: the one request whose insert returns a row owns the update. */
export function claimUpdate(db: Db, updateId: number) {
  return db.insert(processedUpdates).values({ updateId }).onConflictDoNothing().returning({ updateId: processedUpdates.updateId });
}

/** Handling failed: let Telegram's retry be processed. */
export async function releaseUpdate(db: Db, updateId: number): Promise<void> {
  await db.delete(processedUpdates).where(eq(processedUpdates.updateId, updateId));
}
