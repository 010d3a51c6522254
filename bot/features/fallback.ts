import { Composer } from "grammy";
import type { BotContext } from "../context";
import { texts } from "../texts";

/** Last in the chain: whatever no feature handled gets a next step, never silence. */
export const fallback = new Composer<BotContext>();

fallback.on("message:text", async (ctx) => {
  const command = /^\/([A-Za-z0-9_]{1,32})(@\w+)?/.exec(ctx.message.text);
  await ctx.reply(command ? texts.unknownCommand(command[1]!) : texts.freeText);
});

fallback.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: texts.staleButton }));

fallback.on("message", (ctx) => ctx.reply(texts.unsupportedMessage));
