import { and, asc, eq, gte, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { alertMutes, members, units } from "../schema";
import { auditStatement } from "./audit";

/** Pauses every alert of a member until `until` (inclusive): leave, holiday, business trip. */
export async function pauseAlerts(db: Db, memberId: number, until: string): Promise<void> {
  await db.batch([
    db.update(members).set({ pausedUntil: until }).where(eq(members.id, memberId)),
    auditStatement(db, {
      actorMemberId: memberId,
      action: "alerts.pause",
      entity: "member",
      entityId: memberId,
      detail: { until },
    }),
  ]);
}

/**
 * Alerts back on: the pause, every mute, and the "unreachable" mark (someone
 * typing a command has evidently unblocked the bot). Returns what was undone.
 */
export async function resumeAlerts(
  db: Db,
  memberId: number,
): Promise<{ wasPaused: boolean; mutes: number; wasUnreachable: boolean }> {
  const [before, , deleted] = await db.batch([
    db
      .select({ pausedUntil: members.pausedUntil, unreachableSince: members.unreachableSince })
      .from(members)
      .where(eq(members.id, memberId)),
    db.update(members).set({ pausedUntil: null, unreachableSince: null }).where(eq(members.id, memberId)),
    db.delete(alertMutes).where(eq(alertMutes.memberId, memberId)).returning({ assignmentId: alertMutes.assignmentId }),
    auditStatement(db, { actorMemberId: memberId, action: "alerts.resume", entity: "member", entityId: memberId }),
  ]);
  return {
    wasPaused: before[0]?.pausedUntil != null,
    mutes: deleted.length,
    wasUnreachable: before[0]?.unreachableSince != null,
  };
}

/** Mutes one assignment's alerts for a member until `until` (inclusive); a second mute replaces the first. */
export async function muteAssignment(db: Db, memberId: number, assignmentId: number, until: string): Promise<void> {
  await db
    .insert(alertMutes)
    .values({ memberId, assignmentId, until })
    .onConflictDoUpdate({ target: [alertMutes.memberId, alertMutes.assignmentId], set: { until } });
}

export interface QuietMember {
  fullName: string;
  unitName: string;
  pausedUntil: string | null;
  unreachableSince: string | null;
}

/** Members of these units who get no alerts today: paused, or unreachable since they blocked the bot. */
export function quietMembers(db: Db, unitIds: number[], today: string): Promise<QuietMember[]> {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      fullName: members.fullName,
      unitName: units.name,
      pausedUntil: members.pausedUntil,
      unreachableSince: members.unreachableSince,
    })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(
      and(
        // One JSON parameter, however many units: D1 allows 100 bound parameters.
        sql`${members.unitId} in (select value from json_each(${JSON.stringify(unitIds)}))`,
        isNull(members.removedAt),
        or(gte(members.pausedUntil, today), isNotNull(members.unreachableSince)),
      ),
    )
    .orderBy(asc(units.name), asc(members.fullName));
}

export async function pausedUntil(db: Db, memberId: number): Promise<string | null> {
  const rows = await db.select({ pausedUntil: members.pausedUntil }).from(members).where(eq(members.id, memberId));
  return rows[0]?.pausedUntil ?? null;
}
