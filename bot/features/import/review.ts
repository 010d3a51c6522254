/** The review buttons and the deadline the admin types. Every change re-renders the message it came from. */
import { parseDeadline } from "../../../core/deadline/parse";
import { designatesOffice, insideIssuer, issuerProblem, monitorCandidates } from "../../../core/plan-import/issuer-scope";
import { planRows } from "../../../core/plan-import/plan-rows";
import {
  chooseUnit,
  keptTasks,
  reviewedTask,
  setDeadline,
  summarize,
  tasksNaming,
  toggleDropped,
  type ImportChoices,
  type ScopeUnit,
} from "../../../core/plan-import/review";
import { normalizeText } from "../../../core/text/fold";
import { formatDate } from "../../../core/time/vietnam-date";
import { proposedLink } from "../../../db/queries/plan-chain-import";
import { readablePlans, setCurrentPlan } from "../../../db/queries/plans";
import {
  assignedUnitsWithoutMembers,
  cancelImportDraft,
  designateMonitorOffice,
  planBySourceHash,
  writeImportedPlan,
} from "../../../db/queries/plan-import";
import type { ImportAction } from "../../callback-data";
import { activeFlow, advanceFlow, endFlowStatement } from "../../conversation";
import type { MemberContext } from "../../context";
import {
  backKeyboard,
  cancelImportKeyboard,
  namesKeyboard,
  newUnitsKeyboard,
  pageCount,
  scopePickerKeyboard,
  unitPickerKeyboard,
} from "../../keyboards/import";
import { escapeHtml, shorten } from "../../render/html";
import { chainTexts, importTexts as t } from "../../texts";
import { parentPlanName } from "../../render/unit-plans";
import { tellParentOffice } from "../../plan-chain-notice";
import { assignmentsToLink } from "../../../core/plan-chain";
import { onHandDownButton } from "./hand-down";
import { parentLine } from "./parent";
import { choiceLabel, describeDeadline } from "./render";
import { IMPORT_FLOW, loadReview, saveReview, type ImportFlowData, type Review } from "./state";
import { summaryView, taskView, type View } from "./views";

export async function onImportButton(ctx: MemberContext, token: string, action: ImportAction): Promise<void> {
  if (action.kind === "cancel") return cancel(ctx, token);
  if (action.kind === "offers" || action.kind === "handDown") return onHandDownButton(ctx, token, action);
  if (action.kind === "add" && (await startTypingWithoutFile(ctx, token))) return;
  const review = await loadReview(ctx, token);
  if (!review) return void (await ctx.port.answer({ text: t.stale, alert: true }));
  await ctx.port.answer();
  const view = await act(ctx, review, action);
  if (view) await ctx.port.show(view.text, view.keyboard);
}

/** Does what the button says; returns the view to show in its place, or null when it replied itself. */
async function act(ctx: MemberContext, review: Review, action: ImportAction): Promise<View | null> {
  const { plan } = review.draft;
  const choices = review.data.choices;
  const total = plan.tasks.length;
  const clampTask = (i: number) => Math.max(0, Math.min(i, total - 1));
  // A task button from before every task was gone (a stale screen) lands on the summary.
  if (total === 0 && "task" in action) return summaryView(ctx, review);

  switch (action.kind) {
    case "summary":
      await saveReview(ctx, review, "review", { deadlineTask: null, back: null });
      return summaryView(ctx, review);
    case "task": {
      const task = clampTask(action.task);
      // Saved even when nothing changed: it keeps the flow alive while the admin reads a long plan.
      await saveReview(ctx, review, "review", { deadlineTask: null });
      return taskView(review, task);
    }
    case "drop": {
      const task = clampTask(action.task);
      await saveReview(ctx, review, "review", { choices: toggleDropped(choices, task), deadlineTask: null });
      return taskView(review, task);
    }
    case "deadline": {
      const task = clampTask(action.task);
      await saveReview(ctx, review, "deadline", { deadlineTask: task });
      const current = reviewedTask(plan, review.data.choices, task);
      const written = current.deadlineText
        ? `«${escapeHtml(shorten(current.deadlineText, 120))}» → ${describeDeadline(current.deadline)}`
        : t.taskNoDeadline;
      return {
        text: t.askDeadline(escapeHtml(current.ref), written),
        keyboard: backKeyboard(review.token, { kind: "task", task }),
      };
    }
    case "names": {
      const task = clampTask(action.task);
      const reviewed = reviewedTask(plan, choices, task);
      const names = [
        ...reviewed.lead.map((u) => ({ u, role: t.taskLead })),
        ...reviewed.coop.map((u) => ({ u, role: t.taskCoop })),
      ].filter((n, i, all) => n.u.index >= 0 && all.findIndex((m) => m.u.index === n.u.index) === i);
      await saveReview(ctx, review, "review", { back: { kind: "task", task }, deadlineTask: null });
      if (names.length === 1) return pickerView(review, names[0]!.u.index, 0);
      if (names.length === 0) return taskView(review, task);
      return {
        text: t.chooseName(escapeHtml(reviewed.ref)),
        keyboard: namesKeyboard(
          review.token,
          task,
          names.map((n) => ({ index: n.u.index, label: n.role(n.u.name) })),
        ),
      };
    }
    case "picker":
      if (!plan.units[action.name]) return summaryView(ctx, review);
      return pickerView(review, action.name, action.page);
    case "choose": {
      const name = plan.units[action.name];
      if (!name) return summaryView(ctx, review);
      const unit = typeof action.choice === "number" ? pickable(review).find((u) => u.id === action.choice) : undefined;
      if (typeof action.choice === "number" && !unit) return pickerView(review, action.name, 0);
      const previous = choices.units[action.name];
      const choice: ImportChoices["units"][number] =
        action.choice === "skip"
          ? { kind: "skip" }
          : action.choice === "new"
            ? { kind: "new", isGroup: previous?.kind === "new" ? previous.isGroup : false }
            : { kind: "existing", unitId: unit!.id };
      await saveReview(ctx, review, "review", { choices: chooseUnit(choices, action.name, choice) });
      const note = t.unitChanged(escapeHtml(name), choiceLabel(choice, review.scope.units));
      const back = review.data.back;
      if (back?.kind === "task") return taskView(review, clampTask(back.task), note);
      if (back?.kind === "newUnits") return newUnitsView(review, back.page, note);
      return summaryView(ctx, review);
    }
    case "newUnits":
      await saveReview(ctx, review, "review", { back: action, deadlineTask: null });
      return newUnitsView(review, action.page);
    case "issuers":
    case "monitors": {
      const role = action.kind === "issuers" ? "issuer" : "monitor";
      const units = role === "issuer" ? issuerUnits(review) : monitorCandidates(ctx.member, review.scope, choices.issuerUnitId);
      const pages = pageCount(units.length);
      const page = Math.min(action.page, pages - 1);
      const current = role === "issuer" ? choices.issuerUnitId : choices.monitorUnitId;
      return {
        text: role === "issuer" ? t.pickIssuer(page + 1, pages) : t.pickMonitor(page + 1, pages),
        keyboard: scopePickerKeyboard(review.token, role, units, page, current),
      };
    }
    case "issuer":
    case "monitor": {
      // Only what the pickers offer: an issuer the admin may import for, a monitor allowed for that issuer.
      let next: ImportChoices | null = null;
      if (action.kind === "issuer" && issuerUnits(review).some((u) => u.id === action.unitId)) {
        next = { ...choices, issuerUnitId: action.unitId };
        // The admin's own unit may always monitor a plan of an issuer they import for.
        if (issuerProblem(ctx.member, review.scope, next) === "monitor") next.monitorUnitId = ctx.member.unitId;
      }
      if (
        action.kind === "monitor" &&
        monitorCandidates(ctx.member, review.scope, choices.issuerUnitId).some((u) => u.id === action.unitId)
      )
        next = { ...choices, monitorUnitId: action.unitId };
      if (next) {
        const line =
          next.issuerUnitId === choices.issuerUnitId
            ? review.data.parentLine
            : await parentLine(ctx, review.draft.id, next.issuerUnitId, plan.header.implements);
        await saveReview(ctx, review, "review", { choices: next, parentLine: line });
      }
      return summaryView(ctx, review);
    }
    case "add":
      await saveReview(ctx, review, "add_tasks", { deadlineTask: null, editTask: null });
      return {
        text: `${t.askTasks(plan.tasks.length === 0)}\n\n${t.tasksFormat}`,
        keyboard: backKeyboard(review.token, { kind: "summary" }),
      };
    case "rename":
    case "split": {
      const task = clampTask(action.task);
      await saveReview(ctx, review, action.kind, { deadlineTask: null, editTask: task });
      const current = escapeHtml(shorten(plan.tasks[task]!.title, 600));
      const ref = escapeHtml(plan.tasks[task]!.ref);
      const text = action.kind === "rename" ? t.askRename(ref, current) : t.askSplit(ref, current);
      return { text, keyboard: backKeyboard(review.token, { kind: "task", task }) };
    }
    case "confirm":
      if (keptTasks(plan, choices).length === 0) return { text: t.nothingToSave, keyboard: summaryView(ctx, review).keyboard };
      await confirm(ctx, review);
      return null;
    case "cancel":
    case "offers":
    case "handDown":
      return null;
  }
}

/** "Gõ danh sách nhiệm vụ" before any file: no draft yet, the typed list will make one. */
async function startTypingWithoutFile(ctx: MemberContext, token: string): Promise<boolean> {
  const flow = activeFlow(ctx, IMPORT_FLOW, token);
  if (!flow || (flow.data as unknown as ImportFlowData).importId !== null) return false;
  await ctx.port.answer();
  await advanceFlow(ctx, "add_tasks", flow.data);
  await ctx.port.show(`${t.askTasks(true)}\n\n${t.tasksFormat}`, cancelImportKeyboard(token));
  return true;
}

/** ✖ Hủy, while waiting for the file or during the review: the draft is marked cancelled, the flow ends. */
async function cancel(ctx: MemberContext, token: string): Promise<void> {
  const flow = activeFlow(ctx, IMPORT_FLOW, token);
  if (!flow) return void (await ctx.port.answer({ text: t.stale, alert: true }));
  const { importId } = flow.data as unknown as ImportFlowData;
  const db = ctx.deps.db;
  if (importId !== null) await db.batch([cancelImportDraft(db, importId), endFlowStatement(ctx)]);
  else await endFlowStatement(ctx);
  ctx.conversation = null;
  await ctx.port.answer();
  await ctx.port.clearActions();
  await ctx.port.send(t.cancelled);
}

/** The issuers this admin may import for, as units for the picker. */
function issuerUnits(review: Review): ScopeUnit[] {
  return review.scope.issuers.map((i) => ({ id: i.unitId, name: i.name, isGroup: false, memberIds: [] }));
}

/** Units a name may be mapped to: those inside the issuer's tree (a plan assigns nothing outside it). */
function pickable(review: Review): ScopeUnit[] {
  return review.scope.units.filter((u) => insideIssuer(review.scope.units, review.data.choices.issuerUnitId, u.id));
}

function pickerView(review: Review, name: number, requestedPage: number): View {
  const units = pickable(review);
  const pages = pageCount(units.length);
  const page = Math.min(requestedPage, pages - 1);
  const choice = review.data.choices.units[name];
  const current = choice?.kind === "existing" ? choice.unitId : null;
  const back: ImportAction = review.data.back ?? { kind: "summary" };
  const tasks = tasksNaming(review.draft.plan, review.data.choices, name);
  return {
    text: t.pickUnit(escapeHtml(review.draft.plan.units[name]!), tasks, choiceLabel(choice, units), page + 1, pages),
    keyboard: unitPickerKeyboard(review.token, name, units, page, current, back),
  };
}

function newUnitsView(review: Review, requestedPage: number, note?: string): View {
  const { plan } = review.draft;
  const fresh = new Set(summarize(plan, review.data.choices, review.scope.units).newUnits);
  const names = plan.units.map((name, index) => ({ name, index })).filter((n) => fresh.has(n.name));
  const pages = pageCount(names.length);
  const page = Math.min(requestedPage, pages - 1);
  const text = names.length === 0 ? t.noNewUnits : t.newUnitsList(page + 1, pages);
  return { text: note ? `${note}\n\n${text}` : text, keyboard: newUnitsKeyboard(review.token, names, page) };
}

/** The deadline typed for a task: understood → saved and the task shown again; not understood → nothing changes. */
export async function onDeadlineText(ctx: MemberContext, text: string): Promise<void> {
  const review = await loadReview(ctx);
  const task = review?.data.deadlineTask;
  if (!review || task === null || task === undefined) return void (await ctx.port.send(t.stale));
  const phrase = normalizeText(text).slice(0, 200);
  const deadline = parseDeadline(phrase);
  if (deadline.kind === "none") {
    return void (await ctx.port.send(t.deadlineNotUnderstood(escapeHtml(shorten(phrase, 80))), {
      html: true,
      actions: backKeyboard(review.token, { kind: "task", task }),
    }));
  }
  await saveReview(ctx, review, "review", {
    choices: setDeadline(review.data.choices, task, phrase, deadline),
    deadlineTask: null,
  });
  const view = taskView(
    review,
    task,
    t.deadlineChanged(escapeHtml(review.draft.plan.tasks[task]!.ref), describeDeadline(deadline)),
  );
  await ctx.port.send(view.text, { html: true, actions: view.keyboard });
}

async function confirm(ctx: MemberContext, review: Review): Promise<void> {
  const { member, deps } = ctx;
  const { plan } = review.draft;
  const scope = review.scope;
  const choices = review.data.choices;
  const problem = issuerProblem(member, scope, choices);
  if (problem) {
    const view = summaryView(ctx, review);
    return void (await ctx.port.send(problem === "issuer" ? t.issuerRefused : t.monitorRefused, { actions: view.keyboard }));
  }
  const rows = planRows(plan, choices, {
    sourceHash: review.draft.sourceHash,
    scope: scope.units,
    fileName: review.draft.fileName,
  });
  const detail = {
    importId: review.draft.id,
    file: review.draft.fileName,
    tasks: rows.tasks.length,
    assignments: rows.assignments.length,
    newUnits: rows.newUnits.map((u) => u.name),
    dropped: choices.dropped.map((i) => plan.tasks[i]?.ref),
    deadlinesChanged: Object.entries(choices.deadlines).map(([i, d]) => ({ ref: plan.tasks[Number(i)]?.ref, text: d.text })),
    skippedUnits: plan.units.filter((_, i) => choices.units[i]?.kind === "skip"),
    leftOutUnits: rows.leftOutUnits,
    refusedTasks: rows.refusedTasks.map((task) => task.ref),
  };
  const designation = designatesOffice(member, scope, choices)
    ? [designateMonitorOffice(deps.db, choices.issuerUnitId, choices.monitorUnitId)]
    : [];
  // The plan the office's screens use stays the one the admin had: a new plan is chosen with /kehoach, never silently.
  const { current: selected, chosen } = await readablePlans(deps.db, member);
  // The parent plan the header names (or the draft was handed down from) is linked in the same batch.
  const link = await proposedLink(deps.db, review.draft.id, rows, member.id);
  const result = await writeImportedPlan(
    deps.db,
    rows,
    { memberId: member.id, draftId: review.draft.id, detail: { ...detail, parentPlanId: link.parent?.planId ?? null } },
    [...designation, ...link.statements, endFlowStatement(ctx)],
  );
  await ctx.port.clearActions();
  if (!result.ok) {
    await deps.db.batch([cancelImportDraft(deps.db, review.draft.id), endFlowStatement(ctx)]);
    ctx.conversation = null;
    const existing = await planBySourceHash(deps.db, review.draft.sourceHash);
    const name = escapeHtml(
      shorten(existing ? `${existing.number ? `${existing.number} · ` : ""}${existing.title}` : rows.plan.title, 200),
    );
    return void (await ctx.port.send(t.duplicate(`<b>${name}</b>`, existing ? formatDate(existing.createdAt) : "trước đó"), {
      html: true,
    }));
  }
  ctx.conversation = null;
  const unstaffed = await assignedUnitsWithoutMembers(deps.db, result.planId);
  const lines = [t.saved(escapeHtml(shorten(rows.plan.title, 200)), result.counts)];
  if (rows.groupsWithoutMembers.length > 0) lines.push(t.savedGroups(escapeHtml(rows.groupsWithoutMembers.join("; "))));
  if (rows.refusedTasks.length > 0)
    lines.push(
      t.savedRefused(rows.refusedTasks.length, escapeHtml(shorten(rows.refusedTasks.map((x) => x.ref).join(", "), 300))),
    );
  if (rows.leftOutUnits.length > 0) lines.push(t.savedLeftOut(escapeHtml(shorten(rows.leftOutUnits.join("; "), 300))));
  if (link.parent) lines.push(chainTexts.review.linked(parentPlanName(link.parent), assignmentsToLink(link.parent).length));
  else if (rows.plan.implementsText) lines.push(chainTexts.review.notLinked(escapeHtml(shorten(rows.plan.implementsText, 120))));
  lines.push(t.nextSteps(unstaffed.length));
  if (selected) {
    if (!chosen) await setCurrentPlan(deps.db, member.id, selected.id);
    const label = `${selected.number ? `${selected.number} · ` : ""}${selected.title}`;
    lines.push(t.selectionKept(escapeHtml(shorten(label, 120))));
  }
  await ctx.port.send(lines.join("\n"), { html: true });
  if (link.parent) await tellParentOffice(ctx, result.planId, assignmentsToLink(link.parent));
}
