import type { Role } from "../schema";
import type { Db } from "../client";
import { guardedChange } from "./audit";

/** The active members of some units (an admin's scope), by unit then role and name. */
export async function membersOfUnits(d1: D1Database, unitIds: number[]) {
  const { results } = await d1
    .prepare(
      `select m.id, m.full_name as fullName, m.role, m.unit_id as unitId, u.name as unitName, m.paused_until as pausedUntil,
              m.unreachable_since as unreachableSince, m.created_at as joinedAt
       from members m join units u on u.id = m.unit_id
       where m.removed_at is null and m.unit_id in (select value from json_each(?1))
       order by u.name_key, case m.role when 'admin' then 0 when 'leader' then 1 when 'member' then 2 else 3 end, m.full_name`,
    )
    .bind(JSON.stringify(unitIds))
    .all<{ id: number; fullName: string; role: Role; unitId: number; unitName: string; pausedUntil: string | null; unreachableSince: string | null; joinedAt: string }>();
  return results;
}

export interface OpenInvite {
  code: string;
  unitId: number;
  unitName: string;
  role: Role;
  expiresAt: string;
  maxUses: number | null;
  uses: number;
  createdByName: string | null;
}

/** Invites to these units that can still be used: not expired, not used up. */
export async function openInvites(d1: D1Database, unitIds: number[], now: string): Promise<OpenInvite[]> {
  const { results } = await d1
    .prepare(
      `select i.code, i.unit_id as unitId, u.name as unitName, i.role, i.expires_at as expiresAt, i.max_uses as maxUses, i.uses,
              m.full_name as createdByName
       from invites i join units u on u.id = i.unit_id left join members m on m.id = i.created_by
       where i.expires_at > ?2 and (i.max_uses is null or i.uses < i.max_uses) and i.unit_id in (select value from json_each(?1))
       order by i.created_at desc`,
    )
    .bind(JSON.stringify(unitIds), now)
    .all<OpenInvite>();
  return results;
}

export function inviteUnit(d1: D1Database, code: string) {
  return d1.prepare("select code, unit_id as unitId from invites where code = ?1").bind(code).first<{ code: string; unitId: number }>();
}

/**
 * Revoking makes the invite expire now, so redeemInvite (which checks
 * expires_at) refuses it without a second rule; the audit entry says it was revoked.
 */
export function revokeInvite(db: Db, r: { code: string; actorId: number; now: string }): Promise<boolean> {
  const update = db.$client.prepare("update invites set expires_at = ?2 where code = ?1 and expires_at > ?2 returning rowid as id").bind(r.code, r.now);
  return guardedChange(db, update, { actorMemberId: r.actorId, action: "invite.revoke", entity: "invite", entityId: null, detail: { code: r.code } });
}
