import { Composer } from "grammy";
import { Actions } from "../ports/actions";
import { reportEvidence } from "../../db/queries/reports";
import { taskHistory as historyOf } from "../../db/queries/task-view";
import { openEvidence, taskCard, taskHistory } from "../callback-data";
import type { MemberContext } from "../context";
import { historyLines } from "../render/history";
import { escapeHtml, shorten } from "../render/html";
import { historyTexts as t, reportTexts } from "../texts";
import { viewableAssignment } from "./task-card";

/** Keeps the history within one Telegram message (4096 characters) with room to spare. */
const HISTORY_MAX_CHARS = 3500;
const FILE_BUTTONS_MAX = 8;

export const taskHistoryFeature = new Composer<MemberContext>();

taskHistoryFeature.callbackQuery(taskHistory.pattern, async (ctx) => {
  const assignment = await viewableAssignment(ctx, Number(ctx.match[1]));
  if (!assignment) return;
  const { lines, files } = historyLines(await historyOf(ctx.deps.db.$client, assignment.taskId, assignment.id), {
    acrossUnits: false,
  });
  const keyboard = new Actions();
  files.slice(-FILE_BUTTONS_MAX).forEach((f, i) => {
    keyboard.text(t.fileButton(i + 1, shorten(f.name, 24)), openEvidence.build(f.reportId, f.index)).row();
  });

  // Newest events matter most when the history is long: drop from the oldest.
  const body: string[] = [];
  let length = 0;
  for (const line of [...lines].reverse()) {
    if (length + line.length > HISTORY_MAX_CHARS) break;
    body.unshift(line);
    length += line.length + 1;
  }
  const header = t.header(escapeHtml(assignment.ref), escapeHtml(assignment.unitName));
  keyboard.text(reportTexts.buttons.openTask, taskCard.build(assignment.id));
  await ctx.port.answer();
  await ctx.port.send([header, "", body.length ? body.join("\n") : t.empty].join("\n"), { html: true, actions: keyboard });
});

taskHistoryFeature.callbackQuery(openEvidence.pattern, async (ctx) => {
  const [report] = await reportEvidence(ctx.deps.db, Number(ctx.match[1]));
  const file = report?.evidence?.[Number(ctx.match[2])];
  if (!report || !file) return void (await ctx.port.answer({ text: t.fileGone }));
  if (!(await viewableAssignment(ctx, report.assignmentId))) return;
  await ctx.port.answer();
  await ctx.port.sendEvidence(file);
});
