import { Composer } from "grammy";
import { parsePauseDate } from "../../core/alerts/pause-date";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { assignmentById } from "../../db/queries/assignments";
import { muteAssignment, pauseAlerts, pausedUntil, quietMembers, resumeAlerts } from "../../db/queries/alerts-settings";
import { unitsInAdminScope } from "../../db/queries/units";
import { muteCancel, muteFor, muteMenu } from "../callback-data";
import type { BotContext, MemberContext } from "../context";
import { adminsOnly } from "../filters/admins-only";
import { deadlineAlertButtons, muteChoiceButtons, toInlineKeyboard, type ButtonRows } from "../keyboards/alerts";
import { escapeHtml } from "../render/html";
import { alertTexts as t, texts } from "../texts";

/** Lines of /tamnghi before "and N more": far under Telegram's 4096 characters. */
const QUIET_LIST_MAX = 60;

/** Members mute one task's alerts or pause them all; admins see who gets none. */
export const alertSettings = new Composer<BotContext>();

alertSettings.command("tamdung", async (ctx) => {
  const { member, deps } = ctx as MemberContext;
  const today = vietnamDate(deps.now());
  const example = formatDate(addDays(today, 7));
  const input = ctx.match.trim();
  if (!input) {
    const until = await pausedUntil(deps.db, member.id);
    const state = until !== null && until >= today ? `${t.pauseState(formatDate(until))}\n\n` : "";
    return void (await ctx.reply(state + t.pauseUsage(example)));
  }
  const parsed = parsePauseDate(input, today);
  if (!parsed.ok) {
    const reply =
      parsed.reason === "malformed"
        ? t.pauseBadDate(escapeHtml(input.slice(0, 40)), example)
        : parsed.reason === "past"
          ? t.pausePast(formatDate(parsed.date))
          : t.pauseTooFar(formatDate(parsed.max));
    return void (await ctx.reply(reply, { parse_mode: "HTML" }));
  }
  await pauseAlerts(deps.db, member.id, parsed.date);
  await ctx.reply(t.paused(formatDate(parsed.date)));
});

alertSettings.command("tieptuc", async (ctx) => {
  const { member, deps } = ctx as MemberContext;
  const undone = await resumeAlerts(deps.db, member.id);
  const anything = undone.wasPaused || undone.mutes > 0 || undone.wasUnreachable;
  await ctx.reply(anything ? t.resumed(undone.mutes) : t.notPaused);
});

alertSettings.command("tamnghi", adminsOnly, async (ctx) => {
  const { member, deps } = ctx as MemberContext;
  const today = vietnamDate(deps.now());
  const units = await unitsInAdminScope(deps.db, member.unitId);
  const quiet = await quietMembers(deps.db, [...new Set([member.unitId, ...units.map((u) => u.id)])], today);
  if (quiet.length === 0) return void (await ctx.reply(t.quietNone));
  const lines = quiet.slice(0, QUIET_LIST_MAX).map((q) =>
    q.unreachableSince !== null
      ? t.quietUnreachable(escapeHtml(q.fullName), escapeHtml(q.unitName), formatDate(vietnamDate(new Date(q.unreachableSince))))
      : t.quietPaused(escapeHtml(q.fullName), escapeHtml(q.unitName), formatDate(q.pausedUntil!)),
  );
  if (quiet.length > QUIET_LIST_MAX) lines.push(t.quietMore(quiet.length - QUIET_LIST_MAX));
  await ctx.reply([t.quietHeader(quiet.length), ...lines].join("\n"), { parse_mode: "HTML" });
});

alertSettings.callbackQuery(muteMenu.pattern, async (ctx) => {
  const assignmentId = await ownAssignment(ctx as MemberContext, Number(ctx.match[1]));
  if (assignmentId === null) return;
  await ctx.answerCallbackQuery();
  await editButtons(ctx, muteChoiceButtons(assignmentId));
});

alertSettings.callbackQuery(muteFor.pattern, async (ctx) => {
  const { member, deps } = ctx as MemberContext;
  const assignmentId = await ownAssignment(ctx as MemberContext, Number(ctx.match[1]));
  if (assignmentId === null) return;
  // "7 ngày" counts today: alerts come back on the eighth day.
  const until = addDays(vietnamDate(deps.now()), Number(ctx.match[2]) - 1);
  await muteAssignment(deps.db, member.id, assignmentId, until);
  await ctx.answerCallbackQuery({ text: t.muteDone(formatDate(until)) });
  await editButtons(ctx, deadlineAlertButtons(assignmentId, formatDate(until)));
});

alertSettings.callbackQuery(muteCancel.pattern, async (ctx) => {
  const assignmentId = await ownAssignment(ctx as MemberContext, Number(ctx.match[1]));
  if (assignmentId === null) return;
  await ctx.answerCallbackQuery();
  await editButtons(ctx, deadlineAlertButtons(assignmentId));
});

/** Only a task of the member's own unit can be muted (the alerts go to that unit). */
async function ownAssignment(ctx: MemberContext, assignmentId: number): Promise<number | null> {
  const assignment = await assignmentById(ctx.deps.db, assignmentId);
  if (!assignment) {
    await ctx.answerCallbackQuery({ text: texts.staleButton });
    return null;
  }
  if (assignment.unitId !== ctx.member.unitId) {
    await ctx.answerCallbackQuery({ text: texts.notYourTask, show_alert: true });
    return null;
  }
  return assignment.id;
}

async function editButtons(ctx: BotContext, rows: ButtonRows): Promise<void> {
  await ctx.editMessageReplyMarkup({ reply_markup: toInlineKeyboard(rows) }).catch((error: unknown) => {
    // Pressed twice, or the alert is too old to edit: the mute itself is saved either way.
    if (error instanceof Error && /message is not modified|message to edit not found|message can't be edited/.test(error.message)) return;
    throw error;
  });
}
