import { childPlanName } from "../core/plan-chain";
import { reachableAdminsOf } from "../db/queries/members";
import { linkCompletions } from "../db/queries/plan-chain-chat";
import { reviewConfirm, reviewReturn, taskCard } from "./callback-data";
import type { BotContext } from "./context";
import { notify } from "./notify";
import { Actions } from "./ports/actions";
import { escapeHtml, shorten } from "./render/html";
import { chainTexts, reportTexts } from "./texts";

/**
 * A unit's plan was linked to the plan above and its planning tasks there
 * were reported done with it: the parent office is asked to confirm them, as
 * for any completion (the same buttons, through the outbox).
 */
export async function tellParentOffice(ctx: BotContext, childPlanId: number, reportedAssignmentIds: number[]): Promise<void> {
  const { db } = ctx.deps;
  const completions = await linkCompletions(db.$client, reportedAssignmentIds);
  if (completions.length === 0) return;
  const child = await db.$client
    .prepare("select number, title, issued_on as issuedOn from plans where id = ?1")
    .bind(childPlanId)
    .first<{ number: string | null; title: string; issuedOn: string | null }>();
  if (!child) return;
  const adminsByUnit = new Map<number, { id: number }[]>();
  for (const unitId of new Set(completions.map((c) => c.monitorUnitId)))
    adminsByUnit.set(unitId, await reachableAdminsOf(db, unitId));
  await notify(
    ctx,
    completions.flatMap((c) => {
      const text = chainTexts.notice(
        escapeHtml(c.unitName),
        escapeHtml(c.ref),
        escapeHtml(shorten(c.title, 300)),
        escapeHtml(shorten(childPlanName(child), 200)),
      );
      const actions = new Actions()
        .text("✔ Xác nhận", reviewConfirm.build(c.reportId))
        .text("↩ Trả lại", reviewReturn.build(c.reportId))
        .row()
        .text(reportTexts.buttons.openTask, taskCard.build(c.assignmentId));
      return (adminsByUnit.get(c.monitorUnitId) ?? []).map((admin) => ({
        memberId: admin.id,
        subject: `report:${c.reportId}`,
        assignmentId: c.assignmentId,
        text,
        actions,
      }));
    }),
  );
}
