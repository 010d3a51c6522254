import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { members, units, type Role } from "../schema";
import { auditStatement } from "./audit";

export interface MemberProfile {
  id: number;
  telegramUserId: string;
  chatId: string;
  unitId: number;
  unitName: string;
  role: Role;
  fullName: string;
  unreachableSince: string | null;
}

export function activeMemberByTelegramId(db: Db, telegramUserId: string) {
  return db
    .select({
      id: members.id,
      telegramUserId: members.telegramUserId,
      chatId: members.chatId,
      unitId: members.unitId,
      unitName: units.name,
      role: members.role,
      fullName: members.fullName,
      unreachableSince: members.unreachableSince,
    })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(members.telegramUserId, telegramUserId), isNull(members.removedAt)))
    .limit(1);
}

/** Admins of a unit who can still be reached: where approvals and escalations go. */
export function reachableAdminsOf(db: Db, unitId: number) {
  return db
    .select({ id: members.id, chatId: members.chatId, fullName: members.fullName })
    .from(members)
    .where(and(eq(members.unitId, unitId), eq(members.role, "admin"), isNull(members.removedAt), isNull(members.unreachableSince)));
}

export function memberChat(db: Db, memberId: number) {
  return db.select({ chatId: members.chatId, fullName: members.fullName }).from(members).where(eq(members.id, memberId)).limit(1);
}

/**
 * Telegram said the member blocked (or unblocked) the bot in their private
 * chat. Blocking marks them unreachable at once, without waiting for an
 * alert to bounce; unblocking makes them reachable again. Audited.
 */
export async function setReachable(db: Db, memberId: number, reachable: boolean, at: string): Promise<void> {
  await db.batch([
    db
      .update(members)
      .set({ unreachableSince: reachable ? null : at })
      .where(eq(members.id, memberId)),
    auditStatement(db, { actorMemberId: memberId, action: reachable ? "member.unblocked_bot" : "member.blocked_bot", entity: "member", entityId: memberId }),
  ]);
}
