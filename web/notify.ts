/**
 * Telling the chat what happened on the web, with the same texts and
 * buttons the chat's own flows send. Best effort, after the write: a failed
 * message never undoes it (as in the chat).
 */
import { Api, InlineKeyboard } from "grammy";
import { extensionApprove, extensionRefuse, reviewConfirm, reviewReturn, taskCard } from "../bot/callback-data";
import { extensionTexts, reportTexts } from "../bot/texts";
import type { Env } from "../worker/env";
import { readConfig } from "../worker/env";

export async function notifyChat(env: Env, chatIds: string[], html: string, keyboard: InlineKeyboard): Promise<void> {
  let api: Api;
  try {
    const config = readConfig(env);
    api = new Api(config.TELEGRAM_BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT });
  } catch (error) {
    return console.warn("web: chat not configured, nobody told", error);
  }
  for (const chatId of chatIds) {
    await api.sendMessage(Number(chatId), html, { parse_mode: "HTML", reply_markup: keyboard }).catch((error) => console.warn("web: could not notify chat", chatId, error));
  }
}

export const openTaskKeyboard = (assignmentId: number) => new InlineKeyboard().text(reportTexts.buttons.openTask, taskCard.build(assignmentId));

export const reviewKeyboard = (reportId: number, assignmentId: number) =>
  new InlineKeyboard().text("✔ Xác nhận", reviewConfirm.build(reportId)).text("↩ Trả lại", reviewReturn.build(reportId)).row().text(reportTexts.buttons.openTask, taskCard.build(assignmentId));

export const extensionKeyboard = (requestId: number, assignmentId: number) =>
  new InlineKeyboard()
    .text(extensionTexts.buttons.approve, extensionApprove.build(requestId))
    .text(extensionTexts.buttons.refuse, extensionRefuse.build(requestId))
    .row()
    .text(reportTexts.buttons.openTask, taskCard.build(assignmentId));
