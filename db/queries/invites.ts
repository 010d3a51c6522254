import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { invites, units, type Channel, type Role } from "../schema";
import { auditStatement } from "./audit";

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
      detail: { code: invite.code, unitId: invite.unitId, role: invite.role, maxUses: invite.maxUses },
    }),
  ]);
}

export async function findInvite(db: Db, code: string) {
  const rows = await db
    .select({
      code: invites.code,
      unitId: invites.unitId,
      unitName: units.name,
      role: invites.role,
      expiresAt: invites.expiresAt,
      maxUses: invites.maxUses,
      uses: invites.uses,
    })
    .from(invites)
    .innerJoin(units, eq(units.id, invites.unitId))
    .where(eq(invites.code, code))
    .limit(1);
  return rows[0] ?? null;
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
 * false when the invite was used up or expired in the meantime.
 */
export async function redeemInvite(db: Db, r: Redemption): Promise<boolean> {
  // Plain D1 statements: Drizzle's insert…select wants every column, and the
  // guards below depend on SQLite's changes() between statements of one batch.
  const d1 = db.$client;
  const [, inserted] = await d1.batch([
    d1
      .prepare(
        `update invites set uses = uses + 1
         where code = ?1 and expires_at > ?2 and (max_uses is null or uses < max_uses)`,
      )
      .bind(r.code, r.now),
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
         select member_id, 'member.join', 'member', member_id, json_object('channel', ?1) from member_channels
         where channel = ?1 and user_id = ?2 and changes() = 1`,
      )
      .bind(r.channel, r.userId),
  ]);
  return inserted!.results.length === 1;
}
