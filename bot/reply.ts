import type { InlineKeyboard } from "grammy";
import type { BotContext } from "./context";

/**
 * Shows a screen in place of the message whose button was pressed, or as a
 * new message when that one cannot be edited (deleted, too old, not ours).
 */
export async function showInPlace(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  const options = { parse_mode: "HTML" as const, reply_markup: keyboard, link_preview_options: { is_disabled: true } };
  try {
    await ctx.editMessageText(text, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (message.includes("message is not modified")) return;
    if (/message to edit not found|message can't be edited|there is no text in the message/.test(message)) {
      await ctx.reply(text, options);
      return;
    }
    throw error;
  }
}
