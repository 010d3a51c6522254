import { Composer } from "grammy";
import { Actions } from "../../ports/actions";
import { canManagePlan, canReviewCompletion } from "../../../core/access/policy";
import { statusOf } from "../../../core/status/of-assignment";
import { formatDate, formatDateTime, vietnamDate } from "../../../core/time/vietnam-date";
import { pendingApprovals, type PendingItem } from "../../../db/queries/approvals";
import {
  adminApprovalItem,
  adminApprovals,
  adminOverview,
  extensionApprove,
  extensionRefuse,
  reviewConfirm,
  reviewReturn,
  taskCard,
} from "../../callback-data";
import type { MemberContext } from "../../context";
import { numberButtons, pager } from "../../keyboards/admin";
import { deadlineLine } from "../../render/deadline";
import { escapeHtml, shorten } from "../../render/html";
import { adminTexts, extensionTexts, reportTexts, reviewTexts } from "../../texts";
import { paginate, planFor, planLabel, show } from "./scope";

const t = adminTexts.approvals;
const PER_PAGE = 6;

/**
 * /duyet: completions waiting for confirmation and extension requests
 * waiting for a decision, oldest first. A number opens the item as its own
 * message with the decision buttons the notification had (cfm/ret,
 * exa/exr): the handlers in review-completion.ts and extension.ts decide it
 * and mark that message, as they do for the notification.
 */
export const approvalsFeature = new Composer<MemberContext>();

approvalsFeature.command("duyet", (ctx) => renderApprovals(ctx, 0));
approvalsFeature.callbackQuery(adminApprovals.pattern, (ctx) => renderApprovals(ctx, Number(ctx.match[1])));

approvalsFeature.callbackQuery(adminApprovalItem.pattern, async (ctx) => {
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  const kind = ctx.match[1] === "c" ? "completion" : "extension";
  const item = (await pendingApprovals(ctx.deps.db.$client, plan.id)).find(
    (i) => i.kind === kind && i.id === Number(ctx.match[2]),
  );
  if (!item) return void (await ctx.port.answer({ text: t.gone }));
  const manage = canManagePlan(ctx.member, plan);
  const today = vietnamDate(ctx.deps.now());
  const keyboard = new Actions();
  let text: string;
  if (item.kind === "completion") {
    const facts = {
      state: "awaiting_confirmation" as const,
      dueOn: item.dueOn,
      dueOverride: item.dueOverride,
      recurrence: null,
      reportedDoneAt: null,
    };
    text = reportTexts.adminCompletion(
      escapeHtml(item.unitName),
      escapeHtml(item.ref),
      escapeHtml(shorten(item.title, 300)),
      escapeHtml(shorten(item.note ?? "", 1500)),
      item.files,
      deadlineLine({ ...facts, deadlineText: item.deadlineText, deadlineNote: null }, statusOf(facts, today), today),
    );
    if (manage && canReviewCompletion(ctx.member, plan, { reporterId: item.reporterId })) {
      keyboard.text("✔ Xác nhận", reviewConfirm.build(item.id)).text("↩ Trả lại", reviewReturn.build(item.id)).row();
    } else if (manage) text += `\n\n${reviewTexts.ownReport}`;
  } else {
    text = extensionTexts.forAdmins(
      escapeHtml(item.unitName),
      escapeHtml(item.ref),
      escapeHtml(shorten(item.title, 300)),
      item.originalDue ? formatDate(item.originalDue) : "—",
      formatDate(item.proposedDue),
      escapeHtml(shorten(item.reason, 1500)),
    );
    if (manage)
      keyboard
        .text(extensionTexts.buttons.approve, extensionApprove.build(item.id))
        .text(extensionTexts.buttons.refuse, extensionRefuse.build(item.id))
        .row();
  }
  keyboard.text(reportTexts.buttons.openTask, taskCard.build(item.assignmentId));
  await ctx.port.answer();
  await ctx.port.send(text, { html: true, actions: keyboard });
});

async function renderApprovals(ctx: MemberContext, requestedPage: number): Promise<void> {
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  const items = await pendingApprovals(ctx.deps.db.$client, plan.id);
  const { page, pages, offset } = paginate(items.length, PER_PAGE, requestedPage);
  const shown = items.slice(offset, offset + PER_PAGE);
  const lines = [t.header(planLabel(plan), items.length), ""];
  if (items.length === 0) lines.push(t.none);
  shown.forEach((item, i) => {
    lines.push(line(offset + i + 1, item));
  });
  if (items.length > 0) lines.push("", t.footer(canManagePlan(ctx.member, plan)));
  const keyboard = numberButtons(
    new Actions(),
    offset + 1,
    shown.map((i) => adminApprovalItem.build(i.kind, i.id)),
  );
  pager(keyboard, page, pages, adminApprovals.build)
    .text(t.refresh, adminApprovals.build(page))
    .text(adminTexts.back, adminOverview.build());
  await show(ctx, lines.join("\n"), keyboard);
}

function line(n: number, item: PendingItem): string {
  const at = formatDateTime(item.at);
  if (item.kind === "completion") {
    return t.completion(
      n,
      escapeHtml(item.ref),
      escapeHtml(item.unitName),
      escapeHtml(item.by),
      at,
      escapeHtml(shorten(item.note ?? "", 120)),
    );
  }
  const from = item.originalDue ? formatDate(item.originalDue) : "—";
  return t.extension(
    n,
    escapeHtml(item.ref),
    escapeHtml(item.unitName),
    escapeHtml(item.by),
    at,
    from,
    formatDate(item.proposedDue),
    escapeHtml(shorten(item.reason, 120)),
  );
}
