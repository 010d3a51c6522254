import { Composer } from "grammy";
import type { Role } from "../../core/access/roles";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { createInvite } from "../../db/queries/invites";
import { canManagePeople } from "../../core/access/policy";
import { peopleScope } from "../../db/queries/people";
import { inviteRole, inviteUnit, inviteUnitPage, inviteUses } from "../callback-data";
import type { MemberContext } from "../context";
import { adminsOnly } from "../filters/admins-only";
import { rolePickerKeyboard, UNITS_PER_PAGE, unitPickerKeyboard, usesPickerKeyboard } from "../keyboards/invite";
import { escapeHtml } from "../render/html";
import { roleLabel, texts } from "../texts";

const INVITE_LIFETIME_DAYS = 7;

export const invite = new Composer<MemberContext>();

invite.command("moi", adminsOnly, async (ctx) => {
  const { units } = await peopleScope(ctx.deps.db, ctx.member!.unitId);
  if (units.length === 0) return void (await ctx.port.send(texts.inviteNoUnits));
  await ctx.port.send(texts.inviteChooseUnit(1, Math.ceil(units.length / UNITS_PER_PAGE)), {
    html: true,
    actions: unitPickerKeyboard(units, 0),
  });
});

invite.callbackQuery(inviteUnitPage.pattern, adminsOnly, async (ctx) => {
  const { units } = await peopleScope(ctx.deps.db, ctx.member!.unitId);
  const pages = Math.max(1, Math.ceil(units.length / UNITS_PER_PAGE));
  const page = Math.min(Number(ctx.match[1]), pages - 1);
  await ctx.port.answer();
  await ctx.port.show(texts.inviteChooseUnit(page + 1, pages), unitPickerKeyboard(units, page));
});

invite.callbackQuery(inviteUnit.pattern, adminsOnly, async (ctx) => {
  const unit = await unitInScope(ctx, Number(ctx.match[1]));
  if (!unit) return void (await ctx.port.answer({ text: texts.staleButton }));
  await ctx.port.answer();
  await ctx.port.show(texts.inviteChooseRole(escapeHtml(unit.name)), rolePickerKeyboard(unit.id));
});

invite.callbackQuery(inviteRole.pattern, adminsOnly, async (ctx) => {
  const role = ctx.match[2] as Role;
  const unit = await unitInScope(ctx, Number(ctx.match[1]), role);
  if (!unit) return void (await ctx.port.answer({ text: texts.staleButton }));
  await ctx.port.answer();
  await ctx.port.show(texts.inviteChooseUses(escapeHtml(unit.name), roleLabel[role]), usesPickerKeyboard(unit.id, role));
});

invite.callbackQuery(inviteUses.pattern, adminsOnly, async (ctx) => {
  const { member, deps } = ctx;
  const role = ctx.match[2] as Role;
  const unit = await unitInScope(ctx, Number(ctx.match[1]), role);
  if (!unit) return void (await ctx.port.answer({ text: texts.staleButton }));
  const multi = ctx.match[3] === "n";
  const expiresAt = new Date(deps.now().getTime() + INVITE_LIFETIME_DAYS * 86_400_000);
  const code = newInviteCode();
  await createInvite(deps.db, {
    code,
    unitId: unit.id,
    role,
    createdBy: member.id,
    expiresAt: expiresAt.toISOString(),
    maxUses: multi ? null : 1,
  });
  const link = `https://t.me/${deps.botUsername}?start=${code}`;
  await ctx.port.answer();
  await ctx.port.show(
    texts.inviteCreated(escapeHtml(unit.name), roleLabel[role], link, code, formatDate(vietnamDate(expiresAt)), multi),
  );
});

/** The unit, if this admin may invite someone into it with this role (core/access canManagePeople). */
async function unitInScope(ctx: MemberContext, unitId: number, role: Role = "member") {
  const scope = await peopleScope(ctx.deps.db, ctx.member.unitId);
  if (!canManagePeople(ctx.member, scope, { kind: "invite", unitId, role })) return null;
  return scope.units.find((u) => u.id === unitId) ?? null;
}

/** 16 URL-safe characters (96 random bits): unguessable, and fits Telegram's deep-link payload. */
function newInviteCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}
