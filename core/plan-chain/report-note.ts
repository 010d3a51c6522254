import { formatDate } from "../time/vietnam-date";

export interface ChildPlanRef {
  number: string | null;
  issuedOn: string | null;
  title: string;
}

/** The child plan as an official names it: "Kế hoạch số 12-KH/ĐU ngày 03/04/2024", else its title. */
export function childPlanName(plan: ChildPlanRef): string {
  const dated = plan.issuedOn ? ` ngày ${formatDate(plan.issuedOn)}` : "";
  return plan.number ? `Kế hoạch số ${plan.number}${dated}` : `${plan.title}${dated}`;
}

/** The note of the completion a planning task gets when the unit's plan is linked to it: the plan is the evidence. */
export function childPlanNote(plan: ChildPlanRef): string {
  return `Đã ban hành ${childPlanName(plan)} để thực hiện nhiệm vụ này.`;
}
