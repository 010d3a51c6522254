/**
 * Buttons of the chain of plans: linking a unit's plan to the plan it
 * carries out (the plan ids ride along, and are checked again on press), and
 * the units' own plans on the office's screens.
 */
const id = "(\\d{1,10})";
const page = "(\\d{1,4})";

export const linkParentPlan = {
  build: (childPlanId: number, parentPlanId: number) => `lk:${childPlanId}:${parentPlanId}`,
  pattern: new RegExp(`^lk:${id}:${id}$`),
};

/** /khdonvi: every unit (a), or only those that have not issued their plan (m); a page. */
export const unitPlansPage = {
  build: (only: "all" | "missing", p = 0) => `kd:${only === "all" ? "a" : "m"}:${p}`,
  pattern: new RegExp(`^kd:(a|m):${page}$`),
};
