/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { canEditTasks, canReadPlan, canViewAssignment } from "../../core/access/policy";
import { statusOf } from "../../core/status/of-assignment";
import { vietnamDate } from "../../core/time/vietnam-date";
import { planScopeById } from "../../db/queries/plan-scope";
import { taskHistory, taskWithUnits } from "../../db/queries/task-view";
import type { WebEnv } from "../env";
import { MessagePage } from "../layout";
import { filePath } from "../../services/links";
import { TaskPage } from "../pages/task-page";
import { actorOf } from "../plan-context";
import { webTexts as t } from "../texts";

/** /web/nhiem-vu/:id — a task across its units and its whole history; each reader sees the units they may. */
export const taskRoutes = new Hono<WebEnv>();

taskRoutes.get("/nhiem-vu/:id{[0-9]+}", async (c) => {
  const viewer = c.var.viewer;
  const actor = actorOf(c);
  const found = await taskWithUnits(c.env.DB, Number(c.req.param("id")));
  const plan = found && (await planScopeById(c.env.DB, found.task.planId));
  if (!found || !plan) return c.html(<MessagePage title={t.errors.title} message={t.errors.notFound} viewer={viewer} />, 404);
  const visible = found.assignments.filter((a) => canViewAssignment(actor, { unitId: a.unitId, plan }));
  if (visible.length === 0)
    return c.html(<MessagePage title={t.errors.title} message={t.errors.forbidden} viewer={viewer} />, 403);
  const whole = canReadPlan(actor, plan);
  const history = await taskHistory(c.env.DB, found.task.id, whole ? null : visible[0]!.id);
  const today = vietnamDate(new Date());
  const files = new Map<string, string>();
  for (const report of history.reports) {
    for (const e of report.evidence ?? []) {
      if (e.fileId.startsWith("r2:")) files.set(e.fileId, await filePath(c.env, e.fileId.slice(3), e.name ?? "tep"));
    }
  }
  return c.html(
    <TaskPage
      viewer={viewer}
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
      canEdit={canEditTasks(actor, plan)}
      notice={c.req.query("da-luu") !== undefined ? "Đã lưu thay đổi." : null}
    />,
  );
});
