import { isPlanningTask } from "./planning-task";
import { implementsNumber, planNumberKey } from "./plan-number";

/** A plan a new plan may carry out: one that gives work to its issuer or a unit above it. */
export interface ParentCandidate {
  planId: number;
  number: string | null;
  title: string;
  issuedOn: string | null;
  issuerName: string;
  /** How far above the new plan's issuer the candidate's issuer is (0: the same unit). */
  issuerDepth: number;
  /** Its assignments to the new plan's issuer or a unit above it, `unitDepth` counted the same way. */
  assignments: { id: number; unitDepth: number; title: string; deadlineText: string | null }[];
  /** A live plan of the new plan's issuer already carries this one out. */
  implemented: boolean;
}

/**
 * The parent plan a document names ("Thực hiện Kế hoạch số …"): a candidate
 * issued above the new plan's issuer whose number is one named (the header's
 * `implementsText`, or `otherNumbers` from its preamble, implementedNumbers);
 * the nearest issuer first, then the newest. Null when none is named or found.
 */
export function matchParent(
  candidates: readonly ParentCandidate[],
  implementsText: string | null,
  otherNumbers: readonly string[] = [],
): ParentCandidate | null {
  const first = implementsText ? implementsNumber(implementsText) : null;
  const wanted = new Set([...(first ? [first] : []), ...otherNumbers]);
  if (wanted.size === 0) return null;
  return (
    candidates
      .filter((c) => c.issuerDepth > 0 && c.number !== null && wanted.has(planNumberKey(c.number)))
      .sort((a, b) => a.issuerDepth - b.issuerDepth || b.planId - a.planId)[0] ?? null
  );
}

/**
 * The parent's assignments a new plan carries out: those of the nearest unit
 * (the issuer itself before a unit above it), only its planning tasks
 * ("xây dựng kế hoạch thực hiện…") when it has any, else all of them.
 */
export function assignmentsToLink(candidate: ParentCandidate): number[] {
  const nearest = Math.min(...candidate.assignments.map((a) => a.unitDepth));
  const own = candidate.assignments.filter((a) => a.unitDepth === nearest);
  const planning = own.filter((a) => isPlanningTask(`${a.title} ${a.deadlineText ?? ""}`));
  return (planning.length > 0 ? planning : own).map((a) => a.id);
}
