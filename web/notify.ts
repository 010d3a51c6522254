/**
 * Telling the chat what the office decided on the web, with the same texts
 * and "Mở nhiệm vụ" button the chat's own decision sends. Best effort, after
 * the write: a failed message never undoes a decision (as in the chat).
 */
import { Api, InlineKeyboard } from "grammy";
import { taskCard } from "../bot/callback-data";
import { reportTexts } from "../bot/texts";
import type { Env } from "../worker/env";
import { readConfig } from "../worker/env";

export async function notifyChat(env: Env, chatId: string, html: string, assignmentId: number): Promise<void> {
  try {
    const config = readConfig(env);
    const api = new Api(config.TELEGRAM_BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT });
    await api.sendMessage(Number(chatId), html, {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(reportTexts.buttons.openTask, taskCard.build(assignmentId)),
    });
  } catch (error) {
    console.warn("web: could not notify chat", chatId, error);
  }
}
