import { describe, expect, it } from "vitest";
import { canAssignUnitsInCharge } from "../../core/access/policy";
import type { Role } from "../../core/access/roles";

describe("canAssignUnitsInCharge", () => {
  const admin = { id: 1, role: "admin" as Role, unitId: 10 };
  it.each([
    ["an admin, a viewer of the same unit", admin, { id: 2, role: "viewer" as Role, unitId: 10 }, true],
    ["an admin, a viewer of another unit", admin, { id: 2, role: "viewer" as Role, unitId: 11 }, false],
    ["an admin, a leader of the same unit", admin, { id: 2, role: "leader" as Role, unitId: 10 }, false],
    [
      "a viewer, a viewer of the same unit",
      { ...admin, role: "viewer" as Role },
      { id: 2, role: "viewer" as Role, unitId: 10 },
      false,
    ],
    ["an admin who is (somehow) the target", admin, { id: 1, role: "viewer" as Role, unitId: 10 }, false],
  ])("%s → %s", (_, actor, target, allowed) => {
    expect(canAssignUnitsInCharge(actor, target)).toBe(allowed);
  });
});
