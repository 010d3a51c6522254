import { Composer } from "grammy";
import { Actions } from "../../ports/actions";
import { targetSubject } from "../../../core/alerts/kinds";
import { receivesAlerts } from "../../../core/alerts/recipients";
import { vietnamDate } from "../../../core/time/vietnam-date";
import { insertReminders } from "../../../db/queries/outbox";
import { alertRecipientsOf } from "../../../db/queries/people";
import { setTargetUnit, type TargetRow } from "../../../db/queries/targets";
import { searchUnits } from "../../../db/queries/unit-view";
import { unitsInAdminScope } from "../../../db/queries/units";
import { adminTarget, adminTargetUnitMenu, adminTargetUnitSet } from "../../callback-data";
import { activeFlow, endFlow, startFlow } from "../../conversation";
import type { MemberContext } from "../../context";
import { pager } from "../../keyboards/admin";
import { targetAlertButtons } from "../../keyboards/alerts";
import { escapeHtml, shorten } from "../../render/html";
import { planLabel } from "../../render/plan";
import { goalText } from "../../render/targets";
import { adminTexts } from "../../texts";
import { deny, paginate, show } from "./scope";
import { targetFor, targetScreen, UNIT_SEARCH_FLOW } from "./targets";

const t = adminTexts.targets;
const UNITS_PER_PAGE = 8;

/**
 * The responsible unit of a target: an admin of the plan picks one of the
 * units they look after (or none). Its leaders and members are told through
 * the outbox and from then on see the target in /chitieu and record its values.
 */
export const targetUnitFeature = new Composer<MemberContext>();

targetUnitFeature.callbackQuery(adminTargetUnitMenu.pattern, async (ctx) => {
  const found = await targetFor(ctx, Number(ctx.match[1]), "manage");
  if (!found) return;
  const { target } = found;
  const units = await unitsInAdminScope(ctx.deps.db, ctx.member.unitId);
  const { page, pages, offset } = paginate(units.length, UNITS_PER_PAGE, Number(ctx.match[2]));
  const keyboard = unitChoices(target, units.slice(offset, offset + UNITS_PER_PAGE));
  pager(keyboard, page, pages, (p) => adminTargetUnitMenu.build(target.id, p));
  if (target.responsibleUnitId !== null) keyboard.text(t.noUnit, adminTargetUnitSet.build(target.id, null)).row();
  keyboard.text(t.backToTarget, adminTarget.build(target.id));
  // A province has hundreds of units: typing part of a name finds one faster than paging.
  await startFlow(ctx, UNIT_SEARCH_FLOW, "search", { targetId: target.id });
  await show(ctx, t.chooseUnit(found.index + 1, page + 1, pages), keyboard);
});

targetUnitFeature.on("message:text", async (ctx, next) => {
  const flow = activeFlow(ctx, UNIT_SEARCH_FLOW);
  if (!flow || ctx.message.text.startsWith("/")) return next();
  const found = await targetFor(ctx, Number((flow.data as { targetId: number }).targetId), "manage");
  if (!found) return void (await endFlow(ctx));
  const query = ctx.message.text.trim().slice(0, 100);
  const hits = await searchUnits(ctx.deps.db.$client, ctx.member.unitId, query, UNITS_PER_PAGE);
  const keyboard = unitChoices(found.target, hits);
  keyboard.text(t.backToTarget, adminTarget.build(found.target.id));
  const text = hits.length === 0 ? t.unitNotFound(escapeHtml(query)) : t.unitsFound(escapeHtml(query));
  await ctx.port.send(text, { html: true, actions: keyboard });
});

targetUnitFeature.callbackQuery(adminTargetUnitSet.pattern, async (ctx) => {
  const found = await targetFor(ctx, Number(ctx.match[1]), "manage");
  if (!found) return;
  const requested = Number(ctx.match[2]);
  const unit = requested === 0 ? null : (await unitsInAdminScope(ctx.deps.db, ctx.member.unitId)).find((u) => u.id === requested);
  if (unit === undefined) return deny(ctx, adminTexts.units.notInScope);

  if (activeFlow(ctx, UNIT_SEARCH_FLOW)) await endFlow(ctx);
  const { target } = found;
  const unitId = unit?.id ?? null;
  const changed = await setTargetUnit(ctx.deps.db, {
    targetId: target.id,
    from: target.responsibleUnitId,
    unitId,
    memberId: ctx.member.id,
  });
  // Also when unchanged: a retry after a failed notice writes the notices that are missing, and only those.
  const told = unit ? await tellUnit(ctx, target, unit) : { people: 0, written: 0 };
  if (!changed && told.written === 0) return void (await ctx.port.answer({ text: t.unitUnchanged }));

  await ctx.port.answer({ text: "✔" });
  const updated = { ...found, target: { ...target, responsibleUnitId: unitId, responsibleUnitName: unit?.name ?? null } };
  const view = targetScreen(ctx, updated, `\n\n${unit ? t.unitSet(escapeHtml(unit.name), told.people) : t.unitCleared}`);
  await ctx.port.show(view.text, view.keyboard);
});

/** One button per unit, the one responsible now ticked. */
function unitChoices(target: TargetRow, units: { id: number; name: string }[]): Actions {
  const keyboard = new Actions();
  for (const u of units)
    keyboard.text(`${u.id === target.responsibleUnitId ? "✓ " : ""}${u.name}`, adminTargetUnitSet.build(target.id, u.id)).row();
  return keyboard;
}

/**
 * Tells the unit's people (those who get alerts) through the outbox, once
 * per person, target and unit: how many there are, and how many notices
 * this call wrote (none when they were told before).
 */
async function tellUnit(
  ctx: MemberContext,
  target: TargetRow,
  unit: { id: number; name: string },
): Promise<{ people: number; written: number }> {
  const { db } = ctx.deps;
  const today = vietnamDate(ctx.deps.now());
  const people = (await alertRecipientsOf(db, unit.id)).filter((p) => receivesAlerts(p, today));
  const text = t.assignedNotice(
    escapeHtml(ctx.member.unitName),
    escapeHtml(unit.name),
    escapeHtml(shorten(target.text, 500)),
    goalText(target),
    planLabel(target.plan),
  );
  const payload = { text, buttons: targetAlertButtons(target.id) };
  const ids = await insertReminders(
    db.$client,
    people.map((p) => ({
      memberId: p.id,
      assignmentId: null,
      kind: "target_assigned" as const,
      subject: targetSubject(target.id),
      periodKey: `unit:${unit.id}`,
      payload,
    })),
  );
  await ctx.deps.enqueueReminders?.(ids);
  return { people: people.length, written: ids.length };
}
