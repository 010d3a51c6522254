/** @jsxImportSource hono/jsx */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { escapeHtml, shorten } from "../../bot/render/html";
import { extensionTexts, reviewTexts } from "../../bot/texts";
import { canManagePlan, canReadPlan, canReviewCompletion } from "../../core/access/policy";
import { parseNote } from "../../core/reporting/input";
import { effectiveDue, statusOf } from "../../core/status/of-assignment";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { createDb } from "../../db/client";
import { evidenceOf, pendingApprovals } from "../../db/queries/approvals";
import { assignmentById, planScopeOf } from "../../db/queries/assignments";
import { decideExtension, extensionById } from "../../db/queries/extensions";
import { reportById, reviewCompletion } from "../../db/queries/reports";
import type { WebEnv } from "../env";
import { isOffice, MessagePage } from "../layout";
import { notifyMembers, openTaskActions } from "../notify";
import { ApprovalsPage } from "../pages/approvals-page";
import { filePath } from "../../services/links";
import { actorOf } from "../plan-context";
import { webTexts as t } from "../texts";

/**
 * /web/duyet — completions to confirm or return, extensions to grant or
 * refuse: the same guarded writes (and audit entries) as the chat's buttons.
 */
export const approvalRoutes = new Hono<WebEnv>();

const done = {
  confirmed: "Đã xác nhận hoàn thành.",
  returned: "Đã trả lại báo cáo cho đơn vị.",
  approved: "Đã đồng ý gia hạn.",
  refused: "Đã từ chối gia hạn.",
} as const;

/** Every plan the member follows, oldest request first; each item says its plan and links its task. */
approvalRoutes.get("/duyet", async (c) => {
  const viewer = c.var.viewer;
  const actor = actorOf(c);
  const plans = isOffice(viewer) ? (viewer.plans ?? []).filter((p) => canReadPlan(actor, p)) : [];
  if (plans.length === 0) return c.html(<MessagePage title={t.errors.title} message={t.errors.forbidden} viewer={viewer} />, 403);
  const items = await pendingApprovals(
    c.env.DB,
    plans.map((p) => p.id),
  );
  const files = new Map<string, string>();
  for (const item of items) {
    if (item.kind !== "completion") continue;
    for (const e of evidenceOf(item))
      if (e.fileId.startsWith("r2:")) files.set(e.fileId, await filePath(c.env, e.fileId.slice(3), e.name ?? "tep"));
  }
  const flash = c.req.query("xong") as keyof typeof done | undefined;
  return c.html(
    <ApprovalsPage
      viewer={viewer}
      items={items.map((item) => {
        const plan = { issuerUnitId: item.issuerUnitId, monitorUnitId: item.monitorUnitId };
        const decide =
          item.kind === "completion"
            ? canReviewCompletion({ ...actor, id: viewer.memberId }, plan, { reporterId: item.reporterId })
            : canManagePlan(actor, plan);
        return { item, decide };
      })}
      fileLinks={files}
      flash={flash && done[flash] ? done[flash] : null}
    />,
  );
});

const completionDecision = z.object({ decision: z.enum(["confirmed", "returned"]), note: z.string().optional() });

approvalRoutes.post("/duyet/hoan-thanh/:id{[0-9]+}", async (c) => {
  const viewer = c.var.viewer;
  const input = completionDecision.safeParse(await c.req.parseBody());
  if (!input.success) return refuse(c, "Quyết định không hợp lệ. Hãy quay lại danh sách chờ duyệt.", 400);
  const db = createDb(c.env.DB);
  const [report] = await reportById(db, Number(c.req.param("id")));
  const assignment = report && (await assignmentById(db, report.assignmentId));
  if (!report || !assignment || report.kind !== "completion") return refuse(c, reviewTexts.alreadyDecided, 409);
  if (!canManagePlan(actorOf(c), planScopeOf(assignment))) return refuse(c, t.errors.manageOnly, 403);
  let note: string | null = null;
  if (input.data.decision === "returned") {
    const reason = parseNote(input.data.note ?? "");
    if (!reason.ok)
      return refuse(
        c,
        reason.reason === "empty" ? "Hãy ghi lý do trả lại để đơn vị biết cần bổ sung gì." : "Lý do quá dài (tối đa 1000 ký tự).",
        400,
      );
    note = reason.value;
  }
  const now = new Date();
  const decided = await reviewCompletion(db, {
    reportId: report.id,
    assignmentId: assignment.id,
    adminId: viewer.memberId,
    decision: input.data.decision,
    note,
    now: now.toISOString(),
  });
  if (!decided) return refuse(c, reviewTexts.alreadyDecided, 409);
  const ref = escapeHtml(assignment.ref);
  const title = escapeHtml(shorten(assignment.title, 300));
  const text =
    input.data.decision === "confirmed"
      ? reviewTexts.confirmedForUnit(ref, title, statusOf({ ...assignment, state: "done" }, vietnamDate(now)) === "done_on_time")
      : reviewTexts.returnedForUnit(ref, title, escapeHtml(note!));
  const waitUntil = (p: Promise<unknown>) => c.executionCtx.waitUntil(p);
  waitUntil(
    notifyMembers(
      c.env,
      [
        {
          memberId: report.memberId,
          subject: `report:${report.id}:${input.data.decision}`,
          assignmentId: assignment.id,
          text,
          actions: openTaskActions(assignment.id),
        },
      ],
      waitUntil,
    ),
  );
  return c.redirect(`/web/duyet?xong=${input.data.decision}`, 303);
});

const extensionDecision = z.object({ decision: z.enum(["approved", "refused"]) });

approvalRoutes.post("/duyet/gia-han/:id{[0-9]+}", async (c) => {
  const viewer = c.var.viewer;
  const input = extensionDecision.safeParse(await c.req.parseBody());
  if (!input.success) return refuse(c, "Quyết định không hợp lệ. Hãy quay lại danh sách chờ duyệt.", 400);
  const db = createDb(c.env.DB);
  const [request] = await extensionById(db, Number(c.req.param("id")));
  const assignment = request && (await assignmentById(db, request.assignmentId));
  if (!request || !assignment) return refuse(c, extensionTexts.alreadyDecided, 409);
  if (!canManagePlan(actorOf(c), planScopeOf(assignment))) return refuse(c, t.errors.manageOnly, 403);
  const approve = input.data.decision === "approved";
  const decided = await decideExtension(db, {
    requestId: request.id,
    adminId: viewer.memberId,
    approve,
    now: new Date().toISOString(),
  });
  if (!decided) return refuse(c, extensionTexts.alreadyDecided, 409);
  const text = approve
    ? extensionTexts.approvedForUnit(escapeHtml(assignment.ref), formatDate(request.proposedDue))
    : extensionTexts.refusedForUnit(
        escapeHtml(assignment.ref),
        formatDate(effectiveDue(assignment) ?? request.proposedDue),
        escapeHtml(assignment.monitorUnitName),
      );
  const waitUntil = (p: Promise<unknown>) => c.executionCtx.waitUntil(p);
  waitUntil(
    notifyMembers(
      c.env,
      [
        {
          memberId: request.requestedBy,
          subject: `extension:${request.id}:${approve ? "approved" : "refused"}`,
          assignmentId: assignment.id,
          text,
          actions: openTaskActions(assignment.id),
        },
      ],
      waitUntil,
    ),
  );
  return c.redirect(`/web/duyet?xong=${input.data.decision}`, 303);
});

function refuse(c: Context<WebEnv>, message: string, status: 400 | 403 | 409) {
  return c.html(<MessagePage title={t.errors.title} message={message} viewer={c.var.viewer} />, status);
}
