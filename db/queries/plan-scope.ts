/** A plan's issuing and monitoring units, the shape core/access/policy takes; null if there is no such plan. */
export function planScopeById(d1: D1Database, planId: number) {
  return d1
    .prepare(
      "select id, number, title, issuer_unit_id as issuerUnitId, monitor_unit_id as monitorUnitId, archived from plans where id = ?1",
    )
    .bind(planId)
    .first<{ id: number; number: string | null; title: string; issuerUnitId: number; monitorUnitId: number; archived: number }>();
}

export function unitName(d1: D1Database, unitId: number) {
  return d1.prepare("select id, name from units where id = ?1").bind(unitId).first<{ id: number; name: string }>();
}

/** A target with its plan's scope, for the policy's canRecordTarget. */
export function targetWithPlan(d1: D1Database, targetId: number) {
  return d1
    .prepare(
      `select t.id, t.text, t.unit_of_measure as unitOfMeasure, t.responsible_unit_id as responsibleUnitId, t.plan_id as planId,
              p.issuer_unit_id as issuerUnitId, p.monitor_unit_id as monitorUnitId
       from targets t join plans p on p.id = t.plan_id where t.id = ?1`,
    )
    .bind(targetId)
    .first<{
      id: number;
      text: string;
      unitOfMeasure: string | null;
      responsibleUnitId: number | null;
      planId: number;
      issuerUnitId: number;
      monitorUnitId: number;
    }>();
}

/** The unit and its ancestors, the unit first (core/access canAssignInPlan). */
export async function unitLineage(d1: D1Database, unitId: number): Promise<number[]> {
  const rows = await d1
    .prepare(
      `with recursive up(id, parent_id, depth) as (
         select id, parent_id, 0 from units where id = ?1
         union all
         select units.id, units.parent_id, up.depth + 1 from units join up on units.id = up.parent_id where up.depth < 64
       )
       select id from up order by depth`,
    )
    .bind(unitId)
    .all<{ id: number }>();
  return rows.results.map((r) => r.id);
}
