import type { Role } from "../access/roles";
import type { Audience } from "./kinds";

/** What decides whether a member gets an alert at all. */
export interface RecipientFacts {
  role: Role;
  /** Alerts paused (leave, holiday) until this date, inclusive. */
  pausedUntil: string | null;
  /** Set when Telegram answered 403: the member blocked the bot. */
  unreachableSince: string | null;
  removedAt: string | null;
}

export function receivesAlerts(member: RecipientFacts, today: string): boolean {
  if (member.removedAt !== null || member.unreachableSince !== null) return false;
  return member.pausedUntil === null || member.pausedUntil < today;
}

/** Members and leaders of the assigned unit follow its tasks; viewers and admins get summaries instead. */
export function inAudience(role: Role, audience: Audience): boolean {
  if (audience === "leaders") return role === "leader";
  if (audience === "members") return role === "member";
  return role === "member" || role === "leader";
}

/** Mutes in force today, looked up by member and assignment. */
export class MuteSet {
  private readonly keys = new Set<string>();

  constructor(mutes: Iterable<{ memberId: number; assignmentId: number; until: string }>, today: string) {
    for (const m of mutes) if (m.until >= today) this.keys.add(`${m.memberId}:${m.assignmentId}`);
  }

  has(memberId: number, assignmentId: number): boolean {
    return this.keys.has(`${memberId}:${assignmentId}`);
  }
}
