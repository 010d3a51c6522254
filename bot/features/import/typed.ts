/** What the admin types during the review: tasks the importer missed, a task's new title, the parts of a split task. */
import type { ExtractedPlan } from "../../../core/plan-import/extract";
import { addTasks, renameTask, splitTask, type Reviewed } from "../../../core/plan-import/review-edits";
import { sourceHash } from "../../../core/plan-import/source-hash";
import { parseTypedTasks, typedTitles, TYPED_TITLE_MAX, type TypedTask } from "../../../core/plan-import/typed-tasks";
import { normalizeText } from "../../../core/text/fold";
import { updateImportDraftPlan } from "../../../db/queries/plan-import";
import { activeFlow } from "../../conversation";
import type { MemberContext } from "../../context";
import { backKeyboard, cancelImportKeyboard } from "../../keyboards/import";
import { escapeHtml } from "../../render/html";
import { importTexts as t } from "../../texts";
import { findImplementedDoc } from "../../../core/plan-import/doc-ref";
import { beginReview } from "./begin";
import { parentLine } from "./parent";
import { IMPORT_FLOW, loadReview, saveReview, type ImportFlowData, type Review } from "./state";
import { summaryView, taskView, type View } from "./views";

/** Lines of tasks: the whole list when there is no draft yet (Zalo, or no file at hand), else added to the draft. */
export async function onTasksText(ctx: MemberContext, text: string): Promise<void> {
  const flow = activeFlow(ctx, IMPORT_FLOW);
  if (!flow) return void (await ctx.port.send(t.stale));
  const read = parseTypedTasks(text);
  if (!read.ok) {
    const message =
      read.reason === "title_too_long" ? t.tasksNotRead.title_too_long(read.line ?? 1) : t.tasksNotRead[read.reason];
    const back =
      (flow.data as unknown as ImportFlowData).importId === null
        ? cancelImportKeyboard(flow.token)
        : backKeyboard(flow.token, { kind: "summary" });
    return void (await ctx.port.send(message, { actions: back }));
  }
  if ((flow.data as unknown as ImportFlowData).importId === null) return typedPlan(ctx, text, read.tasks);

  const review = await loadReview(ctx);
  if (!review) return void (await ctx.port.send(t.stale));
  const edited = addTasks(reviewed(review), review.scope.units, read.tasks);
  await keep(ctx, review, edited, "review");
  await show(ctx, summaryView(ctx, review, t.tasksAdded(read.tasks.length)));
}

/** A plan typed in full: a draft of its own, hashed on the text so the same list is not saved twice. */
async function typedPlan(ctx: MemberContext, text: string, tasks: TypedTask[]): Promise<void> {
  const empty: ExtractedPlan = {
    header: { issuer: null, number: null, issued_on: null, implements: null, title: null },
    targets: [],
    units: [],
    tasks: [],
    content: [],
    warnings: [],
  };
  const { plan } = addTasks(
    { plan: empty, choices: { units: [], dropped: [], deadlines: {}, issuerUnitId: 0, monitorUnitId: 0 } },
    [],
    tasks,
  );
  // A typed list has no header to take a name from: the plan is asked for its name before the review.
  const review = await beginReview(
    ctx,
    { plan: { ...plan, content: [] }, hash: await sourceHash(normalizeText(text)), fileName: null },
    "plan_title",
    {
      continueFlow: true,
    },
  );
  if (review) await ctx.port.send(t.askPlanTitle(tasks.length), { html: true, actions: cancelImportKeyboard(review.token) });
}

/** The name of a typed plan; then its review. */
export async function onPlanTitleText(ctx: MemberContext, text: string): Promise<void> {
  const review = await loadReview(ctx);
  if (!review) return void (await ctx.port.send(t.stale));
  const title = normalizeText(text).slice(0, TYPED_TITLE_MAX);
  if (!title) return void (await ctx.port.send(t.planTitleEmpty, { actions: cancelImportKeyboard(review.token) }));
  const { plan, choices } = reviewed(review);
  // A typed name may say what it carries out: "Kế hoạch thực hiện Kế hoạch số 10-KH/TU …", as a document's title does.
  const implementsText = plan.header.implements ?? findImplementedDoc(title);
  await keep(
    ctx,
    review,
    { plan: { ...plan, header: { ...plan.header, title, implements: implementsText } }, choices },
    "review",
    {
      parentLine: await parentLine(ctx, review.draft.id, choices.issuerUnitId, implementsText),
    },
  );
  await show(ctx, summaryView(ctx, review, t.tasksAdded(plan.tasks.length)));
}

export async function onRenameText(ctx: MemberContext, text: string): Promise<void> {
  const review = await loadReview(ctx);
  const task = review?.data.editTask;
  if (!review || task === null || task === undefined || !review.draft.plan.tasks[task])
    return void (await ctx.port.send(t.stale));
  const title = normalizeText(text).slice(0, TYPED_TITLE_MAX);
  if (!title) return void (await ctx.port.send(t.titleEmpty, { actions: backKeyboard(review.token, { kind: "task", task }) }));
  await keep(ctx, review, renameTask(reviewed(review), task, title), "review");
  await show(ctx, taskView(review, task, t.renamed(escapeHtml(review.draft.plan.tasks[task]!.ref))));
}

export async function onSplitText(ctx: MemberContext, text: string): Promise<void> {
  const review = await loadReview(ctx);
  const task = review?.data.editTask;
  if (!review || task === null || task === undefined || !review.draft.plan.tasks[task])
    return void (await ctx.port.send(t.stale));
  const titles = typedTitles(text).map((title) => title.slice(0, TYPED_TITLE_MAX));
  if (titles.length < 2)
    return void (await ctx.port.send(t.splitTooFew, { actions: backKeyboard(review.token, { kind: "task", task }) }));
  const ref = review.draft.plan.tasks[task]!.ref;
  await keep(ctx, review, splitTask(reviewed(review), task, titles), "review");
  await show(ctx, taskView(review, task, t.splitDone(escapeHtml(ref), titles.length)));
}

function reviewed(review: Review): Reviewed {
  return { plan: review.draft.plan, choices: review.data.choices };
}

/** The edited extraction goes back into the draft row; the choices ride in the flow, as every other change. */
async function keep(
  ctx: MemberContext,
  review: Review,
  edited: Reviewed,
  step: "review",
  change: Partial<ImportFlowData> = {},
): Promise<void> {
  await updateImportDraftPlan(ctx.deps.db, review.draft.id, edited.plan);
  review.draft = { ...review.draft, plan: edited.plan };
  await saveReview(ctx, review, step, { choices: edited.choices, editTask: null, deadlineTask: null, ...change });
}

function show(ctx: MemberContext, view: View): Promise<void> {
  return ctx.port.send(view.text, { html: true, actions: view.keyboard });
}
