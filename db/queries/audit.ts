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
