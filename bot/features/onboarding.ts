import { Composer } from "grammy";
import { z } from "zod";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { canManagePeople } from "../../core/access/policy";
import type { Db } from "../../db/client";
import { findInvite, redeemInvite } from "../../db/queries/invites";
import { peopleScope } from "../../db/queries/people";
import type { BotContext } from "../context";
import { escapeHtml } from "../render/html";
import { roleLabel, texts } from "../texts";

/** Deep-link payloads are at most 64 characters of [A-Za-z0-9_-] (Telegram's rule). */
const inviteCode = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const onboarding = new Composer<BotContext>();

onboarding.command("start", async (ctx) => {
  // A code read out and typed on a phone may come with spaces between its groups.
  const payload = ctx.match.trim().replace(/\s+/g, "-");
  const member = ctx.member;
  if (!payload) {
    const stranger = ctx.port.channel === "zalo" ? texts.notMemberZalo : texts.notMember;
    await ctx.port.send(member ? texts.welcomeBack(escapeHtml(member.fullName), escapeHtml(member.unitName)) : stranger, {
      html: true,
    });
    if (member) await ctx.port.syncCommands(member.role);
    return;
  }
  if (member) {
    await ctx.port.send(texts.alreadyMember(escapeHtml(member.unitName)), { html: true });
    return;
  }
  const sender = ctx.port.sender;
  // Alerts go to the chat a person joined from: never a group's.
  if (!sender?.privateChat) return void (await ctx.port.send(texts.joinInPrivate));
  const code = inviteCode.safeParse(payload);
  if (!code.success) {
    await ctx.port.send(texts.inviteMalformed);
    return;
  }
  const { db, now } = ctx.deps;
  const invite = await findInvite(db, code.data, { channel: ctx.port.channel, userId: sender.userId });
  const nowIso = now().toISOString();
  if (!invite) return void (await ctx.port.send(texts.inviteUnknown));
  if (invite.removedSince) return void (await ctx.port.send(texts.inviteRemovedSince));
  if (invite.expiresAt <= nowIso)
    return void (await ctx.port.send(texts.inviteExpired(formatDate(vietnamDate(new Date(invite.expiresAt))))));
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return void (await ctx.port.send(texts.inviteUsedUp));
  if (!(await creatorMayStillInvite(db, invite))) return void (await ctx.port.send(texts.inviteCreatorGone));

  const fullName = sender.displayName || "Cán bộ";
  const joined = await redeemInvite(db, {
    code: invite.code,
    channel: ctx.port.channel,
    userId: sender.userId,
    chatId: sender.chatId,
    fullName,
    now: nowIso,
  });
  if (!joined) return void (await ctx.port.send(texts.inviteUsedUp));
  await ctx.port.send(texts.joined(escapeHtml(fullName), escapeHtml(invite.unitName), roleLabel[invite.role]), { html: true });
  await ctx.port.syncCommands(invite.role);
});

/**
 * An invite admits people only while whoever made it could still make it
 * (core/access canManagePeople, with their role and unit as they are now): a
 * demoted, moved or removed admin's links stop working. Invites made by the
 * operator's tools have no maker and are not concerned.
 */
async function creatorMayStillInvite(db: Db, invite: NonNullable<Awaited<ReturnType<typeof findInvite>>>): Promise<boolean> {
  if (!invite.madeByMember) return true;
  const creator = invite.creator;
  if (!creator || creator.removed) return false;
  const scope = await peopleScope(db, creator.unitId);
  return canManagePeople(creator, scope, { kind: "invite", unitId: invite.unitId, role: invite.role });
}
