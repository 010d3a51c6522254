import { Composer } from "grammy";
import type { BotContext, MemberContext } from "../context";
import { webTexts } from "../../web/texts";
import { LOGIN_LINK_MINUTES } from "../../web/links";

/** /web: a one-time link that signs the member in to the web back office. */
export const webLogin = new Composer<BotContext>();

webLogin.command("web", async (ctx) => {
  const { member, deps } = ctx as MemberContext;
  if (!deps.webLoginLink) return;
  const link = await deps.webLoginLink(member.id);
  await ctx.port.send(webTexts.login.chatReply(link, LOGIN_LINK_MINUTES));
});
