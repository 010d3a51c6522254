import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { inboundUpdates } from "../schema";

/** A claim still processing after this long belongs to a Worker that was killed: its update may be taken again. */
const CLAIM_TIMEOUT_MS = 60_000;

/* A finished update is never taken again; an unfinished one only once its claim is older than a minute. */
/**
 * Insert-or-take-over as one statement for the webhook's first batch: it
 * returns a row when this request owns the update. Plain SQL: this runs on
 * every update, and building it with Drizzle cost more than running it.
 */
export function claimUpdate(d1: D1Database, key: string, now: Date): D1PreparedStatement {
  const stale = new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString();
  return d1
    .prepare(
      `insert into inbound_updates (key, state, claimed_at) values (?1, 'processing', ?2)
       on conflict (key) do update set claimed_at = ?2 where state = 'processing' and claimed_at < ?3
       returning key`,
    )
    .bind(key, now.toISOString(), stale);
}

/** Handled (or answered with an apology): retries of it are answered "already processed". */
export async function finishUpdate(db: Db, key: string): Promise<void> {
  await db.update(inboundUpdates).set({ state: "done" }).where(sql`${inboundUpdates.key} = ${key}`);
}

/** An infrastructure failure: let the platform's retry be processed. */
export async function releaseUpdate(db: Db, key: string): Promise<void> {
  await db.delete(inboundUpdates).where(sql`${inboundUpdates.key} = ${key}`);
}
