import { Composer } from "grammy";
import { Actions } from "../../ports/actions";
import { statusOf } from "../../../core/status/of-assignment";
import { foldText } from "../../../core/text/fold";
import { formatDate, vietnamDate } from "../../../core/time/vietnam-date";
import { planTasks, taskHistory, taskWithUnits, type TaskHit } from "../../../db/queries/task-view";
import { adminOverview, adminTask, adminTaskHistory, openEvidence, taskCard } from "../../callback-data";
import type { MemberContext } from "../../context";
import { numberButtons, pager } from "../../keyboards/admin";
import { deadlineLine } from "../../render/deadline";
import { historyLines } from "../../render/history";
import { ECHO_MAX, escapeHtml, shorten } from "../../render/html";
import { adminTexts, historyTexts, statusLabel } from "../../texts";
import { deny, planFor, planLabel, show } from "./scope";

const t = adminTexts.task;
const HITS_MAX = 10;
const UNITS_SHOWN = 20;
/** One page of history stays well inside Telegram's 4096 characters. */
const HISTORY_PAGE_CHARS = 3000;
const FILE_BUTTONS_MAX = 6;

/**
 * /nhiemvu <số hiệu hoặc từ khóa>: a task across every unit it is assigned
 * to, and its full history (reports, evidence, reviews, extensions, the
 * audit log) with who did what and when. The history reuses the words of
 * one assignment's history (bot/texts/history.ts), naming the unit.
 */
export const taskViewFeature = new Composer<MemberContext>();

taskViewFeature.command("nhiemvu", async (ctx) => {
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  const query = ctx.match.trim();
  if (!query) return void (await ctx.port.send(t.usage));
  const hits = findTasks(await planTasks(ctx.deps.db.$client, plan.id), query);
  if (hits.length === 0) return void (await ctx.port.send(t.notFound(escapeHtml(shorten(query, ECHO_MAX))), { html: true }));
  if (hits.length === 1) return renderTask(ctx, hits[0]!.id);
  const shown = hits.slice(0, HITS_MAX);
  const lines = [
    t.choose(escapeHtml(shorten(query, ECHO_MAX)), hits.length),
    "",
    ...shown.map((h, i) => t.hit(i + 1, escapeHtml(h.ref), escapeHtml(shorten(h.title, 90)))),
  ];
  if (hits.length > shown.length) lines.push(adminTexts.more(hits.length - shown.length));
  await show(
    ctx,
    lines.join("\n"),
    numberButtons(
      new Actions(),
      1,
      shown.map((h) => adminTask.build(h.id)),
    ),
  );
});

taskViewFeature.callbackQuery(adminTask.pattern, (ctx) => renderTask(ctx, Number(ctx.match[1])));

taskViewFeature.callbackQuery(adminTaskHistory.pattern, async (ctx) => {
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  const taskId = Number(ctx.match[1]);
  const found = await taskWithUnits(ctx.deps.db.$client, taskId);
  if (!found || found.task.planId !== plan.id) return deny(ctx, adminTexts.otherPlan);
  const { lines, files } = historyLines(await taskHistory(ctx.deps.db.$client, taskId), { acrossUnits: true });
  const pages = pagesOf(lines, HISTORY_PAGE_CHARS);
  // Without a page asked for, the newest: that is what the office looks for.
  const requested = Number(ctx.match[2]);
  const page = requested >= pages.length ? pages.length - 1 : requested;
  const body = pages[page] ?? [];
  const keyboard = new Actions();
  files.slice(-FILE_BUTTONS_MAX).forEach((f, i) => {
    keyboard.text(historyTexts.fileButton(i + 1, shorten(f.name, 24)), openEvidence.build(f.reportId, f.index)).row();
  });
  pager(keyboard, page, pages.length, (p) => adminTaskHistory.build(taskId, p)).text(t.backToTask, adminTask.build(taskId));
  const header = t.historyHeader(escapeHtml(found.task.ref), page + 1, pages.length);
  await show(ctx, [header, "", body.length ? body.join("\n") : t.historyEmpty].join("\n"), keyboard);
});

async function renderTask(ctx: MemberContext, taskId: number): Promise<void> {
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  const found = await taskWithUnits(ctx.deps.db.$client, taskId);
  if (!found || found.task.planId !== plan.id) return deny(ctx, adminTexts.otherPlan);
  const { task, assignments } = found;
  const today = vietnamDate(ctx.deps.now());
  const lines = [t.header(escapeHtml(task.ref), planLabel(plan)), escapeHtml(shorten(task.title, 400))];
  const first = assignments[0];
  if (first)
    lines.push(
      deadlineLine(
        { ...task, ...first, assignedAt: task.createdAt },
        statusOf({ ...task, ...first, assignedAt: task.createdAt }, today),
        today,
      ),
    );
  lines.push("", t.unitsHeader(assignments.length));
  const shown = assignments.slice(0, UNITS_SHOWN);
  shown.forEach((a, i) => {
    const status = statusOf({ ...task, ...a, assignedAt: task.createdAt }, today);
    const last = a.lastReportAt ? formatDate(vietnamDate(new Date(a.lastReportAt))) : null;
    lines.push(t.unitLine(i + 1, escapeHtml(a.unitName), t.role[a.role], statusLabel[status], a.progress, last));
  });
  if (assignments.length > shown.length) lines.push(adminTexts.more(assignments.length - shown.length));
  if (shown.length > 0) lines.push("", t.footer);
  const keyboard = numberButtons(
    new Actions(),
    1,
    shown.map((a) => taskCard.build(a.id)),
  )
    .text(t.history, adminTaskHistory.build(task.id, 9999))
    .row()
    .text(adminTexts.back, adminOverview.build());
  await show(ctx, lines.join("\n"), keyboard);
}

/** A ref typed exactly ("IV.2.1", "iv.2.1") finds that task; otherwise every word must appear in the folded ref and title. */
export function findTasks(tasks: TaskHit[], query: string): TaskHit[] {
  const q = foldText(query).replace(/^#/, "");
  const exact = tasks.filter((task) => foldText(task.ref) === q);
  if (exact.length > 0) return exact;
  const words = q.split(" ").filter(Boolean);
  return tasks.filter((task) => {
    const haystack = `${foldText(task.ref)} ${foldText(task.title)}`;
    return words.every((w) => haystack.includes(w));
  });
}

/** Splits lines into pages of at most `maxChars` (a longer line gets a page of its own). */
function pagesOf(lines: string[], maxChars: number): string[][] {
  const pages: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (current.length > 0 && length + line.length + 1 > maxChars) {
      pages.push(current);
      current = [];
      length = 0;
    }
    // Lines are HTML: never cut here (it could split "&lt;" or a tag); every part was shortened before escaping.
    current.push(line);
    length += line.length + 1;
  }
  if (current.length > 0) pages.push(current);
  return pages.length > 0 ? pages : [[]];
}
