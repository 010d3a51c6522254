/**
 * "📋 Lời mời đang hiệu lực" (from /moi): the invites of the units this admin
 * manages that still admit someone, and revoking one. Buttons carry the
 * invite's row id, never its code; revoking re-checks the policy.
 */
import { Composer } from "grammy";
import { Actions } from "../ports/actions";
import { canManagePeople } from "../../core/access/policy";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { inviteById, liveInvites, revokeInvite } from "../../db/queries/invites";
import { peopleScope } from "../../db/queries/people";
import { inviteList, inviteRevoke } from "../callback-data";
import type { MemberContext } from "../context";
import { adminsOnly } from "../filters/admins-only";
import { escapeHtml, shorten } from "../render/html";
import { roleLabel, texts } from "../texts";

const PER_PAGE = 8;

export const inviteListFeature = new Composer<MemberContext>();

inviteListFeature.callbackQuery(inviteList.pattern, adminsOnly, async (ctx) => {
  await ctx.port.answer();
  await renderList(ctx, Number(ctx.match[1]));
});

inviteListFeature.callbackQuery(inviteRevoke.pattern, adminsOnly, async (ctx) => {
  const invite = await inviteById(ctx.deps.db, Number(ctx.match[1]));
  const scope = await peopleScope(ctx.deps.db, ctx.member.unitId);
  const allowed =
    invite !== null && canManagePeople(ctx.member, scope, { kind: "invite", unitId: invite.unitId, role: invite.role });
  const revoked =
    allowed && (await revokeInvite(ctx.deps.db, { id: invite.id, actorId: ctx.member.id, now: ctx.deps.now().toISOString() }));
  if (!revoked) return void (await ctx.port.answer({ text: texts.inviteRevokeGone, alert: true }));
  await ctx.port.answer({ text: "✔" });
  await renderList(ctx, 0, texts.inviteRevoked);
});

async function renderList(ctx: MemberContext, requestedPage: number, notice?: string): Promise<void> {
  const scope = await peopleScope(ctx.deps.db, ctx.member.unitId);
  const invites = await liveInvites(
    ctx.deps.db,
    scope.units.map((u) => u.id),
    ctx.deps.now().toISOString(),
  );
  const pages = Math.max(1, Math.ceil(invites.length / PER_PAGE));
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  const shown = invites.slice(page * PER_PAGE, (page + 1) * PER_PAGE);
  const lines = notice ? [notice, ""] : [];
  if (invites.length === 0) lines.push(texts.inviteListEmpty);
  else {
    lines.push(texts.inviteListHeader(invites.length, page + 1, pages), "");
    shown.forEach((invite, i) => {
      lines.push(
        texts.inviteListLine(
          page * PER_PAGE + i + 1,
          escapeHtml(shorten(invite.unitName, 80)),
          roleLabel[invite.role],
          texts.inviteUses(invite.uses, invite.maxUses),
          formatDate(vietnamDate(new Date(invite.expiresAt))),
          invite.createdBy ? escapeHtml(shorten(invite.createdBy, 40)) : null,
        ),
      );
    });
    lines.push("", texts.inviteListFooter);
  }
  const keyboard = new Actions();
  shown.forEach((invite, i) => {
    keyboard.text(texts.inviteRevokeButton(page * PER_PAGE + i + 1), inviteRevoke.build(invite.id));
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row();
  if (page > 0) keyboard.text("◀ Trước", inviteList.build(page - 1));
  if (page < pages - 1) keyboard.text("Sau ▶", inviteList.build(page + 1));
  await ctx.port.show(lines.join("\n"), keyboard);
}
