import { parseDeadline } from "../deadline/parse";
import type { ExtractedPlan } from "../plan-import/types";
import { childPlanName, type ChildPlanRef } from "./report-note";

/**
 * A unit's implementing plan started from what the parent plan gave it
 * ("Bắt đầu từ nhiệm vụ được giao"): each task the parent assigned the unit
 * becomes a task of the new plan, led by the unit, with the deadline as the
 * parent wrote it, for the admin to edit in the import review. The header
 * names the parent, so the plan is linked to it when saved.
 */
export function handedDownPlan(
  parent: ChildPlanRef,
  unitName: string,
  tasks: readonly { ref: string; title: string; deadlineText: string | null }[],
): ExtractedPlan {
  const parentName = childPlanName(parent);
  return {
    header: {
      issuer: unitName,
      number: null,
      issued_on: null,
      implements: parentName,
      title: `Kế hoạch thực hiện ${parentName}`,
    },
    targets: [],
    units: [unitName],
    tasks: tasks.map((task) => ({
      ref: task.ref,
      title: task.title,
      lead: [unitName],
      coop: [],
      deadline_text: task.deadlineText,
      deadline: parseDeadline(task.deadlineText ?? ""),
      section: null,
    })),
    content: [],
    warnings: [],
  };
}
