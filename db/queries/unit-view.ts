import { unitKey } from "../../core/units/key";
import type { Role } from "../schema";

/**
 * Finding a unit by a piece of its name, within the committee of the plan's
 * monitoring unit (the same tree unitsInAdminScope walks). Names are compared
 * on units.name_key (core/units/key unitKey: folded, abbreviations expanded),
 * every word of the query anywhere in it: "to chuc" finds "Ban Tổ chức
 * Huyện ủy", "ubnd" finds "UBND huyện".
 */
export async function searchUnits(
  d1: D1Database,
  scopeUnitId: number,
  query: string,
  limit = 10,
): Promise<{ id: number; name: string }[]> {
  const words = unitKey(query).split(" ").filter(Boolean);
  if (words.length === 0) return [];
  const { results } = await d1
    .prepare(
      `with recursive scope(id) as (
         select coalesce((select parent_id from units where id = ?1), ?1)
         union all
         select units.id from units join scope on units.parent_id = scope.id
       )
       select u.id, u.name from units u join scope on scope.id = u.id
       where u.is_group = 0 and not exists (select 1 from json_each(?2) w where instr(u.name_key, w.value) = 0)
       order by u.name_key = ?3 desc, length(u.name_key), u.name_key limit ?4`,
    )
    .bind(scopeUnitId, JSON.stringify(words), words.join(" "), limit)
    .all<{ id: number; name: string }>();
  return results;
}

/** Whether a unit belongs to the committee the monitoring unit serves. */
export async function unitInScope(
  d1: D1Database,
  scopeUnitId: number,
  unitId: number,
): Promise<{ id: number; name: string } | null> {
  return d1
    .prepare(
      `with recursive scope(id) as (
         select coalesce((select parent_id from units where id = ?1), ?1)
         union all
         select units.id from units join scope on units.parent_id = scope.id
       )
       select u.id, u.name from units u join scope on scope.id = u.id where u.id = ?2`,
    )
    .bind(scopeUnitId, unitId)
    .first<{ id: number; name: string }>();
}

export interface UnitMember {
  id: number;
  fullName: string;
  role: Role;
  pausedUntil: string | null;
  unreachableSince: string | null;
  joinedAt: string;
  /** Their latest report on this unit's assignments; null: never reported. */
  lastReportAt: string | null;
}

/**
 * The unit's current members with what the office chases: never reported,
 * unreachable (blocked the bot), paused. "Reported" counts reports on the
 * unit's own assignments, through their index (progress_reports has none by
 * member).
 */
export async function unitMembers(d1: D1Database, unitId: number): Promise<UnitMember[]> {
  const { results } = await d1
    .prepare(
      `with last as (
         select r.member_id, max(r.created_at) as at from progress_reports r
         where r.assignment_id in (select id from assignments where unit_id = ?1)
         group by r.member_id
       )
       select m.id, m.full_name, m.role, m.paused_until, m.unreachable_since, m.created_at, last.at as last_report_at
       from members m left join last on last.member_id = m.id
       where m.unit_id = ?1 and m.removed_at is null
       order by case m.role when 'leader' then 0 when 'admin' then 1 when 'member' then 2 else 3 end, m.full_name`,
    )
    .bind(unitId)
    .all<{
      id: number;
      full_name: string;
      role: Role;
      paused_until: string | null;
      unreachable_since: string | null;
      created_at: string;
      last_report_at: string | null;
    }>();
  return results.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    role: r.role,
    pausedUntil: r.paused_until,
    unreachableSince: r.unreachable_since,
    joinedAt: r.created_at,
    lastReportAt: r.last_report_at,
  }));
}
