import { isGroupPhrase } from "./group";
import { unitKey } from "./key";

export { isGroupPhrase } from "./group";
export { unitKey } from "./key";

export interface KnownUnit {
  id: number;
  name: string;
  isGroup: boolean;
}

export type UnitMatch = { name: string; kind: "existing"; unitId: number } | { name: string; kind: "new"; isGroup: boolean };

/** One match per input name, in input order; the first known unit wins when keys collide. */
export function matchUnits(names: string[], known: KnownUnit[]): UnitMatch[] {
  const byKey = new Map<string, KnownUnit>();
  for (const unit of known) {
    const key = unitKey(unit.name);
    if (!byKey.has(key)) byKey.set(key, unit);
  }
  return names.map((name): UnitMatch => {
    const unit = byKey.get(unitKey(name));
    return unit ? { name, kind: "existing", unitId: unit.id } : { name, kind: "new", isGroup: isGroupPhrase(name) };
  });
}
