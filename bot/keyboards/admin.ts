import { adminTexts as t } from "../texts";
import type { Actions } from "../ports/actions";

/** Numbered buttons, five to a row, matching the numbers in the text. */
export function numberButtons(keyboard: Actions, firstNumber: number, data: string[]): Actions {
  data.forEach((d, i) => {
    keyboard.text(String(firstNumber + i), d);
    if ((i + 1) % 5 === 0) keyboard.row();
  });
  if (data.length % 5 !== 0) keyboard.row();
  return keyboard;
}

/** ◀ Trang 2/5 ▶ under a list; nothing when it fits one page. */
export function pager(keyboard: Actions, page: number, pages: number, build: (page: number) => string): Actions {
  if (pages <= 1) return keyboard;
  if (page > 0) keyboard.text("◀", build(page - 1));
  keyboard.info(t.page(page + 1, pages), build(page));
  if (page < pages - 1) keyboard.text("▶", build(page + 1));
  return keyboard.row();
}
