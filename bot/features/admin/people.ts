import { Composer } from "grammy";
import { Actions } from "../../ports/actions";
import { canChangeMember, canManagePeople } from "../../../core/access/policy";
import { roles, type Role } from "../../../core/access/roles";
import { formatDate, vietnamDate } from "../../../core/time/vietnam-date";
import {
  changeRole,
  memberCard,
  moveMember,
  peopleScope,
  removeMember,
  type MemberCard,
  type PeopleScope,
} from "../../../db/queries/people";
import { searchUnits, unitMembers } from "../../../db/queries/unit-view";
import {
  inviteUnit,
  peopleOfUnit,
  peopleUnits,
  personCard,
  personMoveMenu,
  personMoveTo,
  personRemove,
  personRemoveConfirm,
  personRoleMenu,
  personRoleSet,
} from "../../callback-data";
import { syncCommandMenu } from "../../command-menu";
import { notify } from "../../notify";
import { channelsOf } from "../../../db/queries/members";
import type { MemberContext } from "../../context";
import { adminsOnly } from "../../filters/admins-only";
import { numberButtons, pager } from "../../keyboards/admin";
import { ECHO_MAX, escapeHtml, shorten } from "../../render/html";
import { adminTexts, roleLabel } from "../../texts";
import { deny, paginate, show } from "./scope";
import { memberFlags } from "./unit-view";

const t = adminTexts.people;
const UNITS_PER_PAGE = 8;
const MEMBERS_PER_PAGE = 20;

/**
 * /canbo [tên đơn vị]: the members of a unit the admin looks after; change a
 * role, move to another unit, remove (their reports stay in the history).
 * Every change is audited; the person is told. Inviting is /moi.
 */
export const peopleFeature = new Composer<MemberContext>();

peopleFeature.command("canbo", adminsOnly, async (ctx) => {
  const query = ctx.match.trim();
  if (query) {
    const [unit] = await searchUnits(ctx.deps.db.$client, ctx.member.unitId, query, 1);
    if (!unit) return void (await ctx.port.send(adminTexts.units.notFound(escapeHtml(shorten(query, ECHO_MAX))), { html: true }));
    return renderMembers(ctx, unit.id);
  }
  await renderUnitPicker(ctx, 0);
});

peopleFeature.callbackQuery(peopleUnits.pattern, adminsOnly, (ctx) => renderUnitPicker(ctx, Number(ctx.match[1])));
peopleFeature.callbackQuery(peopleOfUnit.pattern, adminsOnly, (ctx) => renderMembers(ctx, Number(ctx.match[1])));
peopleFeature.callbackQuery(personCard.pattern, adminsOnly, async (ctx) => {
  const target = await changeable(ctx, Number(ctx.match[1]), { allowSelf: true });
  if (target) await show(ctx, cardText(ctx, target.person), cardKeyboard(ctx, target.person, target.managed));
});

peopleFeature.callbackQuery(personRoleMenu.pattern, adminsOnly, async (ctx) => {
  const target = await changeable(ctx, Number(ctx.match[1]));
  if (!target) return;
  const keyboard = new Actions();
  roles.forEach((role, i) => {
    const label = roleLabel[role].charAt(0).toUpperCase() + roleLabel[role].slice(1);
    keyboard.text(`${role === target.person.role ? "✔ " : ""}${label}`, personRoleSet.build(target.person.id, role));
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.text(t.cancel, personCard.build(target.person.id));
  await show(ctx, t.chooseRole(escapeHtml(target.person.fullName)), keyboard);
});

peopleFeature.callbackQuery(personRoleSet.pattern, adminsOnly, async (ctx) => {
  const target = await changeable(ctx, Number(ctx.match[1]));
  if (!target) return;
  const role = ctx.match[2] as Role;
  if (!canManagePeople(ctx.member, target.managed, { kind: "role", target: target.person, role })) return deny(ctx, t.notYours);
  const changed =
    role !== target.person.role &&
    (await changeRole(ctx.deps.db, { memberId: target.person.id, role, from: target.person.role, actorId: ctx.member.id }));
  if (!changed) return void (await ctx.port.answer({ text: t.unchanged }));
  await ctx.port.answer({ text: "✔" });
  const person = { ...target.person, role };
  await ctx.port.show(cardText(ctx, person) + t.roleChanged(roleLabel[role]), cardKeyboard(ctx, person, target.managed));
  await tell(ctx, target.person.id, `role:${role}`, t.tellRole(roleLabel[role]));
  await syncTelegramMenu(ctx, target.person.id, role);
});

peopleFeature.callbackQuery(personMoveMenu.pattern, adminsOnly, async (ctx) => {
  const target = await changeable(ctx, Number(ctx.match[1]));
  if (!target) return;
  const units = target.scope.filter((u) => u.id !== target.person.unitId);
  const { page, pages, offset } = paginate(units.length, UNITS_PER_PAGE, Number(ctx.match[2]));
  const keyboard = new Actions();
  for (const u of units.slice(offset, offset + UNITS_PER_PAGE))
    keyboard.text(u.name, personMoveTo.build(target.person.id, u.id)).row();
  pager(keyboard, page, pages, (p) => personMoveMenu.build(target.person.id, p)).text(
    t.cancel,
    personCard.build(target.person.id),
  );
  await show(ctx, t.chooseUnitFor(escapeHtml(target.person.fullName), page + 1, pages), keyboard);
});

peopleFeature.callbackQuery(personMoveTo.pattern, adminsOnly, async (ctx) => {
  const target = await changeable(ctx, Number(ctx.match[1]));
  if (!target) return;
  const destination = target.scope.find((u) => u.id === Number(ctx.match[2]));
  if (
    !destination ||
    !canManagePeople(ctx.member, target.managed, { kind: "move", target: target.person, toUnitId: destination.id })
  ) {
    return deny(ctx, adminTexts.units.notInScope);
  }
  const moved = await moveMember(ctx.deps.db, {
    memberId: target.person.id,
    fromUnitId: target.person.unitId,
    toUnitId: destination.id,
    actorId: ctx.member.id,
  });
  if (!moved) return void (await ctx.port.answer({ text: t.unchanged }));
  await ctx.port.answer({ text: "✔" });
  const person = { ...target.person, unitId: destination.id, unitName: destination.name };
  await ctx.port.show(cardText(ctx, person) + t.moved(escapeHtml(destination.name)), cardKeyboard(ctx, person, target.managed));
  await tell(ctx, target.person.id, `unit:${destination.id}`, t.tellMoved(escapeHtml(destination.name)));
});

peopleFeature.callbackQuery(personRemove.pattern, adminsOnly, async (ctx) => {
  const target = await changeable(ctx, Number(ctx.match[1]));
  if (!target) return;
  const keyboard = new Actions()
    .text(t.confirmRemoveButton, personRemoveConfirm.build(target.person.id))
    .text(t.cancel, personCard.build(target.person.id));
  await show(ctx, t.confirmRemove(escapeHtml(target.person.fullName), escapeHtml(target.person.unitName)), keyboard);
});

peopleFeature.callbackQuery(personRemoveConfirm.pattern, adminsOnly, async (ctx) => {
  const target = await changeable(ctx, Number(ctx.match[1]));
  if (!target) return;
  const removed = await removeMember(ctx.deps.db, {
    memberId: target.person.id,
    actorId: ctx.member.id,
    now: ctx.deps.now().toISOString(),
  });
  if (!removed) return void (await ctx.port.answer({ text: t.unchanged }));
  await ctx.port.answer({ text: "✔" });
  await ctx.port.show(
    t.removed(escapeHtml(target.person.fullName)),
    new Actions().text(t.buttons.back, peopleOfUnit.build(target.person.unitId)),
  );
  await tell(ctx, target.person.id, "removed", t.tellRemoved);
  await syncTelegramMenu(ctx, target.person.id, null);
});

async function renderUnitPicker(ctx: MemberContext, requestedPage: number): Promise<void> {
  const { units } = await peopleScope(ctx.deps.db, ctx.member.unitId);
  if (units.length === 0) return void (await ctx.port.send(t.noUnits));
  const { page, pages, offset } = paginate(units.length, UNITS_PER_PAGE, requestedPage);
  const keyboard = new Actions();
  for (const u of units.slice(offset, offset + UNITS_PER_PAGE)) keyboard.text(u.name, peopleOfUnit.build(u.id)).row();
  pager(keyboard, page, pages, peopleUnits.build);
  await show(ctx, t.chooseUnit(page + 1, pages), keyboard);
}

async function renderMembers(ctx: MemberContext, unitId: number): Promise<void> {
  const unit = (await peopleScope(ctx.deps.db, ctx.member.unitId)).units.find((u) => u.id === unitId);
  if (!unit) return deny(ctx, adminTexts.units.notInScope);
  const people = await unitMembers(ctx.deps.db.$client, unitId);
  const today = vietnamDate(ctx.deps.now());
  const shown = people.slice(0, MEMBERS_PER_PAGE);
  const lines = [t.header(escapeHtml(unit.name), people.length), ""];
  if (people.length === 0) lines.push(t.none);
  shown.forEach((m, i) => {
    lines.push(t.line(i + 1, escapeHtml(m.fullName), roleLabel[m.role], memberFlags(m, today).join(" · ")));
  });
  if (people.length > shown.length) lines.push(adminTexts.more(people.length - shown.length));
  if (people.length > 0) lines.push("", t.footer);
  const keyboard = numberButtons(
    new Actions(),
    1,
    shown.map((m) => personCard.build(m.id)),
  )
    .text(t.invite, inviteUnit.build(unit.id))
    .row()
    .text(t.chooseAnotherUnit, peopleUnits.build(0));
  await show(ctx, lines.join("\n"), keyboard);
}

/**
 * The person behind a button, if this admin may change them (core/access
 * canManagePeople: in a unit they manage, not themselves, not an admin of
 * another unit); answers the button otherwise. `allowSelf` opens a card
 * read-only: their own, or another unit's admin's.
 */
async function changeable(ctx: MemberContext, memberId: number, options: { allowSelf?: boolean } = {}) {
  const person = await memberCard(ctx.deps.db, memberId);
  if (!person || person.removedAt) {
    await deny(ctx, t.gone);
    return null;
  }
  const managed = await peopleScope(ctx.deps.db, ctx.member.unitId);
  const allowed = options.allowSelf
    ? canManagePeople(ctx.member, managed, { kind: "view", target: person })
    : canChangeMember(ctx.member, person, managed);
  if (!allowed) {
    await deny(ctx, t.notYours);
    return null;
  }
  return { person, scope: managed.units, managed };
}

function cardText(ctx: MemberContext, p: MemberCard): string {
  const today = vietnamDate(ctx.deps.now());
  let text = t.card(
    escapeHtml(p.fullName),
    escapeHtml(p.unitName),
    roleLabel[p.role],
    formatDate(vietnamDate(new Date(p.joinedAt))),
  );
  if (p.unreachableSince) text += t.cardFlag(adminTexts.unit.unreachable(formatDate(vietnamDate(new Date(p.unreachableSince)))));
  if (p.pausedUntil && p.pausedUntil >= today) text += t.cardFlag(adminTexts.unit.paused(formatDate(p.pausedUntil)));
  if (p.id === ctx.member.id) text += t.yourself;
  return text;
}

function cardKeyboard(ctx: MemberContext, p: MemberCard, managed: PeopleScope): Actions {
  const keyboard = new Actions();
  if (canChangeMember(ctx.member, p, managed)) {
    keyboard.text(t.buttons.role, personRoleMenu.build(p.id)).text(t.buttons.move, personMoveMenu.build(p.id, 0)).row();
    keyboard.text(t.buttons.remove, personRemove.build(p.id)).row();
  }
  return keyboard.text(t.buttons.back, peopleOfUnit.build(p.unitId));
}

/** The person learns of the change through the outbox (a blocked chat must not undo it; a failed send is retried). */
async function tell(ctx: MemberContext, memberId: number, change: string, text: string): Promise<void> {
  await notify(ctx, [{ memberId, subject: `member:${memberId}:${change}:${ctx.deps.now().toISOString()}`, text }]);
}

/** Telegram's "/" menu of the person's chat follows their role (Zalo has no such menu). */
async function syncTelegramMenu(ctx: MemberContext, memberId: number, role: Role | null): Promise<void> {
  const telegram = (await channelsOf(ctx.deps.db, memberId)).find((c) => c.channel === "telegram");
  if (telegram) await syncCommandMenu(ctx.api, telegram.chatId, role);
}
