import { Composer } from "grammy";
import type { MemberContext } from "../context";
import { webLoginTexts } from "../texts";

/** /web: a one-time link that signs the member in to the web back office. */
export const webLogin = new Composer<MemberContext>();

webLogin.command("web", async (ctx) => {
  const { member, deps } = ctx;
  if (!deps.webLoginLink) return;
  const { url, validMinutes } = await deps.webLoginLink(member.id);
  await ctx.port.send(webLoginTexts.reply(url, validMinutes));
});
