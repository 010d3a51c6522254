/**
 * The import flow's state. The extraction is stored once in plan_imports
 * (it can be 100 KB); the admin's choices ride in the flow's data, which the
 * webhook loads with the member, so a button costs one read of the draft.
 */
import type { ImportChoices } from "../../../core/plan-import/review";
import { importDraft, importScope, type ImportDraft, type ImportScope } from "../../../db/queries/plan-import";
import type { ImportAction } from "../../callback-data";
import { activeFlow, advanceFlow } from "../../conversation";
import type { MemberContext } from "../../context";

export const IMPORT_FLOW = "import";

/** add_tasks, rename and split wait for typed lines (new tasks, a title, the parts of a task). */
export type ImportStep = "await_file" | "review" | "deadline" | "add_tasks" | "rename" | "split" | "plan_title";

export interface ImportFlowData {
  importId: number | null;
  choices: ImportChoices | null;
  /** The task whose deadline is being typed (step "deadline"). */
  deadlineTask: number | null;
  /** The task being renamed or split (steps "rename", "split"). */
  editTask?: number | null;
  /** Where the unit picker returns to: the task being reviewed, or the list of new units. */
  back: ImportAction | null;
  /** /nhapkh found plans above giving the admin's units tasks: the wait for a file offers starting from them. */
  handDown?: boolean;
  /** The review's line about the plan above the document names (./parent.ts), found again when the issuer changes. */
  parentLine?: string | null;
}

export interface Review {
  token: string;
  data: ImportFlowData & { importId: number; choices: ImportChoices };
  draft: ImportDraft;
  scope: ImportScope;
}

export function flowData(ctx: MemberContext): ImportFlowData | null {
  const flow = activeFlow(ctx, IMPORT_FLOW);
  return flow ? (flow.data as unknown as ImportFlowData) : null;
}

/**
 * The review a button belongs to, or null when it is stale: another flow, an
 * older token, or a draft already saved or abandoned.
 */
export async function loadReview(ctx: MemberContext, token?: string): Promise<Review | null> {
  const flow = activeFlow(ctx, IMPORT_FLOW, token);
  if (!flow) return null;
  const data = flow.data as unknown as ImportFlowData;
  if (data.importId === null || data.choices === null) return null;
  const draft = await importDraft(ctx.deps.db, data.importId);
  if (!draft || draft.memberId !== ctx.member.id || draft.status !== "reviewing") return null;
  const scope = await importScope(ctx.deps.db, ctx.member.unitId);
  return { token: flow.token, data: data as Review["data"], draft, scope };
}

export async function saveReview(
  ctx: MemberContext,
  review: Review,
  step: ImportStep,
  change: Partial<ImportFlowData>,
): Promise<void> {
  review.data = { ...review.data, ...change } as Review["data"];
  await advanceFlow(ctx, step, review.data as unknown as Record<string, unknown>);
}
