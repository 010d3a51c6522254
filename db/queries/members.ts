import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { memberChannels, members, type Channel, type Role } from "../schema";
import { auditStatement } from "./audit";

export interface MemberProfile {
  id: number;
  /** The channel account this update came from. */
  channel: Channel;
  chatId: string;
  unitId: number;
  unitName: string;
  role: Role;
  fullName: string;
  /** This channel refused delivery (blocked the bot). */
  unreachableSince: string | null;
}

/** The active member behind a channel account, with the unit they act for: a statement for the webhook's first batch (plain SQL, run on every update). */
export function activeMemberByIdentity(d1: D1Database, channel: Channel, userId: string): D1PreparedStatement {
  return d1
    .prepare(
      `select m.id, mc.channel, mc.chat_id as chatId, m.unit_id as unitId, u.name as unitName, m.role, m.full_name as fullName,
              mc.unreachable_since as unreachableSince
       from member_channels mc join members m on m.id = mc.member_id join units u on u.id = m.unit_id
       where mc.channel = ?1 and mc.user_id = ?2 and m.removed_at is null limit 1`,
    )
    .bind(channel, userId);
}

/** Admins of a unit who can still be reached: where approvals and escalations go. */
export function reachableAdminsOf(db: Db, unitId: number) {
  return db
    .select({ id: members.id, fullName: members.fullName })
    .from(members)
    .where(
      and(eq(members.unitId, unitId), eq(members.role, "admin"), isNull(members.removedAt), isNull(members.unreachableSince)),
    );
}

/** The member's accounts, for links between channels and the people screens. */
export function channelsOf(db: Db, memberId: number) {
  return db
    .select({ channel: memberChannels.channel, chatId: memberChannels.chatId, unreachableSince: memberChannels.unreachableSince })
    .from(memberChannels)
    .where(eq(memberChannels.memberId, memberId));
}

/** members.unreachable_since follows the channels: set while none can reach them. */
export function syncMemberReachability(db: Db, memberId: number, at: string) {
  return db
    .update(members)
    .set({
      unreachableSince: sql`case when exists (select 1 from member_channels where member_id = ${memberId} and unreachable_since is null)
        then null else coalesce(${members.unreachableSince}, ${at}) end`,
    })
    .where(eq(members.id, memberId));
}

/**
 * The member blocked (or unblocked) the bot on one channel: that channel is
 * marked at once, without waiting for an alert to bounce; their other
 * channels are untouched. Audited.
 */
export async function setReachable(db: Db, memberId: number, channel: Channel, reachable: boolean, at: string): Promise<void> {
  await db.batch([
    db
      .update(memberChannels)
      .set({ unreachableSince: reachable ? null : at })
      .where(and(eq(memberChannels.memberId, memberId), eq(memberChannels.channel, channel))),
    syncMemberReachability(db, memberId, at),
    auditStatement(db, {
      actorMemberId: memberId,
      action: reachable ? "member.unblocked_bot" : "member.blocked_bot",
      entity: "member",
      entityId: memberId,
      detail: { channel },
    }),
  ]);
}
