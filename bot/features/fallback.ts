import { Composer } from "grammy";
import type { BotContext } from "../context";
import { reportTexts, texts } from "../texts";

/** Last in the chain: whatever no feature handled gets a next step, never silence. */
export const fallback = new Composer<BotContext>();

fallback.on("message:text", async (ctx) => {
  const command = /^\/([A-Za-z0-9_]{1,32})(@\w+)?/.exec(ctx.message.text);
  if (command) await ctx.port.send(texts.unknownCommand(command[1]!));
  else await ctx.port.send(ctx.flowExpired ? reportTexts.flowExpired : texts.freeText);
});

fallback.on("callback_query", (ctx) => ctx.port.answer({ text: texts.staleButton }));

fallback.on("message", (ctx) => ctx.port.send(texts.unsupportedMessage));
