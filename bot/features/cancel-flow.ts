import { Composer } from "grammy";
import { flowCancel } from "../callback-data";
import { endFlow } from "../conversation";
import type { MemberContext } from "../context";
import { IMPORT_FLOW } from "./import/state";
import { reportTexts as t, texts } from "../texts";

/** /huy or the ✖ button leaves whatever flow the chat is in; nothing it collected is saved. */
export const cancelFlow = new Composer<MemberContext>();

cancelFlow.command("huy", async (ctx) => {
  if (!ctx.conversation) return void (await ctx.port.send(t.nothingToCancel));
  await endFlow(ctx);
  await ctx.port.send(t.cancelled);
});

/**
 * Another command typed in the middle of a flow leaves it: the flow's keys
 * would otherwise still wait, and a later number could act on it. A plan
 * import keeps its draft: it says it still waits and how to leave.
 */
cancelFlow.on("message:text", async (ctx, next) => {
  const flow = ctx.conversation;
  const command = /^\/([A-Za-z0-9_]+)/.exec(ctx.message.text)?.[1]?.toLowerCase();
  if (!flow || !command || command === "huy") return next();
  if (flow.flow === IMPORT_FLOW) {
    await next();
    return void (await ctx.port.send(t.importStillWaiting));
  }
  await endFlow(ctx);
  await ctx.port.send(t.flowLeft);
  return next();
});

cancelFlow.callbackQuery(flowCancel.pattern, async (ctx) => {
  if (ctx.conversation?.token !== ctx.match[1]) return void (await ctx.port.answer({ text: texts.staleButton }));
  await endFlow(ctx);
  await ctx.port.answer();
  await ctx.port.clearActions();
  await ctx.port.send(t.cancelled);
});
