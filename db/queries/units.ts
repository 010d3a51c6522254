import { sql } from "drizzle-orm";
import type { Db } from "../client";

export interface UnitSummary {
  id: number;
  name: string;
  isGroup: boolean;
}

/**
 * The units an admin of `adminUnitId` looks after: everything under the
 * admin unit's parent (the Ban Tổ chức serves its whole committee), or under
 * the admin unit itself when it is a root. Groups are left out: people join
 * real units.
 */
export async function unitsInAdminScope(db: Db, adminUnitId: number): Promise<UnitSummary[]> {
  const rows = await db.all<{ id: number; name: string; is_group: number }>(sql`
    with recursive scope(id) as (
      select coalesce((select parent_id from units where id = ${adminUnitId}), ${adminUnitId})
      union all
      select units.id from units join scope on units.parent_id = scope.id
    )
    select units.id, units.name, units.is_group from units join scope on scope.id = units.id
    where units.is_group = 0
    order by units.parent_id is not null, units.name_key`);
  return rows.map((r) => ({ id: r.id, name: r.name, isGroup: r.is_group === 1 }));
}
