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
    texts.inviteCreated(
      escapeHtml(unit.name),
      roleLabel[role],
      link,
      code,
      formatDate(vietnamDate(expiresAt)),
      multi,
      deps.zaloBot ? { name: escapeHtml(deps.zaloBot.name), url: deps.zaloBot.url } : null,
    ),
  );
});

/** The unit, if this admin may invite someone into it with this role (core/access canManagePeople). */
async function unitInScope(ctx: MemberContext, unitId: number, role: Role = "member") {
  const scope = await peopleScope(ctx.deps.db, ctx.member.unitId);
  if (!canManagePeople(ctx.member, scope, { kind: "invite", unitId, role })) return null;
  return scope.units.find((u) => u.id === unitId) ?? null;
}

/** Letters and digits nobody misreads on a phone: no 0/O, 1/I/L; typed in any case (db/queries/invites readInviteCode). */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_GROUPS = 3;
const CODE_GROUP_LENGTH = 4;

/**
 * "KX7M-P3QR-T9VW": 12 characters of 31 (about 59 random bits), in groups
 * of four to read out and type; fits Telegram's deep-link payload. Codes
 * made before (16 URL-safe characters) keep working as they are.
 */
function newInviteCode(): string {
  const length = CODE_GROUPS * CODE_GROUP_LENGTH;
  const chars: string[] = [];
  while (chars.length < length) {
    // Rejection sampling: bytes above the largest multiple of 31 would favour the first letters.
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      if (byte < 248 && chars.length < length) chars.push(CODE_ALPHABET[byte % CODE_ALPHABET.length]!);
    }
  }
  const groups = Array.from({ length: CODE_GROUPS }, (_, i) =>
    chars.slice(i * CODE_GROUP_LENGTH, (i + 1) * CODE_GROUP_LENGTH).join(""),
  );
  return groups.join("-");
}
