/** @jsxImportSource hono/jsx */
import { Hono, type Context } from "hono";
import { canAssignInPlan, canEditTasks, canViewAssignment } from "../../core/access/policy";
import { parseDeadline } from "../../core/deadline/parse";
import type { Deadline } from "../../core/deadline/types";
import { normalizeText } from "../../core/text/fold";
import { createDb } from "../../db/client";
import { planScopeById, unitLineage } from "../../db/queries/plan-scope";
import { addTask, editTask, taskRecipients, withdrawTask } from "../../db/queries/task-edit";
import { tellTaskUnits } from "../task-notices";
import { taskHistory, taskWithUnits } from "../../db/queries/task-view";
import { WithdrawConfirmPage } from "../pages/task-page";
import { showTask } from "./tasks";
import { TITLE_MAX } from "../../core/plan-import/table-edits";
import type { WebEnv } from "../env";
import { MessagePage } from "../layout";
import { actorOf, planFromPath } from "../plan-context";
import { taskEditTexts as e, webTexts as t } from "../texts";

/** Admins edit a saved plan's tasks: title and deadline, add one, withdraw one. Each change audited. */
export const taskEditRoutes = new Hono<WebEnv>();

function refuse(c: Context<WebEnv>, message: string, status: 400 | 403 | 404 | 409) {
  return c.html(<MessagePage title={t.errors.title} message={message} viewer={c.var.viewer} />, status);
}

/** A typed deadline phrase, read as the import reads one; empty means none. */
function deadlineOf(text: string): { text: string | null; deadline: Deadline } | null {
  const phrase = normalizeText(text).slice(0, 200);
  const deadline = parseDeadline(phrase);
  if (phrase && deadline.kind === "none") return null;
  return { text: phrase || null, deadline };
}

function titleError(title: string): string | null {
  if (!title) return e.titleEmpty;
  if (title.length > TITLE_MAX) return e.titleTooLong(title.length, TITLE_MAX);
  return null;
}

const waitUntilOf = (c: Context<WebEnv>) => (p: Promise<unknown>) => c.executionCtx.waitUntil(p);

async function editableTask(c: Context<WebEnv>) {
  const found = await taskWithUnits(c.env.DB, Number(c.req.param("id")));
  const plan = found && (await planScopeById(c.env.DB, found.task.planId));
  if (!found || !plan) return { error: refuse(c, t.errors.notFound, 404) };
  if (!canEditTasks(actorOf(c), plan)) {
    const mayRead = found.assignments.some((a) => canViewAssignment(actorOf(c), { unitId: a.unitId, plan }));
    return { error: refuse(c, mayRead ? t.errors.manageOnly : t.errors.forbidden, 403) };
  }
  return { task: found.task };
}

taskEditRoutes.post("/nhiem-vu/:id{[0-9]+}/sua", async (c) => {
  const found = await editableTask(c);
  if (!found.task) return found.error;
  const body = await c.req.parseBody();
  const typed = {
    title: typeof body.title === "string" ? body.title : "",
    deadline: typeof body.deadline === "string" ? body.deadline : "",
  };
  const title = normalizeText(typed.title);
  const deadline = deadlineOf(typed.deadline);
  const error = titleError(title) ?? (deadline ? null : e.deadlineUnreadable(normalizeText(typed.deadline).slice(0, 80)));
  if (error || !deadline) return showTask(c, found.task.id, { notice: null, edit: { ...typed, error: error ?? "" } }, 400);
  const { task } = found;
  if (title === task.title && deadline.text === task.deadlineText) return c.redirect(`/web/nhiem-vu/${task.id}`, 303);
  const changed = await editTask(createDb(c.env.DB), {
    taskId: task.id,
    actorId: c.var.viewer.memberId,
    title,
    deadlineText: deadline.text,
    deadline: deadline.deadline,
    before: { title: task.title, deadlineText: task.deadlineText },
  });
  if (!changed) return refuse(c, "Nhiệm vụ vừa được người khác sửa. Hãy tải lại trang rồi sửa lại.", 409);
  await tellTaskUnits(
    c.env,
    await taskRecipients(c.env.DB, task.id),
    { ...task, title, deadlineText: deadline.text },
    "edited",
    waitUntilOf(c),
  );
  return c.redirect(`/web/nhiem-vu/${task.id}?da-luu`, 303);
});

/** Withdrawing asks first; a task with reports or extension requests is not offered it. */
taskEditRoutes.get("/nhiem-vu/:id{[0-9]+}/rut", async (c) => {
  const found = await editableTask(c);
  if (!found.task) return found.error;
  const history = await taskHistory(c.env.DB, found.task.id);
  if (history.reports.length > 0 || history.extensions.length > 0) return refuse(c, e.hasHistory, 409);
  const units = await taskWithUnits(c.env.DB, found.task.id);
  return c.html(
    <WithdrawConfirmPage viewer={c.var.viewer} task={found.task} units={(units?.assignments ?? []).map((a) => a.unitName)} />,
  );
});

taskEditRoutes.post("/nhiem-vu/:id{[0-9]+}/rut", async (c) => {
  const found = await editableTask(c);
  if (!found.task) return found.error;
  const recipients = await taskRecipients(c.env.DB, found.task.id);
  const outcome = await withdrawTask(createDb(c.env.DB), { taskId: found.task.id, actorId: c.var.viewer.memberId });
  if (outcome === "has_history") return refuse(c, e.hasHistory, 409);
  if (outcome === "gone") return refuse(c, t.errors.notFound, 404);
  await tellTaskUnits(c.env, recipients, found.task, "withdrawn", waitUntilOf(c));
  return c.html(<MessagePage title={t.nav.overview} message={e.withdrawn(found.task.ref)} viewer={c.var.viewer} kind="ok" />);
});

taskEditRoutes.post("/ke-hoach/:planId{[0-9]+}/them-nhiem-vu", planFromPath, async (c) => {
  const plan = c.var.plan;
  if (!canEditTasks(actorOf(c), plan)) return refuse(c, t.errors.manageOnly, 403);
  const body = await c.req.parseBody();
  const title = normalizeText(typeof body.title === "string" ? body.title : "");
  const wrongTitle = titleError(title);
  if (wrongTitle) return refuse(c, wrongTitle, 400);
  const unitId = Number(body.unitId);
  const units = await c.env.DB.prepare(
    "select distinct a.unit_id as id from assignments a join tasks t on t.id = a.task_id where t.plan_id = ?1",
  )
    .bind(plan.id)
    .all<{ id: number }>();
  if (!units.results.some((u) => u.id === unitId)) return refuse(c, e.unitMissing, 400);
  // A plan assigns work only inside its issuer's tree, whatever older rows say.
  if (!canAssignInPlan(plan.issuerUnitId, await unitLineage(c.env.DB, unitId))) return refuse(c, e.unitMissing, 400);
  const deadline = deadlineOf(typeof body.deadline === "string" ? body.deadline : "");
  if (!deadline)
    return refuse(
      c,
      e.deadlineUnreadable(normalizeText(typeof body.deadline === "string" ? body.deadline : "").slice(0, 80)),
      400,
    );
  const added = await addTask(createDb(c.env.DB), {
    planId: plan.id,
    unitId,
    title,
    deadlineText: deadline.text,
    deadline: deadline.deadline,
    actorId: c.var.viewer.memberId,
  });
  await tellTaskUnits(
    c.env,
    await taskRecipients(c.env.DB, added.id),
    { id: added.id, ref: added.ref, title, deadlineText: deadline.text },
    "added",
    waitUntilOf(c),
  );
  return c.redirect(`/web/nhiem-vu/${added.id}?da-luu`, 303);
});
