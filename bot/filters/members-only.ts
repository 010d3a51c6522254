import type { NextFunction } from "grammy";
import type { BotContext } from "../context";
import { texts } from "../texts";

/**
 * Everything after onboarding is for members. A stranger learns how to join
 * and nothing else: no unit names, no task counts.
 */
export async function membersOnly(ctx: BotContext, next: NextFunction): Promise<void> {
  if (ctx.member) return next();
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: texts.notMember.replace(/<[^>]+>/g, ""), show_alert: true });
    return;
  }
  if (ctx.chat?.type === "private") await ctx.reply(texts.notMember, { parse_mode: "HTML" });
}
