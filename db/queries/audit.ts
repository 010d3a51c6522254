import type { Db } from "../client";
import { auditLog } from "../schema";

export interface AuditEntry {
  actorMemberId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  detail?: Record<string, unknown>;
}

/** An audit insert to put in the same batch as the change it records. */
export function auditStatement(db: Db, entry: AuditEntry) {
  return db.insert(auditLog).values({ ...entry, detail: entry.detail ?? null });
}

/**
 * The audit insert in plain SQL, for batches on the per-update path;
 * `onlyIfChanged`: written only when the statement before it in the batch
 * changed a row (SQLite's changes()).
 */
export function auditInsert(d1: D1Database, entry: AuditEntry, onlyIfChanged = false): D1PreparedStatement {
  return d1
    .prepare(
      `insert into audit_log (actor_member_id, action, entity, entity_id, detail)
       select ?1, ?2, ?3, ?4, ?5${onlyIfChanged ? " where changes() = 1" : ""}`,
    )
    .bind(entry.actorMemberId, entry.action, entry.entity, entry.entityId, entry.detail ? JSON.stringify(entry.detail) : null);
}

/**
 * A guarded change and its audit entry in one batch, the entry written only
 * when the change touched a row (SQLite's changes() between statements of a
 * batch). `update` must guard on the state the screen showed and end with
 * `returning id`: a second tap, or two admins at once, change and audit
 * once. Returns whether it changed.
 */
export async function guardedChange(
  db: Db,
  update: D1PreparedStatement,
  entry: AuditEntry,
  after: D1PreparedStatement[] = [],
): Promise<boolean> {
  const d1 = db.$client;
  const [changed] = await d1.batch([update, auditInsert(d1, entry, true), ...after]);
  return changed!.results.length === 1;
}
