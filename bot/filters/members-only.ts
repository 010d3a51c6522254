import type { NextFunction } from "grammy";
import type { BotContext } from "../context";
import { texts, zaloTexts } from "../texts";

/**
 * Everything after onboarding is for members, in their private chat with the
 * bot. A stranger learns how to join and nothing else (no unit names, no task
 * counts); a command in a group (or one of its topics) is answered there, but
 * only with where to ask: a unit's tasks are never shown to a group.
 */
export async function membersOnly(ctx: BotContext, next: NextFunction): Promise<void> {
  const sender = ctx.port.sender;
  const inGroup = sender !== null && !sender.privateChat;
  if (inGroup) {
    if (ctx.callbackQuery) return void (await ctx.port.answer({ text: texts.privateChatOnly, alert: true }));
    if (ctx.message?.text?.startsWith("/")) await ctx.port.send(texts.privateChatOnly);
    return;
  }
  if (ctx.member) return next();
  if (ctx.callbackQuery) {
    await ctx.port.answer({ text: texts.notMember.replace(/<[^>]+>/g, ""), alert: true });
    return;
  }
  await ctx.port.send(ctx.port.channel === "zalo" ? zaloTexts.notMember : texts.notMember, { html: true });
}
