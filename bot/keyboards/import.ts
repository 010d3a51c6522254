import type { ScopeUnit } from "../../core/plan-import/review";
import { Actions } from "../ports/actions";
import { importButton, type ImportAction } from "../callback-data";
import { shorten } from "../render/html";
import { importTexts as t } from "../texts";

/** Eight one-line buttons and a pager fit a phone screen without scrolling. */
export const IMPORT_PAGE_SIZE = 8;

const b = (token: string, action: ImportAction) => importButton.build(token, action);

export function pageCount(items: number): number {
  return Math.max(1, Math.ceil(items / IMPORT_PAGE_SIZE));
}

export function summaryKeyboard(token: string, newUnits: number, tasks: number): Actions {
  const keyboard = new Actions();
  if (tasks > 0) keyboard.text(t.buttons.tasks, b(token, { kind: "task", task: 0 }));
  keyboard.text(t.buttons.addTasks, b(token, { kind: "add" })).row();
  if (newUnits > 0) keyboard.text(t.buttons.newUnits(newUnits), b(token, { kind: "newUnits", page: 0 })).row();
  return keyboard
    .text(t.buttons.issuer, b(token, { kind: "issuers", page: 0 }))
    .text(t.buttons.monitor, b(token, { kind: "monitors", page: 0 }))
    .row()
    .text(t.buttons.confirm, b(token, { kind: "confirm" }))
    .text(t.buttons.cancel, b(token, { kind: "cancel" }));
}

export function taskKeyboard(token: string, index: number, total: number, dropped: boolean): Actions {
  const keyboard = new Actions();
  if (index > 0) keyboard.text(t.buttons.previous, b(token, { kind: "task", task: index - 1 }));
  keyboard.info(`${index + 1}/${total}`, b(token, { kind: "task", task: index }));
  if (index < total - 1) keyboard.text(t.buttons.next, b(token, { kind: "task", task: index + 1 }));
  keyboard.row();
  if (!dropped) {
    keyboard
      .text(t.buttons.changeUnit, b(token, { kind: "names", task: index }))
      .text(t.buttons.changeDeadline, b(token, { kind: "deadline", task: index }))
      .row()
      .text(t.buttons.rename, b(token, { kind: "rename", task: index }))
      .text(t.buttons.split, b(token, { kind: "split", task: index }))
      .row();
  }
  return keyboard
    .text(dropped ? t.buttons.restore : t.buttons.drop, b(token, { kind: "drop", task: index }))
    .text(t.buttons.summary, b(token, { kind: "summary" }));
}

export function cancelImportKeyboard(token: string): Actions {
  return new Actions().text(t.buttons.cancel, b(token, { kind: "cancel" }));
}

/**
 * Waiting for a file: the tasks can be typed instead (the only way on Zalo,
 * which takes no files), or taken from a plan above that gave the unit tasks.
 */
export function awaitFileKeyboard(token: string, handDown = false): Actions {
  const keyboard = new Actions().text(t.buttons.typeTasks, b(token, { kind: "add" })).row();
  if (handDown) keyboard.text(t.buttons.handDown, b(token, { kind: "offers" })).row();
  return keyboard.text(t.buttons.cancel, b(token, { kind: "cancel" }));
}

/**
 * The plans above to start from, one a row, named (a flow is running, so on
 * Zalo the keys are letters: a number would not match the list's lines).
 */
export function handDownKeyboard(token: string, offers: { parentPlanId: number; unitId: number; label: string }[]): Actions {
  const keyboard = new Actions();
  for (const { label, ...offer } of offers) {
    keyboard.text(shorten(label, 48), b(token, { kind: "handDown", ...offer })).row();
  }
  return keyboard.text(t.buttons.cancel, b(token, { kind: "cancel" }));
}

export function backKeyboard(token: string, back: ImportAction): Actions {
  return new Actions().text(t.buttons.back, b(token, back));
}

/** The unit names of one task, to choose which to change. */
export function namesKeyboard(token: string, task: number, names: { index: number; label: string }[]): Actions {
  const keyboard = new Actions();
  for (const name of names) keyboard.text(shorten(name.label, 48), b(token, { kind: "picker", name: name.index, page: 0 })).row();
  return keyboard.text(t.buttons.back, b(token, { kind: "task", task }));
}

export function newUnitsKeyboard(token: string, names: { index: number; name: string }[], page: number): Actions {
  const keyboard = new Actions();
  for (const name of names.slice(page * IMPORT_PAGE_SIZE, (page + 1) * IMPORT_PAGE_SIZE)) {
    keyboard.text(shorten(name.name, 48), b(token, { kind: "picker", name: name.index, page: 0 })).row();
  }
  pager(keyboard, page, pageCount(names.length), (p) => b(token, { kind: "newUnits", page: p }));
  return keyboard.text(t.buttons.summary, b(token, { kind: "summary" }));
}

/** Units of the committee for one name of the document, plus "create new" and "do not assign". */
export function unitPickerKeyboard(
  token: string,
  name: number,
  units: ScopeUnit[],
  page: number,
  current: number | null,
  back: ImportAction,
): Actions {
  const keyboard = new Actions();
  for (const unit of units.slice(page * IMPORT_PAGE_SIZE, (page + 1) * IMPORT_PAGE_SIZE)) {
    const label = `${unit.id === current ? "• " : ""}${unit.isGroup ? "👥 " : ""}${unit.name}`;
    keyboard.text(shorten(label, 48), b(token, { kind: "choose", name, choice: unit.id })).row();
  }
  pager(keyboard, page, pageCount(units.length), (p) => b(token, { kind: "picker", name, page: p }));
  return keyboard
    .text(t.buttons.keepNew, b(token, { kind: "choose", name, choice: "new" }))
    .text(t.buttons.skip, b(token, { kind: "choose", name, choice: "skip" }))
    .row()
    .text(t.buttons.back, b(token, back));
}

export function scopePickerKeyboard(
  token: string,
  role: "issuer" | "monitor",
  units: ScopeUnit[],
  page: number,
  current: number,
): Actions {
  const keyboard = new Actions();
  for (const unit of units.slice(page * IMPORT_PAGE_SIZE, (page + 1) * IMPORT_PAGE_SIZE)) {
    keyboard.text(shorten(`${unit.id === current ? "• " : ""}${unit.name}`, 48), b(token, { kind: role, unitId: unit.id })).row();
  }
  pager(keyboard, page, pageCount(units.length), (p) => b(token, { kind: role === "issuer" ? "issuers" : "monitors", page: p }));
  return keyboard.text(t.buttons.summary, b(token, { kind: "summary" }));
}

function pager(keyboard: Actions, page: number, pages: number, to: (page: number) => string): void {
  if (pages <= 1) return;
  if (page > 0) keyboard.text(t.buttons.previousPage, to(page - 1));
  if (page < pages - 1) keyboard.text(t.buttons.nextPage, to(page + 1));
  keyboard.row();
}
