import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { ManagedUnits } from "../../core/access/policy";
import type { Db } from "../client";
import { guardedChange } from "./audit";
import { members, units, type Role } from "../schema";

/**
 * People management by the office: change a role, move to another unit,
 * remove. Each change and its audit entry go in one batch; a removed member
 * keeps their row (removed_at), so every report they made still names them.
 */

export interface MemberCard {
  id: number;
  fullName: string;
  unitId: number;
  unitName: string;
  role: Role;
  pausedUntil: string | null;
  unreachableSince: string | null;
  removedAt: string | null;
  joinedAt: string;
}

export async function memberCard(db: Db, memberId: number): Promise<MemberCard | null> {
  const rows = await db
    .select({
      id: members.id,
      fullName: members.fullName,
      unitId: members.unitId,
      unitName: units.name,
      role: members.role,
      pausedUntil: members.pausedUntil,
      unreachableSince: members.unreachableSince,
      removedAt: members.removedAt,
      joinedAt: members.createdAt,
    })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(eq(members.id, memberId))
    .limit(1);
  return rows[0] ?? null;
}

/*
 * Each change is guarded (the member still active, still where the screen
 * showed them) and audited only when it changed a row (guardedChange).
 */

export function changeRole(db: Db, c: { memberId: number; role: Role; actorId: number; from: Role }): Promise<boolean> {
  const update = db.$client
    .prepare("update members set role = ?2 where id = ?1 and role = ?3 and removed_at is null returning id")
    .bind(c.memberId, c.role, c.from);
  return guardedChange(
    db,
    update,
    {
      actorMemberId: c.actorId,
      action: "member.role",
      entity: "member",
      entityId: c.memberId,
      detail: { from: c.from, to: c.role },
    },
    [endFlowsOf(db, c.memberId)],
  );
}

export function moveMember(
  db: Db,
  c: { memberId: number; fromUnitId: number; toUnitId: number; actorId: number },
): Promise<boolean> {
  const update = db.$client
    .prepare("update members set unit_id = ?3 where id = ?1 and unit_id = ?2 and removed_at is null returning id")
    .bind(c.memberId, c.fromUnitId, c.toUnitId);
  return guardedChange(
    db,
    update,
    {
      actorMemberId: c.actorId,
      action: "member.move",
      entity: "member",
      entityId: c.memberId,
      detail: { from: c.fromUnitId, to: c.toUnitId },
    },
    [endFlowsOf(db, c.memberId)],
  );
}

export function removeMember(db: Db, c: { memberId: number; actorId: number; now: string }): Promise<boolean> {
  const update = db.$client
    .prepare("update members set removed_at = ?2 where id = ?1 and removed_at is null returning id")
    .bind(c.memberId, c.now);
  // Their accounts stay linked to the removed row (the farewell notice still reaches them) until they join again.
  return guardedChange(
    db,
    update,
    { actorMemberId: c.actorId, action: "member.remove", entity: "member", entityId: c.memberId },
    [endFlowsOf(db, c.memberId)],
  );
}

/** A role change, move or removal ends the person's open flows: a flow started under the old role must not write under it. */
function endFlowsOf(db: Db, memberId: number): D1PreparedStatement {
  return db.$client.prepare("delete from conversations where member_id = ?1").bind(memberId);
}

/** The units whose people an admin manages (core/access canManagePeople), as sets and as a sorted list for pickers. */
export interface PeopleScope extends ManagedUnits {
  units: { id: number; name: string; isGroup: boolean }[];
}

/** Their own unit and everything under it (groups left out: people join real units). */
export async function peopleScope(db: Db, adminUnitId: number): Promise<PeopleScope> {
  const rows = await db.all<{ id: number; name: string }>(sql`
    with recursive own(id) as (
      select ${adminUnitId}
      union
      select units.id from units join own on units.parent_id = own.id
    )
    select units.id, units.name from units
    where units.is_group = 0 and units.id in (select id from own)
    order by units.name_key`);
  return {
    own: new Set(rows.map((r) => r.id)),
    units: rows.map((r) => ({ id: r.id, name: r.name, isGroup: false })),
  };
}

/** Members and leaders of a unit, with what decides whether an alert reaches them. */
export function alertRecipientsOf(db: Db, unitId: number) {
  return db
    .select({
      id: members.id,
      fullName: members.fullName,
      role: members.role,
      pausedUntil: members.pausedUntil,
      unreachableSince: members.unreachableSince,
      removedAt: members.removedAt,
    })
    .from(members)
    .where(and(eq(members.unitId, unitId), inArray(members.role, ["member", "leader"]), isNull(members.removedAt)));
}
