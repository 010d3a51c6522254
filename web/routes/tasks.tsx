/** @jsxImportSource hono/jsx */
import { Hono, type Context } from "hono";
import { canEditTasks, canReadPlan, canReadPlanInChain, canViewAssignment } from "../../core/access/policy";
import { createDb } from "../../db/client";
import { childPlansOfAssignments, planWithAncestors } from "../../db/queries/plan-chain";
import { statusOf } from "../../core/status/of-assignment";
import { vietnamDate } from "../../core/time/vietnam-date";
import { planScopeById } from "../../db/queries/plan-scope";
import { taskHistory, taskWithUnits } from "../../db/queries/task-view";
import type { WebEnv } from "../env";
import { MessagePage } from "../layout";
import { filePath } from "../../services/links";
import { type EditState, TaskPage } from "../pages/task-page";
import { actorOf } from "../plan-context";
import { webTexts as t } from "../texts";

/** /web/nhiem-vu/:id — a task across its units and its whole history; each reader sees the units they may. */
export const taskRoutes = new Hono<WebEnv>();

taskRoutes.get("/nhiem-vu/:id{[0-9]+}", (c) =>
  showTask(c, Number(c.req.param("id")), {
    notice: c.req.query("da-luu") !== undefined ? "Đã lưu thay đổi." : null,
    edit: null,
  }),
);

/**
 * The task page; after a refused edit, with what was typed and why it was
 * refused (400), so nothing typed is lost.
 */
export async function showTask(
  c: Context<WebEnv>,
  taskId: number,
  shown: { notice: string | null; edit: EditState | null },
  status: 200 | 400 | 409 = 200,
) {
  const viewer = c.var.viewer;
  const actor = actorOf(c);
  const found = await taskWithUnits(c.env.DB, taskId);
  const plan = found && (await planScopeById(c.env.DB, found.task.planId));
  if (!found || !plan)
    return c.html(<MessagePage title={t.errors.notFoundTitle} message={t.errors.notFound} viewer={viewer} />, 404);
  let visible = found.assignments.filter((a) => canViewAssignment(actor, { unitId: a.unitId, plan }));
  // A task of a plan read through a plan above it (a unit's plan, opened by the parent's office): read whole, never edited.
  let throughChain = false;
  if (visible.length === 0) {
    const chain = await planWithAncestors(createDb(c.env.DB), plan.id);
    throughChain = chain !== null && canReadPlanInChain(actor, chain.plan, chain.ancestors);
    if (throughChain) visible = found.assignments;
  }
  if (visible.length === 0)
    return c.html(<MessagePage title={t.errors.title} message={t.errors.forbidden} viewer={viewer} />, 403);
  const whole = throughChain || canReadPlan(actor, plan);
  if (whole) c.set("viewer", { ...viewer, planId: plan.id });
  const today = vietnamDate(new Date());
  const [history, childPlans] = await Promise.all([
    taskHistory(c.env.DB, found.task.id, whole ? null : visible[0]!.id),
    childPlansOfAssignments(
      createDb(c.env.DB),
      visible.map((a) => a.id),
      today,
    ),
  ]);
  const files = new Map<string, string>();
  for (const report of history.reports) {
    for (const e of report.evidence ?? []) {
      if (e.fileId.startsWith("r2:")) files.set(e.fileId, await filePath(c.env, e.fileId.slice(3), e.name ?? "tep"));
    }
  }
  return c.html(
    <TaskPage
      viewer={c.var.viewer}
      task={found.task}
      plan={plan}
      assignments={visible.map((a) => ({
        ...a,
        status: statusOf(
          { ...a, dueOn: found.task.dueOn, recurrence: found.task.recurrence, checkinEvery: found.task.checkinEvery },
          today,
        ),
      }))}
      history={history}
      fileLinks={files}
      canEdit={!throughChain && canEditTasks(actor, plan)}
      childPlans={childPlans}
      officeView={whole}
      notice={shown.notice}
      edit={shown.edit}
    />,
    status,
  );
}
