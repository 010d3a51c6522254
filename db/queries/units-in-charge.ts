/**
 * Committee members in charge of units (units_in_charge): who follows
 * which units, the units an issuing unit's plans assign (what may be chosen),
 * and the change, with its audit entry, in one batch.
 */

/** Units assigned in the live plans `issuerUnitId` issues: what its admins may give a member to follow. */
const ISSUED_UNITS = `select distinct a.unit_id from plans p join tasks t on t.plan_id = p.id join assignments a on a.task_id = t.id
  where p.issuer_unit_id = ?1 and p.archived = 0`;

export interface CommitteeMember {
  id: number;
  fullName: string;
  role: string;
  unitId: number;
  units: number;
}

/** The viewers of a unit (its committee members in the chat), with how many units each follows. */
export async function committeeMembers(d1: D1Database, unitId: number): Promise<CommitteeMember[]> {
  const { results } = await d1
    .prepare(
      `select m.id, m.full_name as fullName, m.role, m.unit_id as unitId,
              (select count(*) from units_in_charge c where c.member_id = m.id) as units
       from members m where m.unit_id = ?1 and m.role = 'viewer' and m.removed_at is null
       order by m.full_name, m.id`,
    )
    .bind(unitId)
    .all<CommitteeMember>();
  return results;
}

export function memberById(d1: D1Database, memberId: number) {
  return d1
    .prepare("select id, full_name as fullName, role, unit_id as unitId, removed_at as removedAt from members where id = ?1")
    .bind(memberId)
    .first<{
      id: number;
      fullName: string;
      role: "admin" | "leader" | "member" | "viewer";
      unitId: number;
      removedAt: string | null;
    }>();
}

export interface ChoosableUnit {
  unitId: number;
  name: string;
  inCharge: boolean;
}

/** The units an issuing unit's plans assign, marked where the member already follows them; one page, by name. */
export async function choosableUnits(
  d1: D1Database,
  p: { issuerUnitId: number; memberId: number; offset: number; limit: number },
): Promise<{ units: ChoosableUnit[]; total: number }> {
  const { results } = await d1
    .prepare(
      `select u.id as unitId, u.name, exists (select 1 from units_in_charge c where c.member_id = ?2 and c.unit_id = u.id) as inCharge,
              count(*) over () as total
       from units u where u.id in (${ISSUED_UNITS})
       order by u.name_key, u.id limit ?4 offset ?3`,
    )
    .bind(p.issuerUnitId, p.memberId, p.offset, p.limit)
    .all<{ unitId: number; name: string; inCharge: number; total: number }>();
  return {
    units: results.map((r) => ({ unitId: r.unitId, name: r.name, inCharge: r.inCharge === 1 })),
    total: results[0]?.total ?? 0,
  };
}

/** The units a member follows, by name. */
export async function unitsInChargeOf(d1: D1Database, memberId: number): Promise<{ unitId: number; name: string }[]> {
  const { results } = await d1
    .prepare(
      `select u.id as unitId, u.name from units_in_charge c join units u on u.id = c.unit_id
       where c.member_id = ?1 order by u.name_key, u.id`,
    )
    .bind(memberId)
    .all<{ unitId: number; name: string }>();
  return results;
}

/**
 * Follows or stops following a unit; the unit must be one the admin's unit's
 * plans assign. Returns whether anything changed (a repeated tap changes nothing).
 */
export async function setUnitInCharge(
  d1: D1Database,
  c: { memberId: number; unitId: number; adminId: number; adminUnitId: number; on: boolean },
): Promise<boolean> {
  const change = c.on
    ? d1
        .prepare(
          `insert or ignore into units_in_charge (member_id, unit_id, assigned_by)
           select ?2, ?3, ?4 where ?3 in (${ISSUED_UNITS})`,
        )
        .bind(c.adminUnitId, c.memberId, c.unitId, c.adminId)
    : d1.prepare("delete from units_in_charge where member_id = ?1 and unit_id = ?2").bind(c.memberId, c.unitId);
  const [changed] = await d1.batch([
    change,
    d1
      .prepare(
        `insert into audit_log (actor_member_id, action, entity, entity_id, detail)
         select ?1, ?2, 'member', ?3, json_object('unit', ?4) where changes() = 1`,
      )
      .bind(c.adminId, c.on ? "in_charge.add" : "in_charge.remove", c.memberId, c.unitId),
  ]);
  return (changed!.meta.changes ?? 0) === 1;
}

export interface MemberInCharge {
  id: number;
  fullName: string;
  unitId: number;
  pausedUntil: string | null;
  unreachableSince: string | null;
  unitIds: number[];
}

/** Everyone who follows units, still a viewer and not removed: the weekly digest's recipients. */
export async function membersInCharge(d1: D1Database): Promise<MemberInCharge[]> {
  const { results } = await d1
    .prepare(
      `select m.id, m.full_name as fullName, m.unit_id as unitId, m.paused_until as pausedUntil,
              m.unreachable_since as unreachableSince, json_group_array(c.unit_id) as unitIds
       from units_in_charge c join members m on m.id = c.member_id
       where m.removed_at is null and m.role = 'viewer'
       group by m.id order by m.id`,
    )
    .all<Omit<MemberInCharge, "unitIds"> & { unitIds: string }>();
  return results.map((r) => ({ ...r, unitIds: JSON.parse(r.unitIds) as number[] }));
}

/** The live plans a unit issues, newest first. */
export async function plansIssuedBy(
  d1: D1Database,
  unitId: number,
): Promise<{ id: number; number: string | null; title: string }[]> {
  const { results } = await d1
    .prepare("select id, number, title from plans where issuer_unit_id = ?1 and archived = 0 order by id desc")
    .bind(unitId)
    .all<{ id: number; number: string | null; title: string }>();
  return results;
}
