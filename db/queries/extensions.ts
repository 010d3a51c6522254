import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { extensionRequests, members } from "../schema";
import { auditStatement } from "./audit";
import { endConversation } from "./conversations";

export interface NewExtensionRequest {
  assignmentId: number;
  requestedBy: number;
  originalDue: string | null;
  proposedDue: string;
  reason: string;
  chatId: string;
}

/** The request, its audit entry and the end of the flow, together. */
export async function createExtensionRequest(db: Db, r: NewExtensionRequest): Promise<number> {
  const { chatId, ...request } = r;
  const [inserted] = await db.batch([
    db.insert(extensionRequests).values(request).returning({ id: extensionRequests.id }),
    auditStatement(db, {
      actorMemberId: r.requestedBy,
      action: "extension.request",
      entity: "assignment",
      entityId: r.assignmentId,
      detail: { from: r.originalDue, to: r.proposedDue },
    }),
    endConversation(db, chatId),
  ]);
  return inserted[0]!.id;
}

export function extensionById(db: Db, id: number) {
  return db
    .select({
      id: extensionRequests.id,
      assignmentId: extensionRequests.assignmentId,
      status: extensionRequests.status,
      proposedDue: extensionRequests.proposedDue,
      originalDue: extensionRequests.originalDue,
      reason: extensionRequests.reason,
      requestedBy: extensionRequests.requestedBy,
    })
    .from(extensionRequests)
    .innerJoin(members, eq(members.id, extensionRequests.requestedBy))
    .where(eq(extensionRequests.id, id))
    .limit(1);
}

/**
 * Grants or refuses a request once: the deadline moves (and the audit entry
 * is written) only when this call is the one that changed a pending request.
 * The task's own due date is never touched; history keeps the original.
 */
export async function decideExtension(
  db: Db,
  d: { requestId: number; adminId: number; approve: boolean; now: string },
): Promise<boolean> {
  const d1 = db.$client;
  const status = d.approve ? "approved" : "refused";
  const [decided] = await d1.batch([
    d1
      .prepare(
        `update extension_requests set status = ?2, decided_by = ?3, decided_at = ?4
         where id = ?1 and status = 'pending' returning id`,
      )
      .bind(d.requestId, status, d.adminId, d.now),
    d1
      .prepare(
        `insert into audit_log (actor_member_id, action, entity, entity_id, detail)
         select ?2, ?3, 'assignment', assignment_id, json_object('request', id, 'to', proposed_due)
         from extension_requests where id = ?1 and changes() = 1`,
      )
      .bind(d.requestId, d.adminId, `extension.${status}`),
    // Idempotent, so it needs no guard: the latest approved request decides the due date.
    d1
      .prepare(
        `update assignments set due_override = r.proposed_due, updated_at = ?2
         from extension_requests r
         where r.id = ?1 and r.status = 'approved' and assignments.id = r.assignment_id
           and not exists (select 1 from extension_requests later where later.assignment_id = r.assignment_id
                           and later.status = 'approved' and later.decided_at > r.decided_at)`,
      )
      .bind(d.requestId, d.now),
  ]);
  return decided!.results.length === 1;
}

export function extensionsOf(db: Db, assignmentId: number) {
  return db
    .select()
    .from(extensionRequests)
    .where(eq(extensionRequests.assignmentId, assignmentId))
    .orderBy(desc(extensionRequests.createdAt));
}
