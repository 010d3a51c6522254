import { Composer } from "grammy";
import { formatDateTime } from "../../core/time/vietnam-date";
import { createLinkCode, redeemLinkCode } from "../../db/queries/channel-links";
import type { BotContext } from "../context";
import { escapeHtml } from "../render/html";
import { linkTexts as t } from "../texts";

/** Ten minutes: long enough to open the other app, short enough that a code seen over a shoulder is soon useless. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;
/** No 0/O or 1/I: read aloud or typed from one phone to another. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function newCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
}

/**
 * A member on one channel links the other: /lienket gives a one-time code;
 * sending "/lienket <code>" to the bot on the other channel binds that account
 * to the same member (same unit, role and history). Works before membership,
 * so it comes before the members-only filter.
 */
export const linkChannel = new Composer<BotContext>();

linkChannel.command("lienket", async (ctx) => {
  const code = ctx.match.trim().toUpperCase();
  const sender = ctx.port.sender;
  if (!sender?.privateChat) return void (await ctx.port.send(t.privateOnly));
  const other = ctx.port.channel === "zalo" ? "Telegram" : "Zalo";
  if (!code) {
    if (!ctx.member) return void (await ctx.port.send(t.askCodeFirst));
    const expires = new Date(ctx.deps.now().getTime() + CODE_LIFETIME_MS);
    const fresh = newCode();
    await createLinkCode(ctx.deps.db, ctx.member.id, fresh, expires.toISOString());
    return void (await ctx.port.send(t.code(fresh, other, formatDateTime(expires)), { html: true }));
  }
  if (ctx.member) return void (await ctx.port.send(t.alreadyLinked(escapeHtml(ctx.member.fullName))));
  if (!/^[A-Z0-9]{8}$/.test(code)) return void (await ctx.port.send(t.malformed));
  const result = await redeemLinkCode(ctx.deps.db, {
    code,
    channel: ctx.port.channel,
    userId: sender.userId,
    chatId: sender.chatId,
    now: ctx.deps.now().toISOString(),
  });
  if (!result.ok) {
    const current = ctx.port.channel === "zalo" ? "Zalo" : "Telegram";
    const reply = { unknown: t.unknown, taken: t.taken, same_channel: t.sameChannel(current, other) }[result.reason];
    return void (await ctx.port.send(reply));
  }
  await ctx.port.send(t.linked(escapeHtml(result.fullName), escapeHtml(result.unitName)), { html: true });
});
