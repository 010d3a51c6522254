import type { Role } from "../../core/access/roles";
import { Actions } from "../ports/actions";
import type { UnitSummary } from "../../db/queries/units";
import { inviteList, inviteRole, inviteUnit, inviteUnitPage, inviteUses } from "../callback-data";
import { roleLabel, texts } from "../texts";

export const UNITS_PER_PAGE = 8;

export function unitPickerKeyboard(units: UnitSummary[], page: number): Actions {
  const keyboard = new Actions();
  for (const unit of units.slice(page * UNITS_PER_PAGE, (page + 1) * UNITS_PER_PAGE)) {
    keyboard.text(unit.name, inviteUnit.build(unit.id)).row();
  }
  const pages = Math.ceil(units.length / UNITS_PER_PAGE);
  if (page > 0) keyboard.text("◀ Trước", inviteUnitPage.build(page - 1));
  if (page < pages - 1) keyboard.text("Sau ▶", inviteUnitPage.build(page + 1));
  return keyboard.row().text(texts.inviteListButton, inviteList.build(0));
}

const invitableRoles: Role[] = ["member", "leader", "viewer", "admin"];

export function rolePickerKeyboard(unitId: number): Actions {
  const keyboard = new Actions();
  invitableRoles.forEach((role, i) => {
    keyboard.text(capitalize(roleLabel[role]), inviteRole.build(unitId, role));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

export function usesPickerKeyboard(unitId: number, role: Role): Actions {
  return new Actions()
    .text("Một người", inviteUses.build(unitId, role, false))
    .text("Nhiều người", inviteUses.build(unitId, role, true));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
