import { Composer, type Middleware } from "grammy";
import type { BotContext, MemberContext } from "../context";
import { texts, zaloTexts } from "../texts";

/** A member writing in their private chat with the bot: the only context member features run in. */
export function isMemberInPrivateChat(ctx: BotContext): ctx is MemberContext {
  const sender = ctx.port.sender;
  return ctx.member !== null && !(sender !== null && !sender.privateChat);
}

/**
 * Everything after onboarding is for members, in their private chat with the
 * bot: the features given here see a MemberContext. A stranger learns how to
 * join and nothing else (no unit names, no task counts); a command in a group
 * (or one of its topics) is answered there, but only with where to ask: a
 * unit's tasks are never shown to a group.
 */
export function membersOnly(...features: Array<Middleware<MemberContext>>): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.filter(isMemberInPrivateChat, ...features);
  composer.drop(isMemberInPrivateChat, refuseOthers);
  return composer;
}

async function refuseOthers(ctx: BotContext): Promise<void> {
  const sender = ctx.port.sender;
  const inGroup = sender !== null && !sender.privateChat;
  if (inGroup) {
    if (ctx.callbackQuery) return void (await ctx.port.answer({ text: texts.privateChatOnly, alert: true }));
    if (ctx.message?.text?.startsWith("/")) await ctx.port.send(texts.privateChatOnly);
    return;
  }
  if (ctx.callbackQuery) {
    await ctx.port.answer({ text: texts.notMember.replace(/<[^>]+>/g, ""), alert: true });
    return;
  }
  await ctx.port.send(ctx.port.channel === "zalo" ? zaloTexts.notMember : texts.notMember, { html: true });
}
