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
