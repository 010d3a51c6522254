/**
 * Telling people in chat what happened on the web, with the same texts and
 * actions the chat's own flows send, through the same outbox: every channel
 * they use, sent at once, retried by the queue if a send fails.
 */
import { extensionApprove, extensionRefuse, reviewConfirm, reviewReturn, taskCard } from "../bot/callback-data";
import { noticeRows, type Notice } from "../bot/notify";
import { Actions } from "../bot/ports/actions";
import { extensionTexts, reportTexts } from "../bot/texts";
import { insertReminders } from "../db/queries/outbox";
import { deliverNow } from "../services/delivery/deliver-now";
import type { Env } from "../services/env";

export async function notifyMembers(env: Env, notices: Notice[], waitUntil: (p: Promise<unknown>) => void): Promise<void> {
  const ids = await insertReminders(env.DB, noticeRows(notices));
  if (ids.length > 0) await deliverNow(env, ids, waitUntil);
}

export const openTaskActions = (assignmentId: number) =>
  new Actions().text(reportTexts.buttons.openTask, taskCard.build(assignmentId));

export const reviewActions = (reportId: number, assignmentId: number) =>
  new Actions()
    .text("✔ Xác nhận", reviewConfirm.build(reportId))
    .text("↩ Trả lại", reviewReturn.build(reportId))
    .row()
    .text(reportTexts.buttons.openTask, taskCard.build(assignmentId));

export const extensionActions = (requestId: number, assignmentId: number) =>
  new Actions()
    .text(extensionTexts.buttons.approve, extensionApprove.build(requestId))
    .text(extensionTexts.buttons.refuse, extensionRefuse.build(requestId))
    .row()
    .text(reportTexts.buttons.openTask, taskCard.build(assignmentId));
