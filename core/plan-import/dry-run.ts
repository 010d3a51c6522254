import type { ExtractedPlan } from "./types";

/**
 * The extraction in the shape `npm run import -- <file> --dry-run --json` prints
 * (issue 3): header, targets, unit names and tasks with the deadline reduced to
 * kind, due and recurrence.
 */
export function extractionJson(plan: ExtractedPlan) {
  return {
    header: {
      issuer: plan.header.issuer,
      number: plan.header.number,
      issued_on: plan.header.issued_on,
      implements: plan.header.implements,
      title: plan.header.title,
    },
    targets: plan.targets.map((t) => ({
      text: t.text,
      value: t.value,
      comparator: t.comparator,
      unit: t.unit,
      by_year: t.by_year,
    })),
    units: [...plan.units],
    tasks: plan.tasks.map((t) => ({
      ref: t.ref,
      title: t.title,
      lead: [...t.lead],
      coop: [...t.coop],
      deadline_text: t.deadline_text,
      deadline: { kind: t.deadline.kind, due: t.deadline.due, recurrence: t.deadline.recurrence },
    })),
  };
}
