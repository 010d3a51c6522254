import { Composer } from "grammy";
import type { MemberContext } from "../context";
import { webTexts } from "../../web/texts";
import { LOGIN_LINK_MINUTES } from "../../web/links";

/** /web: a one-time link that signs the member in to the web back office. */
export const webLogin = new Composer<MemberContext>();

webLogin.command("web", async (ctx) => {
  const { member, deps } = ctx;
  if (!deps.webLoginLink) return;
  const link = await deps.webLoginLink(member.id);
  await ctx.port.send(webTexts.login.chatReply(link, LOGIN_LINK_MINUTES));
});
