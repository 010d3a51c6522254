import { Composer } from "grammy";
import { z } from "zod";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { findInvite, redeemInvite } from "../../db/queries/invites";
import { syncCommandMenu } from "../command-menu";
import type { BotContext } from "../context";
import { escapeHtml } from "../render/html";
import { roleLabel, texts } from "../texts";

/** Deep-link payloads are at most 64 characters of [A-Za-z0-9_-] (Telegram's rule). */
const inviteCode = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const onboarding = new Composer<BotContext>();

onboarding.command("start", async (ctx) => {
  const payload = ctx.match.trim();
  const member = ctx.member;
  if (!payload) {
    await ctx.reply(member ? texts.welcomeBack(escapeHtml(member.fullName), escapeHtml(member.unitName)) : texts.notMember, {
      parse_mode: "HTML",
    });
    if (member) await syncCommandMenu(ctx.api, ctx.chat.id, member.role);
    return;
  }
  if (member) {
    await ctx.reply(texts.alreadyMember(escapeHtml(member.unitName)), { parse_mode: "HTML" });
    return;
  }
  const code = inviteCode.safeParse(payload);
  if (!code.success) {
    await ctx.reply(texts.inviteMalformed);
    return;
  }
  const { db, now } = ctx.deps;
  const invite = await findInvite(db, code.data, String(ctx.from!.id));
  const nowIso = now().toISOString();
  if (!invite) return void (await ctx.reply(texts.inviteUnknown));
  if (invite.removedSince) return void (await ctx.reply(texts.inviteRemovedSince));
  if (invite.expiresAt <= nowIso) return void (await ctx.reply(texts.inviteExpired(formatDate(vietnamDate(new Date(invite.expiresAt))))));
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return void (await ctx.reply(texts.inviteUsedUp));

  const from = ctx.from!;
  const fullName = [from.first_name, from.last_name].filter(Boolean).join(" ").normalize("NFC");
  const joined = await redeemInvite(db, {
    code: code.data,
    telegramUserId: String(from.id),
    chatId: String(ctx.chat.id),
    fullName,
    now: nowIso,
  });
  if (!joined) return void (await ctx.reply(texts.inviteUsedUp));
  await ctx.reply(texts.joined(escapeHtml(fullName), escapeHtml(invite.unitName), roleLabel[invite.role]), { parse_mode: "HTML" });
  await syncCommandMenu(ctx.api, ctx.chat.id, invite.role);
});
