import { Composer } from "grammy";
import { Actions } from "../ports/actions";
import { sortByUrgency } from "../../core/status/of-assignment";
import { vietnamDate } from "../../core/time/vietnam-date";
import { taskCard, taskListPage } from "../callback-data";
import type { MemberContext } from "../context";
import { tasksOfMyUnit } from "../reads";
import { deadlineLine } from "../render/deadline";
import { escapeHtml, shorten } from "../render/html";
import { statusLabel, texts } from "../texts";

/** Ten tasks keep a page within one phone screen and far under Telegram's 4096 characters. */
const PAGE_SIZE = 10;

export const myTasks = new Composer<MemberContext>();

myTasks.command("viec", async (ctx) => {
  const view = await renderTaskList(ctx, 0);
  await ctx.port.send(view.text, { html: true, actions: view.keyboard });
});

myTasks.callbackQuery(taskListPage.pattern, async (ctx) => {
  const view = await renderTaskList(ctx, Number(ctx.match[1]));
  await ctx.port.answer();
  await ctx.port.show(view.text, view.keyboard);
});

async function renderTaskList(ctx: MemberContext, requestedPage: number) {
  const { member, deps } = ctx;
  const today = vietnamDate(deps.now());
  const items = sortByUrgency(await tasksOfMyUnit(ctx), today);
  const unit = escapeHtml(member.unitName);
  if (items.length === 0) return { text: texts.tasksEmpty(unit), keyboard: undefined };

  const pages = Math.ceil(items.length / PAGE_SIZE);
  const page = Math.min(requestedPage, pages - 1);
  const shown = items.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const lines = shown.map((a, i) => {
    const n = page * PAGE_SIZE + i + 1;
    // The task's number tells apart tasks whose titles open with the same words.
    const ref = a.ref ? `${escapeHtml(a.ref)} ` : "";
    return `${n}. ${statusLabel[a.status]} · ${ref}${escapeHtml(shorten(a.title, 110))}\n    ${deadlineLine(a, a.status, today)}`;
  });

  const keyboard = new Actions();
  shown.forEach((a, i) => {
    keyboard.text(String(page * PAGE_SIZE + i + 1), taskCard.build(a.id));
    if ((i + 1) % 5 === 0) keyboard.row();
  });
  if (pages > 1) {
    keyboard.row();
    if (page > 0) keyboard.text("◀", taskListPage.build(page - 1));
    keyboard.info(texts.tasksPage(page + 1, pages), taskListPage.build(page));
    if (page < pages - 1) keyboard.text("▶", taskListPage.build(page + 1));
  }
  const text = [texts.tasksHeader(unit, items.length), "", lines.join("\n\n"), "", texts.tasksFooter].join("\n");
  return { text, keyboard };
}
