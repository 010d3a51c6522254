/** @jsxImportSource hono/jsx */
/**
 * Forms an official opens from a chat link (services/links.ts officialFormLink,
 * targetFormLink): no login, the signed short-lived link is the credential,
 * and each request re-checks the member and the chat's access policy.
 */
import { Hono, type Context } from "hono";
import { escapeHtml, shorten } from "../../bot/render/html";
import { extensionTexts, reportTexts } from "../../bot/texts";
import { canRecordTarget, type Actor } from "../../core/access/policy";
import { reportDecision } from "../../core/reporting/decision";
import { formatValue, parseTargetInput, periodLabelOf } from "../../core/report/target";
import { parseNote, parsePercent, parseProposedDate } from "../../core/reporting/input";
import { effectiveDue } from "../../core/status/of-assignment";
import { formatDate, formatDateTime, vietnamDate } from "../../core/time/vietnam-date";
import { createDb } from "../../db/client";
import { assignmentById, planScopeOf, type AssignmentView } from "../../db/queries/assignments";
import { createExtensionRequest } from "../../db/queries/extensions";
import { reachableAdminsOf } from "../../db/queries/members";
import { memberCard, type MemberCard } from "../../db/queries/people";
import { targetWithPlan } from "../../db/queries/plan-scope";
import { submitReport } from "../../db/queries/reports";
import { recordTargetValue } from "../../db/queries/targets";
import { verifyToken } from "../../services/signed-token";
import type { WebEnv } from "../env";
import { filesOf, storeEvidence } from "../evidence-upload";
import { MessagePage } from "../layout";
import { linkSecret, purposes, type FormClaims } from "../../services/links";
import { extensionActions, notifyMembers, reviewActions } from "../notify";
import type { Actions } from "../../bot/ports/actions";
import { OfficialFormPage, type FormSubject } from "../pages/official-form-page";
import { formTexts as f, webTexts as t } from "../texts";

export const officialFormRoutes = new Hono<WebEnv>();

/** Five files of 20 MB and the fields: anything larger is refused before it is read. */
const MAX_BODY_BYTES = 101 * 1024 * 1024;

type Loaded = { claims: FormClaims; member: MemberCard; actor: Actor; subject: FormSubject };

async function load(c: Context<WebEnv>): Promise<Loaded | Response> {
  const checked = await verifyToken<FormClaims>(linkSecret(c.env), purposes.form, c.req.param("token") ?? "", Date.now());
  if (!checked.ok) {
    const expired = checked.reason === "expired";
    return c.html(
      <MessagePage title={t.errors.title} message={expired ? t.link.expired : t.link.invalid} />,
      expired ? 410 : 400,
    );
  }
  const claims = checked.payload;
  const db = createDb(c.env.DB);
  const member = await memberCard(db, claims.m);
  if (!member || member.removedAt) return c.html(<MessagePage title={t.errors.title} message={t.link.memberGone} />, 403);
  const actor: Actor = { role: member.role, unitId: member.unitId };
  if (claims.k === "target") {
    const target = await targetWithPlan(c.env.DB, claims.t ?? 0);
    if (!target) return c.html(<MessagePage title={t.errors.title} message={t.errors.notFound} />, 404);
    if (!canRecordTarget(actor, target, target))
      return c.html(<MessagePage title={t.errors.title} message={f.errors.cannotRecord} />, 403);
    return { claims, member, actor, subject: { kind: "target", target } };
  }
  const assignment = await assignmentById(db, claims.a ?? 0);
  if (!assignment) return c.html(<MessagePage title={t.errors.title} message={t.errors.notFound} />, 404);
  const decision = reportDecision(actor, { ...assignment, plan: planScopeOf(assignment) }, claims.k);
  if (!decision.ok) {
    if (decision.reason === "not_allowed")
      return c.html(<MessagePage title={t.errors.title} message={reportTexts.refusal.not_allowed} />, 403);
    return c.html(<MessagePage title={f.titles[claims.k]} message={reportTexts.refusal[decision.reason]} kind="notice" />, 409);
  }
  return { claims, member, actor, subject: { kind: claims.k, assignment } };
}

officialFormRoutes.get("/bieu-mau/:token", async (c) => {
  const loaded = await load(c);
  if (loaded instanceof Response) return loaded;
  return c.html(
    <OfficialFormPage subject={loaded.subject} member={loaded.member} once={crypto.randomUUID()} values={{}} error={null} />,
  );
});

officialFormRoutes.post("/bieu-mau/:token", async (c) => {
  if (Number(c.req.header("content-length") ?? 0) > MAX_BODY_BYTES) {
    return c.html(<MessagePage title={t.errors.title} message={f.errors.too_large("đã chọn")} />, 413);
  }
  const loaded = await load(c);
  if (loaded instanceof Response) return loaded;
  const body = await c.req.parseBody({ all: true });
  const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
  const values = {
    percent: text("percent"),
    note: text("note"),
    proposedDue: text("proposedDue"),
    period: text("period"),
    value: text("value"),
  };
  const once = /^[0-9a-f-]{36}$/.test(text("once")) ? text("once") : crypto.randomUUID();
  const again = (error: string) =>
    c.html(<OfficialFormPage subject={loaded.subject} member={loaded.member} once={once} values={values} error={error} />, 400);
  const { subject, member } = loaded;
  const now = new Date();

  if (subject.kind === "target") {
    const input = parseTargetInput(
      `${values.period} ${values.value}${values.note.trim() ? `; ${values.note}` : ""}`,
      subject.target.unitOfMeasure,
    );
    if (!input.ok) return again(f.errors.target[input.reason]);
    await recordTargetValue(createDb(c.env.DB), {
      targetId: subject.target.id,
      period: input.period.key,
      value: input.value,
      note: input.note,
      memberId: member.id,
      now: now.toISOString(),
    });
    return c.html(
      <MessagePage
        title={f.titles.target}
        message={f.saved.target(periodLabelOf(input.period.key), formatValue(input.value, subject.target.unitOfMeasure))}
        kind="ok"
      />,
    );
  }

  const a = subject.assignment;
  const note = parseNote(values.note);
  if (subject.kind === "extension") {
    const due = effectiveDue(a);
    const date = parseProposedDate(values.proposedDue, vietnamDate(now), due);
    if (!date.ok)
      return again(
        {
          unparseable: extensionTexts.dateUnparseable,
          not_future: extensionTexts.dateNotFuture,
          not_later: extensionTexts.dateNotLater(formatDate(due ?? "")),
        }[date.reason],
      );
    if (!note.ok) return again(note.reason === "empty" ? f.errors.noteEmpty : f.errors.noteTooLong);
    const requestId = await createExtensionRequest(createDb(c.env.DB), {
      assignmentId: a.id,
      requestedBy: member.id,
      originalDue: due,
      proposedDue: date.value,
      reason: note.value,
      chatId: WEB_CHAT_KEY,
    });
    const html = extensionTexts.forAdmins(
      escapeHtml(a.unitName),
      escapeHtml(a.ref),
      escapeHtml(shorten(a.title, 300)),
      due ? formatDate(due) : "—",
      formatDate(date.value),
      escapeHtml(note.value),
    );
    c.executionCtx.waitUntil(tellAdmins(c, a, `extension:${requestId}`, html, extensionActions(requestId, a.id)));
    return c.html(<MessagePage title={f.titles.extension} message={f.saved.extension(a.monitorUnitName)} kind="ok" />);
  }

  let percent: number | null = 100;
  if (subject.kind === "progress") {
    const parsed = parsePercent(values.percent);
    if (!parsed.ok) return again(f.errors.percent);
    percent = parsed.value;
  }
  if (!note.ok) return again(note.reason === "empty" ? f.errors.noteEmpty : f.errors.noteTooLong);
  const upload = await storeEvidence(c.env.FILES, a.id, filesOf(body.files));
  if (!upload.ok) return again(f.errors[upload.reason](upload.file ?? ""));
  const result = await submitReport(createDb(c.env.DB), {
    assignmentId: a.id,
    memberId: member.id,
    chatId: WEB_CHAT_KEY,
    kind: subject.kind,
    percent,
    note: note.value,
    evidence: upload.evidence,
    dedupeKey: `web:${once}`,
    periodKey: null,
    now: now.toISOString(),
  });
  if (!result.ok) {
    await Promise.all(upload.keys.map((key) => c.env.FILES?.delete(key)));
    return c.html(
      <MessagePage title={f.titles[subject.kind as "progress" | "completion"]} message={f.errors.duplicate} kind="notice" />,
      409,
    );
  }
  if (subject.kind === "completion") {
    const html = reportTexts.adminCompletion(
      escapeHtml(a.unitName),
      escapeHtml(a.ref),
      escapeHtml(shorten(a.title, 300)),
      escapeHtml(shorten(note.value, 500)),
      upload.evidence.length,
      `báo cáo trên web lúc ${formatDateTime(now)}`,
    );
    c.executionCtx.waitUntil(tellAdmins(c, a, `report:${result.reportId}`, html, reviewActions(result.reportId, a.id)));
    return c.html(<MessagePage title={f.titles.completion} message={f.saved.completion(a.monitorUnitName)} kind="ok" />);
  }
  return c.html(<MessagePage title={f.titles.progress} message={f.saved.progress(percent!)} kind="ok" />);
});

/** The same notice the chat's flows send the office, with the same subject: told once whichever way the report came. */
async function tellAdmins(c: Context<WebEnv>, a: AssignmentView, subject: string, html: string, actions: Actions): Promise<void> {
  const admins = await reachableAdminsOf(createDb(c.env.DB), a.planMonitorUnitId);
  const waitUntil = (p: Promise<unknown>) => c.executionCtx.waitUntil(p);
  await notifyMembers(
    c.env,
    admins.map((m) => ({ memberId: m.id, subject, assignmentId: a.id, text: html, actions })),
    waitUntil,
  );
}

/** Reports made on the web belong to no chat: no chat flow is ended by them. */
const WEB_CHAT_KEY = "web";
