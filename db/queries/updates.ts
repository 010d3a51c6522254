import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { inboundUpdates } from "../schema";

/** A claim still processing after this long belongs to a Worker that was killed: its update may be taken again. */
const CLAIM_TIMEOUT_MS = 60_000;

/**
 * This request's claim on an update. It is settled ("done") in the same batch
 * as the update's own write where there is one (`writeSettling`), after the
 * answer otherwise (an update that only reads included: until it is
 * answered, a retry must not be told it was handled).
 */
export class UpdateClaim {
  constructor(
    readonly key: string,
    public settled = false,
  ) {}
}

/* A finished update is never taken again; an unfinished one only once its claim is older than a minute. */
/**
 * Insert-or-take-over as one statement for the webhook's first batch: it
 * returns a row when this request owns the update. Plain SQL: this runs on
 * every update, and building it with Drizzle cost more than running it.
 * `settled`: the update only reads, so the claim is done from the start.
 */
export function claimUpdate(d1: D1Database, claim: UpdateClaim, now: Date): D1PreparedStatement {
  const stale = new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString();
  return d1
    .prepare(
      `insert into inbound_updates (key, state, claimed_at) values (?1, ?4, ?2)
       on conflict (key) do update set claimed_at = ?2, state = ?4 where state = 'processing' and claimed_at < ?3
       returning key`,
    )
    .bind(claim.key, now.toISOString(), stale, claim.settled ? "done" : "processing");
}

/** The claim's state as it stands after claimUpdate in the same batch: "processing" or "done". */
export function claimStateStatement(d1: D1Database, claim: UpdateClaim): D1PreparedStatement {
  return d1.prepare("select state from inbound_updates where key = ?1").bind(claim.key);
}

/** The statement that settles a claim: for the batch that ends an update. */
export function finishStatement(d1: D1Database, claim: UpdateClaim): D1PreparedStatement {
  return d1.prepare(`update inbound_updates set state = 'done' where key = ?1`).bind(claim.key);
}

/**
 * The update's write, with its claim settled in the same batch (one round
 * trip, and a retry of an update whose write went through is never redone).
 * If the batch fails, the claim stays open for the platform's retry.
 */
export async function writeSettling(
  d1: D1Database,
  claim: UpdateClaim | undefined,
  statements: D1PreparedStatement[],
): Promise<D1Result[]> {
  if (!claim || claim.settled) return d1.batch(statements);
  const results = await d1.batch([...statements, finishStatement(d1, claim)]);
  claim.settled = true;
  return results;
}

/** An infrastructure failure: let the platform's retry be processed. */
export async function releaseUpdate(db: Db, key: string): Promise<void> {
  await db.delete(inboundUpdates).where(sql`${inboundUpdates.key} = ${key}`);
}
