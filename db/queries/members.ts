import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { members, units, type Role } from "../schema";

export interface MemberProfile {
  id: number;
  telegramUserId: string;
  chatId: string;
  unitId: number;
  unitName: string;
  role: Role;
  fullName: string;
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
