import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { inboundUpdates } from "../schema";

/** A claim still processing after this long belongs to a Worker that was killed: its update may be taken again. */
const CLAIM_TIMEOUT_MS = 60_000;

/**
 * Insert-or-take-over: the request whose statement returns a row owns the
 * update. A finished update is never taken again; an unfinished one only once
 * its claim is older than a minute.
 */
export function claimUpdate(db: Db, key: string, now: Date) {
  const stale = new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString();
  return db
    .insert(inboundUpdates)
    .values({ key, state: "processing", claimedAt: now.toISOString() })
    .onConflictDoUpdate({
      target: inboundUpdates.key,
      set: { claimedAt: now.toISOString() },
      setWhere: sql`${inboundUpdates.state} = 'processing' and ${inboundUpdates.claimedAt} < ${stale}`,
    })
    .returning({ key: inboundUpdates.key });
}

/** Handled (or answered with an apology): retries of it are answered "already processed". */
export async function finishUpdate(db: Db, key: string): Promise<void> {
  await db.update(inboundUpdates).set({ state: "done" }).where(sql`${inboundUpdates.key} = ${key}`);
}

/** An infrastructure failure: let the platform's retry be processed. */
export async function releaseUpdate(db: Db, key: string): Promise<void> {
  await db.delete(inboundUpdates).where(sql`${inboundUpdates.key} = ${key}`);
}
