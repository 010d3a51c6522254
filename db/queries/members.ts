import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { memberChannels, members, units, type Channel, type Role } from "../schema";
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

/** The active member behind a channel account, with the unit they act for. */
export function activeMemberByIdentity(db: Db, channel: Channel, userId: string) {
  return db
    .select({
      id: members.id,
      channel: memberChannels.channel,
      chatId: memberChannels.chatId,
      unitId: members.unitId,
      unitName: units.name,
      role: members.role,
      fullName: members.fullName,
      unreachableSince: memberChannels.unreachableSince,
    })
    .from(memberChannels)
    .innerJoin(members, eq(members.id, memberChannels.memberId))
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(memberChannels.channel, channel), eq(memberChannels.userId, userId), isNull(members.removedAt)))
    .limit(1);
}

/** Admins of a unit who can still be reached: where approvals and escalations go. */
export function reachableAdminsOf(db: Db, unitId: number) {
  return db
    .select({ id: members.id, fullName: members.fullName })
    .from(members)
    .where(and(eq(members.unitId, unitId), eq(members.role, "admin"), isNull(members.removedAt), isNull(members.unreachableSince)));
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
