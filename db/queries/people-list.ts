import type { Role } from "../schema";

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
    .all<{
      id: number;
      fullName: string;
      role: Role;
      unitId: number;
      unitName: string;
      pausedUntil: string | null;
      unreachableSince: string | null;
      joinedAt: string;
    }>();
  return results;
}
