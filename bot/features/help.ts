import { Composer } from "grammy";
import { syncCommandMenu } from "../command-menu";
import type { BotContext, MemberContext } from "../context";
import { escapeHtml } from "../render/html";
import { commandsFor, roleLabel, texts } from "../texts";

export const help = new Composer<BotContext>();

help.command(["trogiup", "help"], async (ctx) => {
  const { member } = ctx as MemberContext;
  const commands = commandsFor(member.role);
  const lines = [
    texts.helpHeader(escapeHtml(member.fullName), escapeHtml(member.unitName), roleLabel[member.role]),
    ...commands.map(([name, what]) => `/${name} — ${what}`),
  ];
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
  await syncCommandMenu(ctx.api, ctx.chat.id, member.role);
});
