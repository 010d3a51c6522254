import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";

/**
 * The query builder over a D1 binding. Built per request (the webhook wraps
 * D1 to count round trips), so without `schema`: drizzle's relational query
 * API (`db.query.*`) is unused, and extracting its config from the schema
 * was a tenth of an update's CPU time.
 */
export type Db = DrizzleD1Database & { $client: D1Database };

export function createDb(d1: D1Database): Db {
  return drizzle(d1);
}
