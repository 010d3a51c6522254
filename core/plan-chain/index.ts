/** Plans that carry out other plans (issue 22): pure rules; the queries are in db/queries/plan-chain.ts. */
export { wouldMakeCycle } from "./cycle";
export { isPlanningTask } from "./planning-task";
export { childPlanName, childPlanNote } from "./report-note";
export { implementsNumber, implementsPlan, planNumberKey } from "./plan-number";
export { assignmentsToLink, matchParent, type ParentCandidate } from "./parent-choice";
export { handedDownPlan } from "./hand-down";
