import { Composer } from "grammy";
import type { MemberContext } from "../context";
import { escapeHtml } from "../render/html";
import { commandsFor, roleLabel, texts } from "../texts";

export const help = new Composer<MemberContext>();

help.command(["trogiup", "help"], async (ctx) => {
  const { member } = ctx;
  const commands = commandsFor(member.role);
  const lines = [
    texts.helpHeader(escapeHtml(member.fullName), escapeHtml(member.unitName), roleLabel[member.role]),
    ...commands.map(([name, what]) => `/${name} — ${what}`),
  ];
  await ctx.port.send(lines.join("\n"), { html: true });
  await ctx.port.syncCommands(member.role);
});
