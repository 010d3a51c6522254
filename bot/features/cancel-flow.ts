import { Composer } from "grammy";
import { flowCancel } from "../callback-data";
import { endFlow } from "../conversation";
import type { MemberContext } from "../context";
import { reportTexts as t, texts } from "../texts";

/** /huy or the ✖ button leaves whatever flow the chat is in; nothing it collected is saved. */
export const cancelFlow = new Composer<MemberContext>();

cancelFlow.command("huy", async (ctx) => {
  if (!ctx.conversation) return void (await ctx.port.send(t.nothingToCancel));
  await endFlow(ctx);
  await ctx.port.send(t.cancelled);
});

cancelFlow.callbackQuery(flowCancel.pattern, async (ctx) => {
  if (ctx.conversation?.token !== ctx.match[1]) return void (await ctx.port.answer({ text: texts.staleButton }));
  await endFlow(ctx);
  await ctx.port.answer();
  await ctx.port.clearActions();
  await ctx.port.send(t.cancelled);
});
