import type { Role } from "../schema";

/** A target without its figure for a year, and one person of the unit responsible for it. */
export interface MissingTargetValue {
  targetId: number;
  text: string;
  comparator: "gt" | "gte" | "lt" | "lte" | "eq" | null;
  value: number | null;
  unitOfMeasure: string | null;
  byYear: number | null;
  unitName: string;
  planNumber: string | null;
  planTitle: string;
  memberId: number;
  role: Role;
  pausedUntil: string | null;
  unreachableSince: string | null;
  removedAt: null;
}

/**
 * Targets of live plans, given to a unit, still running in `year` (no goal
 * year, or one not yet passed) and issued by its end, with no value for any
 * of `periods`; one row per member and leader of the responsible unit.
 */
export async function targetsMissingValue(d1: D1Database, c: { year: number; periods: string[] }): Promise<MissingTargetValue[]> {
  const { results } = await d1
    .prepare(
      `select t.id as targetId, t.text, t.comparator, t.value, t.unit_of_measure as unitOfMeasure, t.by_year as byYear,
              u.name as unitName, p.number as planNumber, p.title as planTitle,
              m.id as memberId, m.role, m.paused_until as pausedUntil, m.unreachable_since as unreachableSince, m.removed_at as removedAt
       from targets t
       join plans p on p.id = t.plan_id and p.archived = 0
       join units u on u.id = t.responsible_unit_id
       join members m on m.unit_id = t.responsible_unit_id and m.role in ('member', 'leader') and m.removed_at is null
       where t.responsible_unit_id is not null
         and (t.by_year is null or t.by_year >= ?1)
         and coalesce(p.issued_on, substr(p.created_at, 1, 10)) <= ?1 || '-12-31'
         and not exists (select 1 from target_values v where v.target_id = t.id and v.period in (select value from json_each(?2)))
       order by t.id, m.id`,
    )
    .bind(c.year, JSON.stringify(c.periods))
    .all<MissingTargetValue>();
  return results;
}
