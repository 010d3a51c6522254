import { Composer } from "grammy";
import { Actions } from "../ports/actions";
import { parsePauseDate } from "../../core/alerts/pause-date";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { assignmentById } from "../../db/queries/assignments";
import { muteAssignment, pauseAlerts, pausedUntil, quietMembers, resumeAlerts } from "../../db/queries/alerts-settings";
import { unitsInAdminScope } from "../../db/queries/units";
import { muteCancel, muteFor, muteMenu } from "../callback-data";
import type { BotContext, MemberContext } from "../context";
import { adminsOnly } from "../filters/admins-only";
import { deadlineAlertButtons, muteChoiceButtons, type ButtonRows } from "../keyboards/alerts";
import { escapeHtml } from "../render/html";
import { alertTexts as t, texts } from "../texts";

/** Lines of /tamnghi before "and N more": far under Telegram's 4096 characters. */
const QUIET_LIST_MAX = 60;

/** Members mute one task's alerts or pause them all; admins see who gets none. */
export const alertSettings = new Composer<MemberContext>();

alertSettings.command("tamdung", async (ctx) => {
  const { member, deps } = ctx;
  const today = vietnamDate(deps.now());
  const example = formatDate(addDays(today, 7));
  const input = ctx.match.trim();
  if (!input) {
    const until = await pausedUntil(deps.db, member.id);
    const state = until !== null && until >= today ? `${t.pauseState(formatDate(until))}\n\n` : "";
    return void (await ctx.port.send(state + t.pauseUsage(example)));
  }
  const parsed = parsePauseDate(input, today);
  if (!parsed.ok) {
    const reply =
      parsed.reason === "malformed"
        ? t.pauseBadDate(escapeHtml(input.slice(0, 40)), example)
        : parsed.reason === "past"
          ? t.pausePast(formatDate(parsed.date))
          : t.pauseTooFar(formatDate(parsed.max));
    return void (await ctx.port.send(reply, { html: true }));
  }
  await pauseAlerts(deps.db, member.id, parsed.date);
  await ctx.port.send(t.paused(formatDate(parsed.date)));
});

alertSettings.command("tieptuc", async (ctx) => {
  const { member, deps } = ctx;
  const undone = await resumeAlerts(deps.db, member.id);
  const anything = undone.wasPaused || undone.mutes > 0 || undone.wasUnreachable;
  await ctx.port.send(anything ? t.resumed(undone.mutes) : t.notPaused);
});

alertSettings.command("tamnghi", adminsOnly, async (ctx) => {
  const { member, deps } = ctx;
  const today = vietnamDate(deps.now());
  const units = await unitsInAdminScope(deps.db, member.unitId);
  const quiet = await quietMembers(deps.db, [...new Set([member.unitId, ...units.map((u) => u.id)])], today);
  if (quiet.length === 0) return void (await ctx.port.send(t.quietNone));
  const lines = quiet
    .slice(0, QUIET_LIST_MAX)
    .map((q) =>
      q.unreachableSince !== null
        ? t.quietUnreachable(
            escapeHtml(q.fullName),
            escapeHtml(q.unitName),
            formatDate(vietnamDate(new Date(q.unreachableSince))),
          )
        : t.quietPaused(escapeHtml(q.fullName), escapeHtml(q.unitName), formatDate(q.pausedUntil!)),
    );
  if (quiet.length > QUIET_LIST_MAX) lines.push(t.quietMore(quiet.length - QUIET_LIST_MAX));
  await ctx.port.send([t.quietHeader(quiet.length), ...lines].join("\n"), { html: true });
});

alertSettings.callbackQuery(muteMenu.pattern, async (ctx) => {
  const assignmentId = await ownAssignment(ctx, Number(ctx.match[1]));
  if (assignmentId === null) return;
  await ctx.port.answer();
  await editButtons(ctx, muteChoiceButtons(assignmentId), t.muteAsk);
});

alertSettings.callbackQuery(muteFor.pattern, async (ctx) => {
  const { member, deps } = ctx;
  const assignmentId = await ownAssignment(ctx, Number(ctx.match[1]));
  if (assignmentId === null) return;
  // "7 ngày" counts today: alerts come back on the eighth day.
  const until = addDays(vietnamDate(deps.now()), Number(ctx.match[2]) - 1);
  await muteAssignment(deps.db, member.id, assignmentId, until);
  await ctx.port.answer({ text: t.muteDone(formatDate(until)) });
  await editButtons(ctx, deadlineAlertButtons(assignmentId, formatDate(until)), t.muteDone(formatDate(until)));
});

alertSettings.callbackQuery(muteCancel.pattern, async (ctx) => {
  const assignmentId = await ownAssignment(ctx, Number(ctx.match[1]));
  if (assignmentId === null) return;
  await ctx.port.answer();
  await editButtons(ctx, deadlineAlertButtons(assignmentId), t.muteKept);
});

/** Only a task of the member's own unit can be muted (the alerts go to that unit). */
async function ownAssignment(ctx: MemberContext, assignmentId: number): Promise<number | null> {
  const assignment = await assignmentById(ctx.deps.db, assignmentId);
  if (!assignment) {
    await ctx.port.answer({ text: texts.staleButton });
    return null;
  }
  if (assignment.unitId !== ctx.member.unitId) {
    await ctx.port.answer({ text: texts.notYourTask, alert: true });
    return null;
  }
  return assignment.id;
}

async function editButtons(ctx: BotContext, rows: ButtonRows, text: string): Promise<void> {
  await ctx.port.setActions(Actions.fromRows(rows), text);
}
