import { Composer } from "grammy";
import { isAdmin } from "../../core/access/policy";
import { handDownOffers } from "../../db/queries/plan-chain-import";
import { importButton } from "../callback-data";
import { activeFlow, startFlow } from "../conversation";
import type { MemberContext } from "../context";
import { adminsOnly } from "../filters/admins-only";
import { awaitFileKeyboard } from "../keyboards/import";
import { importTexts as t } from "../texts";
import { receivePlanFile } from "./import/receive";
import { onDeadlineText, onImportButton } from "./import/review";
import { onPlanTitleText, onRenameText, onSplitText, onTasksText } from "./import/typed";
import { IMPORT_FLOW, type ImportFlowData } from "./import/state";

/**
 * Importing a plan: an admin sends the document (or /nhapkh, then the
 * document, the task list typed, or the tasks a plan above gave the unit),
 * reviews what was read, adds, renames or splits tasks, and confirms.
 * Nothing but the draft is written before confirmation.
 */
export const importPlan = new Composer<MemberContext>();

importPlan.command("nhapkh", adminsOnly, async (ctx) => {
  // Read here only, not on every update: the plans above that give the admin's units tasks to start from.
  const handDown = (await handDownOffers(ctx.deps.db, ctx.member)).length > 0;
  const data: ImportFlowData = { importId: null, choices: null, deadlineTask: null, back: null, editTask: null, handDown };
  const token = await startFlow(ctx, IMPORT_FLOW, "await_file", data as unknown as Record<string, unknown>);
  const hint = handDown ? `\n\n${t.handDownHint}` : "";
  if (ctx.port.channel !== "zalo")
    return void (await ctx.port.send(t.askFile + hint, { html: true, actions: awaitFileKeyboard(token, handDown) }));
  const login = ctx.deps.webLoginLink ? await ctx.deps.webLoginLink(ctx.member.id) : null;
  await ctx.port.send(t.askFileZalo(login?.url ?? null, login?.validMinutes ?? 0) + hint, {
    html: true,
    actions: awaitFileKeyboard(token, handDown),
  });
});

// A file with no flow running is an admin's import; inside another flow (evidence for a report) it is that flow's.
importPlan.on("message:document", async (ctx, next) => {
  if (ctx.conversation && ctx.conversation.flow !== IMPORT_FLOW) return next();
  if (!isAdmin(ctx.member)) return void (await ctx.port.send(t.adminOnly));
  await receivePlanFile(ctx, ctx.message.document);
});

importPlan.on("message:photo", async (ctx, next) => {
  if ((ctx.conversation && ctx.conversation.flow !== IMPORT_FLOW) || !isAdmin(ctx.member)) return next();
  await ctx.port.send(t.rejected.image);
});

importPlan.on("message:text", async (ctx, next) => {
  const flow = activeFlow(ctx, IMPORT_FLOW);
  if (!flow || ctx.message.text.startsWith("/")) return next();
  const text = ctx.message.text;
  if (flow.step === "deadline") return onDeadlineText(ctx, text);
  if (flow.step === "add_tasks") return onTasksText(ctx, text);
  if (flow.step === "rename") return onRenameText(ctx, text);
  if (flow.step === "split") return onSplitText(ctx, text);
  if (flow.step === "plan_title") return onPlanTitleText(ctx, text);
  if (flow.step === "await_file") {
    const { handDown } = flow.data as unknown as ImportFlowData;
    return void (await ctx.port.send(t.waitingForFile, { actions: awaitFileKeyboard(flow.token, handDown === true) }));
  }
  await ctx.port.send(t.reviewHint);
});

importPlan.callbackQuery(importButton.pattern, adminsOnly, async (ctx) => {
  const action = importButton.parse(ctx.match[2]!);
  if (!action) return void (await ctx.port.answer({ text: t.stale, alert: true }));
  await onImportButton(ctx, ctx.match[1]!, action);
});
