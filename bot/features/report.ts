import { Composer } from "grammy";
import { Actions } from "../ports/actions";
import type { Message } from "grammy/types";
import { checkinCadence, periodContaining, periodLabel } from "../../core/checkins/period";
import { reportDecision } from "../../core/reporting/decision";
import { checkEvidence, type EvidenceCandidate } from "../../core/reporting/evidence";
import { cleanFileName } from "../../core/text/file-name";
import { isPercent, parseNote, parsePercent } from "../../core/reporting/input";
import { sortByUrgency, statusOf } from "../../core/status/of-assignment";
import { formatDateTime, vietnamDate } from "../../core/time/vietnam-date";
import { type AssignmentView, planScopeOf } from "../../db/queries/assignments";
import { reachableAdminsOf } from "../../db/queries/members";
import { reportSentByFlow, submitReport } from "../../db/queries/reports";
import type { Evidence } from "../../db/schema";
import {
  reportPercent,
  reportPercentLower,
  reportSend,
  reviewConfirm,
  reviewReturn,
  startCheckin,
  startCompletion,
  startReport,
  taskCard,
} from "../callback-data";
import { activeFlow, advanceFlow, startFlow } from "../conversation";
import type { MemberContext } from "../context";
import { assignmentOf, tasksOfMyUnit } from "../reads";
import { notify } from "../notify";
import { cancelKeyboard } from "../keyboards/flow";
import { deadlineLine } from "../render/deadline";
import { escapeHtml, shorten } from "../render/html";
import { reportTexts as t, texts, type ReportKind } from "../texts";

const FLOW = "report";

interface ReportFlowData {
  kind: ReportKind;
  assignmentId: number;
  percent: number | null;
  note: string | null;
  evidence: Evidence[];
  periodKey: string | null;
  /** The task's progress when the flow began: a lower new one is confirmed first. */
  previous?: number;
}

export const report = new Composer<MemberContext>();

report.callbackQuery(startReport.pattern, (ctx) => begin(ctx, "progress", Number(ctx.match[1])));
report.callbackQuery(startCompletion.pattern, (ctx) => begin(ctx, "completion", Number(ctx.match[1])));
report.callbackQuery(startCheckin.pattern, (ctx) => begin(ctx, "checkin", Number(ctx.match[1])));

/** /baocao: which task first, then the same flow as the card's button. */
report.command("baocao", async (ctx) => {
  const { member, deps } = ctx;
  const today = vietnamDate(deps.now());
  const open = sortByUrgency(await tasksOfMyUnit(ctx), today).filter((a) => a.state === "open" || a.state === "in_progress");
  if (member.role === "viewer") return void (await ctx.port.send(t.cannotReport));
  if (open.length === 0) return void (await ctx.port.send(t.noOpenTasks));
  const keyboard = new Actions();
  for (const a of open.slice(0, 10)) {
    const start = a.recurrence !== null && a.dueOn === null ? startCheckin.build(a.id) : startReport.build(a.id);
    keyboard.text(shorten(`${a.ref} · ${a.title}`, 60), start).row();
  }
  await ctx.port.send(t.chooseTask, { actions: keyboard });
});

report.callbackQuery(reportPercent.pattern, async (ctx) => {
  const flow = activeFlow(ctx, FLOW, ctx.match[1]);
  if (flow?.step !== "percent") return void (await ctx.port.answer({ text: texts.staleButton }));
  const percent = Number(ctx.match[2]);
  if (!isPercent(percent)) return void (await ctx.port.answer({ text: texts.staleButton }));
  await ctx.port.answer();
  await acceptPercent(ctx, percent);
});

report.callbackQuery(reportPercentLower.pattern, async (ctx) => {
  const flow = activeFlow(ctx, FLOW, ctx.match[1]);
  if (flow?.step !== "percent") return void (await ctx.port.answer({ text: texts.staleButton }));
  const percent = Number(ctx.match[2]);
  if (!isPercent(percent)) return void (await ctx.port.answer({ text: texts.staleButton }));
  await ctx.port.answer();
  await acceptPercent(ctx, percent, true);
});

report.callbackQuery(reportSend.pattern, async (ctx) => {
  const flow = activeFlow(ctx, FLOW, ctx.match[1]);
  // Only a report this flow really sent is "already recorded"; a cancelled or expired one saved nothing.
  if (!flow)
    return void (await ctx.port.answer({
      text: (await reportSentByFlow(ctx.deps.db, ctx.match[1]!)) ? t.duplicate : t.flowGone,
    }));
  if (flow.step !== "evidence") return void (await ctx.port.answer({ text: t.stepHint.note }));
  await ctx.port.answer();
  await submit(ctx);
});

report.on("message:text", async (ctx, next) => {
  const flow = activeFlow(ctx, FLOW);
  if (!flow || ctx.message.text.startsWith("/")) return next();
  if (flow.step === "percent") {
    const percent = parsePercent(ctx.message.text);
    if (!percent.ok)
      return void (await ctx.port.send(percent.reason === "out_of_range" ? t.percentOutOfRange : t.percentNotNumber));
    return acceptPercent(ctx, percent.value);
  }
  if (flow.step === "note") {
    const note = parseNote(ctx.message.text);
    if (!note.ok)
      return void (await ctx.port.send(note.reason === "empty" ? t.noteEmpty : t.noteTooLong(ctx.message.text.length)));
    const data = { ...(flow.data as unknown as ReportFlowData), note: note.value };
    await advanceFlow(ctx, "evidence", data as unknown as Record<string, unknown>);
    await ctx.port.send(t.askEvidence + (await documentsElsewhere(ctx, data)), { html: true, actions: sendKeyboard(flow.token) });
    return;
  }
  await ctx.port.send(t.stepHint.evidence, { actions: sendKeyboard(flow.token) });
});

report.on(["message:document", "message:photo"], async (ctx, next) => {
  const flow = activeFlow(ctx, FLOW);
  if (!flow) return next();
  if (flow.step !== "evidence") return void (await ctx.port.send(t.evidenceNotNow));
  const data = flow.data as unknown as ReportFlowData;
  const file = evidenceOf(ctx.message);
  const rejection = checkEvidence(file, data.evidence.length);
  if (rejection) {
    const message = { too_large: t.evidenceTooLarge, unsupported_type: t.evidenceUnsupported, too_many: t.evidenceTooMany }[
      rejection
    ];
    return void (await ctx.port.send(message, { html: true, actions: sendKeyboard(flow.token) }));
  }
  const evidence = [...data.evidence, file];
  await advanceFlow(ctx, "evidence", { ...data, evidence } as unknown as Record<string, unknown>);
  await ctx.port.send(t.evidenceAdded(escapeHtml(file.name ?? "ảnh"), evidence.length), {
    html: true,
    actions: sendKeyboard(flow.token),
  });
});

async function begin(ctx: MemberContext, kind: ReportKind, assignmentId: number): Promise<void> {
  const { member, deps } = ctx;
  const assignment = await assignmentOf(ctx, assignmentId);
  if (!assignment) return void (await ctx.port.answer({ text: texts.staleButton }));
  const decision = reportDecision(member, { ...assignment, plan: planScopeOf(assignment) }, kind);
  if (!decision.ok) return void (await ctx.port.answer({ text: t.refusal[decision.reason], alert: true }));
  const today = vietnamDate(deps.now());
  const period =
    kind === "checkin" ? periodContaining(checkinCadence(assignment.checkinEvery, assignment.recurrence), today) : null;
  const data: ReportFlowData = {
    kind,
    assignmentId,
    percent: null,
    note: null,
    evidence: [],
    periodKey: period?.key ?? null,
    previous: assignment.progress,
  };
  const token = await startFlow(ctx, FLOW, kind === "progress" ? "percent" : "note", data as unknown as Record<string, unknown>);
  await ctx.port.answer();

  const title = escapeHtml(shorten(assignment.title, 300));
  const text =
    kind === "progress"
      ? t.start.progress(title, assignment.progress)
      : kind === "completion"
        ? t.start.completion(title)
        : t.start.checkin(title, periodLabel(period!));
  await ctx.port.send(text, {
    html: true,
    actions: kind === "progress" ? percentKeyboard(token, assignment.progress) : cancelKeyboard(token),
  });
}

async function acceptPercent(ctx: MemberContext, percent: number, lowerConfirmed = false): Promise<void> {
  const flow = ctx.conversation!;
  const previous = (flow.data as unknown as ReportFlowData).previous ?? 0;
  if (percent < previous && !lowerConfirmed) {
    const actions = new Actions()
      .text(t.lowerConfirm(percent), reportPercentLower.build(flow.token, percent))
      .append(cancelKeyboard(flow.token));
    return void (await ctx.port.send(t.lowerThanBefore(percent, previous), { actions }));
  }
  await advanceFlow(ctx, "note", { ...(flow.data as unknown as ReportFlowData), percent } as unknown as Record<string, unknown>);
  await ctx.port.send(t.askNote(percent), { html: true, actions: cancelKeyboard(flow.token) });
}

async function submit(ctx: MemberContext): Promise<void> {
  const { member, deps } = ctx;
  const flow = ctx.conversation!;
  const data = flow.data as unknown as ReportFlowData;
  // Re-checked at the last step: the task may have been completed or reassigned meanwhile.
  const assignment = await assignmentOf(ctx, data.assignmentId);
  if (!assignment) return void (await ctx.port.send(t.cannotReport));
  const decision = reportDecision(member, { ...assignment, plan: planScopeOf(assignment) }, data.kind);
  if (!decision.ok) return void (await ctx.port.send(t.refusal[decision.reason]));
  const now = deps.now().toISOString();
  const entry = {
    assignmentId: assignment.id,
    memberId: member.id,
    chatId: ctx.port.chatKey,
    kind: data.kind,
    percent: data.kind === "completion" ? 100 : data.percent,
    note: data.note!,
    evidence: data.evidence,
    dedupeKey: flow.token,
    periodKey: data.periodKey,
    now,
  };
  // The report is this update's write: its claim is settled in the same batch.
  const result = await submitReport(deps.db, entry, deps.claim);
  ctx.conversation = null;
  if (!result.ok) return void (await ctx.port.send(t.duplicate));

  const openTask = new Actions().text(t.buttons.openTask, taskCard.build(assignment.id));
  const task = `${escapeHtml(assignment.ref)} «${escapeHtml(shorten(assignment.title, 80))}»`;
  if (data.kind === "progress") await ctx.port.send(t.saved.progress(data.percent!, task), { html: true, actions: openTask });
  else if (data.kind === "checkin") {
    const period = periodContaining(checkinCadence(assignment.checkinEvery, assignment.recurrence), vietnamDate(deps.now()));
    await ctx.port.send(t.saved.checkin(periodLabel(period), task), { html: true, actions: openTask });
  } else {
    await ctx.port.send(t.saved.completion(escapeHtml(assignment.monitorUnitName), task), { html: true, actions: openTask });
    await askAdminsToReview(ctx, assignment, result.reportId, data);
  }
}

/** Completions wait for the monitoring office; tell its admins with the buttons to decide. */
async function askAdminsToReview(ctx: MemberContext, a: AssignmentView, reportId: number, data: ReportFlowData): Promise<void> {
  const admins = await reachableAdminsOf(ctx.deps.db, a.planMonitorUnitId);
  const today = vietnamDate(ctx.deps.now());
  const text = t.adminCompletion(
    escapeHtml(a.unitName),
    escapeHtml(a.ref),
    escapeHtml(shorten(a.title, 300)),
    escapeHtml(shorten(data.note ?? "", 500)),
    data.evidence.length,
    `${deadlineLine(a, statusOf(a, today), today)} · báo cáo lúc ${formatDateTime(ctx.deps.now())}`,
  );
  const keyboard = new Actions()
    .text("✔ Xác nhận", reviewConfirm.build(reportId))
    .text("↩ Trả lại", reviewReturn.build(reportId))
    .row()
    .text(t.buttons.openTask, taskCard.build(a.id));
  await notify(
    ctx,
    admins.map((admin) => ({ memberId: admin.id, subject: `report:${reportId}`, assignmentId: a.id, text, actions: keyboard })),
  );
}

/** Zalo hands bots no documents: photos come here, documents through a signed web form for the same report. */
async function documentsElsewhere(ctx: MemberContext, data: ReportFlowData): Promise<string> {
  if (ctx.port.channel !== "zalo" || !ctx.deps.links) return "";
  const link = await ctx.deps.links.reportForm(
    ctx.member.id,
    data.assignmentId,
    data.kind === "completion" ? "completion" : "progress",
  );
  return t.documentsOnWeb(link);
}

function percentKeyboard(token: string, current: number): Actions {
  const keyboard = new Actions();
  for (const p of [25, 50, 75, 90].filter((p) => p > current).concat(current >= 90 ? [current] : [])) {
    keyboard.text(`${p}%`, reportPercent.build(token, p));
  }
  return keyboard.row().append(cancelKeyboard(token));
}

function sendKeyboard(token: string): Actions {
  return new Actions().text(t.buttons.send, reportSend.build(token)).append(cancelKeyboard(token));
}

function evidenceOf(message: Message): Evidence & EvidenceCandidate {
  if (message.photo) {
    const largest = message.photo.at(-1)!;
    return { kind: "photo", fileId: largest.file_id, name: null, mime: "image/jpeg", size: largest.file_size ?? null };
  }
  const d = message.document!;
  return {
    kind: "document",
    fileId: d.file_id,
    name: cleanFileName(d.file_name),
    mime: d.mime_type ?? null,
    size: d.file_size ?? null,
  };
}
