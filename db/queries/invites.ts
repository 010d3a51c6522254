import type { Db } from "../client";
import { invites, type Channel, type Role } from "../schema";
import { auditStatement, guardedChange } from "./audit";

/**
 * An invite code is a password: whoever holds it joins. The audit log names
 * an invite by a short hash of its code (enough to tell two invites apart,
 * useless to join with), next to its unit and role.
 */
export async function inviteTag(code: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(code)));
  return [...digest.subarray(0, 4)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export interface NewInvite {
  code: string;
  unitId: number;
  role: Role;
  createdBy: number;
  expiresAt: string;
  maxUses: number | null;
}

export async function createInvite(db: Db, invite: NewInvite): Promise<void> {
  await db.batch([
    db.insert(invites).values(invite),
    auditStatement(db, {
      actorMemberId: invite.createdBy,
      action: "invite.create",
      entity: "invite",
      entityId: null,
      detail: { invite: await inviteTag(invite.code), unitId: invite.unitId, role: invite.role, maxUses: invite.maxUses },
    }),
  ]);
}

/**
 * The invite behind a code. `removedSince`: this Telegram user was removed
 * from the committee after the invite was made, so it no longer admits them
 * (an old multi-use link must not undo a removal); a newer invite does.
 */
/** This channel account belonged to someone removed after the invite was made: an old link must not undo a removal. */
const REMOVED_SINCE_INVITE = (channel: string, userId: string, createdAt: string) =>
  `select 1 from member_channels mc join members m on m.id = mc.member_id
   where mc.channel = ${channel} and mc.user_id = ${userId} and m.removed_at is not null and m.removed_at >= ${createdAt}`;

/**
 * An invite code as stored, from what a person typed: today's codes
 * ("KX7M-P3QR-T9VW") in any case, with or without the dashes or spaces;
 * null when it cannot be one (older codes are then looked up as typed).
 */
export function readableInviteCode(typed: string): string | null {
  const plain = typed.replace(/[\s-]+/g, "").toUpperCase();
  if (!/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/.test(plain)) return null;
  return plain.match(/.{4}/g)!.join("-");
}

/** The invite a typed code names: a code of today's form in any case, or an older one exactly as made. */
export async function findInvite(db: Db, code: string, account: { channel: Channel; userId: string } | null = null) {
  const row = await db.$client
    .prepare(
      `select i.code, i.unit_id as unitId, u.name as unitName, i.role, i.expires_at as expiresAt, i.max_uses as maxUses, i.uses,
              exists (${REMOVED_SINCE_INVITE("?2", "?3", "i.created_at")}) as removedSince,
              i.created_by as creatorId, c.unit_id as creatorUnitId, c.role as creatorRole, c.removed_at as creatorRemovedAt
       from invites i join units u on u.id = i.unit_id left join members c on c.id = i.created_by
       where i.code = ?1 or i.code = ?4 limit 1`,
    )
    .bind(code, account?.channel ?? null, account?.userId ?? null, readableInviteCode(code))
    .first<{
      code: string;
      unitId: number;
      unitName: string;
      role: Role;
      expiresAt: string;
      maxUses: number | null;
      uses: number;
      removedSince: number;
      creatorId: number | null;
      creatorUnitId: number | null;
      creatorRole: Role | null;
      creatorRemovedAt: string | null;
    }>();
  if (!row) return null;
  const { creatorId, creatorUnitId, creatorRole, creatorRemovedAt, ...invite } = row;
  return {
    ...invite,
    removedSince: row.removedSince === 1,
    /** Who made it, as they are now (null: made by the operator's tools, or its maker's row is gone). */
    creator:
      creatorId !== null && creatorUnitId !== null && creatorRole !== null
        ? { id: creatorId, unitId: creatorUnitId, role: creatorRole, removed: creatorRemovedAt !== null }
        : null,
    madeByMember: creatorId !== null,
  };
}

export interface LiveInvite {
  /** The row id: buttons carry it, never the code. */
  id: number;
  unitId: number;
  unitName: string;
  role: Role;
  expiresAt: string;
  maxUses: number | null;
  uses: number;
  createdBy: string | null;
}

/** Invites of these units that still admit someone: not expired, not used up. Soonest to expire first. */
export async function liveInvites(db: Db, unitIds: number[], now: string): Promise<LiveInvite[]> {
  if (unitIds.length === 0) return [];
  const { results } = await db.$client
    .prepare(
      `select i.rowid as id, i.unit_id as unitId, u.name as unitName, i.role, i.expires_at as expiresAt, i.max_uses as maxUses, i.uses,
              m.full_name as createdBy
       from invites i join units u on u.id = i.unit_id left join members m on m.id = i.created_by
       where i.unit_id in (select value from json_each(?1)) and i.expires_at > ?2 and (i.max_uses is null or i.uses < i.max_uses)
       order by i.expires_at, i.rowid`,
    )
    .bind(JSON.stringify(unitIds), now)
    .all<LiveInvite>();
  return results;
}

export async function inviteById(db: Db, id: number): Promise<{ id: number; code: string; unitId: number; role: Role } | null> {
  return db.$client.prepare("select rowid as id, code, unit_id as unitId, role from invites where rowid = ?1").bind(id).first();
}

/** Revoking makes the invite expire now (guarded: only a live one), with an audit entry naming it by its tag. */
export async function revokeInvite(db: Db, r: { id: number; actorId: number; now: string }): Promise<boolean> {
  const invite = await inviteById(db, r.id);
  if (!invite) return false;
  const update = db.$client
    .prepare(
      "update invites set expires_at = ?2 where rowid = ?1 and expires_at > ?2 and (max_uses is null or uses < max_uses) returning rowid",
    )
    .bind(r.id, r.now);
  return guardedChange(db, update, {
    actorMemberId: r.actorId,
    action: "invite.revoke",
    entity: "invite",
    entityId: invite.id,
    detail: { invite: await inviteTag(invite.code), unitId: invite.unitId, role: invite.role },
  });
}

export interface Redemption {
  code: string;
  channel: Channel;
  userId: string;
  chatId: string;
  fullName: string;
  now: string;
}

/**
 * Uses the invite and creates the member in one transaction. The member and
 * audit inserts only happen when the guarded use-count update changed a row,
 * so two people racing for a single-use invite cannot both join. Returns
 * false when the invite was used up, expired or revoked in the meantime, when
 * it predates this user's removal, or when its maker is no longer an admin
 * (the caller checks their unit with the policy first: creatorMayStillInvite).
 */
export async function redeemInvite(db: Db, r: Redemption): Promise<boolean> {
  // Plain D1 statements: Drizzle's insert…select wants every column, and the
  // guards below depend on SQLite's changes() between statements of one batch.
  const d1 = db.$client;
  const [, inserted] = await d1.batch([
    d1
      .prepare(
        `update invites set uses = uses + 1
         where code = ?1 and expires_at > ?2 and (max_uses is null or uses < max_uses)
           and not exists (${REMOVED_SINCE_INVITE("?3", "?4", "invites.created_at")})
           and (created_by is null or exists (
             select 1 from members c where c.id = invites.created_by and c.removed_at is null and c.role = 'admin'))`,
      )
      .bind(r.code, r.now, r.channel, r.userId),
    d1
      .prepare(
        `insert into members (unit_id, role, full_name)
         select unit_id, role, ?2 from invites where code = ?1 and changes() = 1
         returning id`,
      )
      .bind(r.code, r.fullName),
    d1
      .prepare(
        `insert into member_channels (channel, user_id, member_id, chat_id)
         select ?1, ?2, id, ?3 from members where id = last_insert_rowid() and changes() = 1
         on conflict (channel, user_id) do update set member_id = excluded.member_id, chat_id = excluded.chat_id, unreachable_since = null
         where (select removed_at from members where id = member_channels.member_id) is not null`,
      )
      .bind(r.channel, r.userId, r.chatId),
    d1
      .prepare(
        `insert into audit_log (actor_member_id, action, entity, entity_id, detail)
         select member_id, 'member.join', 'member', member_id, json_object('channel', ?1, 'invite', ?3, 'unitId', (select unit_id from members where id = member_channels.member_id), 'role', (select role from members where id = member_channels.member_id)) from member_channels
         where channel = ?1 and user_id = ?2 and changes() = 1`,
      )
      .bind(r.channel, r.userId, await inviteTag(r.code)),
  ]);
  return inserted!.results.length === 1;
}
