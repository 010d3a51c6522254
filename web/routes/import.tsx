/** @jsxImportSource hono/jsx */
import { Hono, type Context } from "hono";
import { importTexts } from "../../bot/texts";
import { isAdmin } from "../../core/access/policy";
import { extractPlan } from "../../core/plan-import/extract";
import { planRows } from "../../core/plan-import/plan-rows";
import {
  applyUnitEdits,
  scopeUnitByName,
  splitUnitNames,
  tasksWithoutUnits,
  webInitialChoices,
  type UnitDecision,
} from "../../core/plan-import/web-review";
import { insideIssuer, issuerProblem, outsideIssuer } from "../../core/plan-import/issuer-scope";
import type { ImportChoices, ReviewPlan } from "../../core/plan-import/review";
import { sourceHash } from "../../core/plan-import/source-hash";
import { precheckPlanFile, readPlanFile } from "../../core/plan-import/source-file";
import { applyTableEdits, type NewTaskEdit, type TaskRowEdit } from "../../core/plan-import/table-edits";
import { formatDate } from "../../core/time/vietnam-date";
import { childPlanName, implementedNumbers, type ParentCandidate } from "../../core/plan-chain";
import {
  type HandDownOffer,
  handDownOffers,
  importLinkStatements,
  importParent,
  startHandedDownDraft,
} from "../../db/queries/plan-chain-import";
import { createDb } from "../../db/client";
import {
  type ImportScope,
  importDraft,
  importScope,
  planBySourceHash,
  saveImportDraft,
  writeImportedPlan,
} from "../../db/queries/plan-import";
import type { WebEnv } from "../env";
import { MessagePage, Page } from "../layout";
import { ImportReviewPage, ImportUploadPage, SPARE_ROWS } from "../pages/import-page";
import { actorOf, planHref } from "../plan-context";
import { importWebTexts as t } from "../texts";

/**
 * /web/nhap — a plan file read as the chat reads it (core/plan-import,
 * core/docx), reviewed as one table, written by the same batch
 * (writeImportedPlan). Admins only.
 */
export const importRoutes = new Hono<WebEnv>();

importRoutes.use("/nhap/*", adminOnly);
importRoutes.use("/nhap", adminOnly);

async function adminOnly(c: Context<WebEnv>, next: () => Promise<void>) {
  if (!isAdmin(actorOf(c))) return c.html(<MessagePage title={t.title} message={t.adminOnly} viewer={c.var.viewer} />, 403);
  await next();
}

/** What the review must say before saving: who issues and monitors, and what lies outside the issuer's tree. */
function reviewNotes(plan: ReviewPlan, choices: ImportChoices, scope: ImportScope): string[] {
  const name = (id: number) => scope.units.find((u) => u.id === id)?.name ?? `#${id}`;
  const issuer = name(choices.issuerUnitId);
  const outside = outsideIssuer(plan, choices, scope.units);
  return [
    t.issuedBy(issuer, name(choices.monitorUnitId)),
    ...(outside.refused.length > 0
      ? [t.refusedTasks(outside.refused.map((task) => `${task.ref} ${task.title}`).join("; "))]
      : []),
    ...(outside.leftOut.length > 0 ? [t.leftOutUnits(outside.leftOut.map((i) => plan.units[i]!).join("; "))] : []),
  ];
}

const stripHtml = (s: string) => s.replace(/<[^>]+>/g, "");

/** Plans above that gave tasks to a unit the admin imports for: each can start that unit's own plan. */
function offersFor(c: Context<WebEnv>, options?: { includeImplemented: boolean }): Promise<HandDownOffer[]> {
  return handDownOffers(createDb(c.env.DB), actorOf(c), options);
}

function uploadPage(c: Context<WebEnv>, error: string | null, status: 200 | 400 | 403 | 409 | 413 | 415 = 200) {
  return offersFor(c).then((offers) => c.html(<ImportUploadPage viewer={c.var.viewer} error={error} offers={offers} />, status));
}

importRoutes.get("/nhap", (c) => uploadPage(c, null));

/** "Bắt đầu từ nhiệm vụ được giao": a draft of the unit's plan from the tasks the parent gave it, then the usual review. */
importRoutes.post("/nhap/tu-ke-hoach", async (c) => {
  const body = await c.req.parseBody();
  const parentId = Number(body.parent);
  const unitId = Number(body.unit);
  const offer = (await offersFor(c, { includeImplemented: true })).find(
    (o) => o.parent.planId === parentId && o.unitId === unitId,
  );
  if (!offer) return uploadPage(c, t.handDownRefused, 403);
  const started = await startHandedDownDraft(createDb(c.env.DB), {
    memberId: c.var.viewer.memberId,
    unitId: offer.unitId,
    unitName: offer.unitName,
    parent: offer.parent,
  });
  if (!started.ok) return uploadPage(c, started.reason === "duplicate" ? t.handDownDuplicate : t.handDownRefused, 409);
  return c.redirect(`/web/nhap/${started.draftId}`, 303);
});

importRoutes.post("/nhap", async (c) => {
  const viewer = c.var.viewer;
  const refuse = (message: string, status: 400 | 409 | 413 | 415) => uploadPage(c, message, status);
  const file = (await c.req.parseBody({ all: true })).file;
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return refuse(t.noFile, 400);
  const info = { name: file.name || null, mime: file.type || null, size: file.size };
  const refused = precheckPlanFile(info);
  if (refused)
    return refuse(stripHtml(importTexts.rejected[refused]), refused === "too_large" || refused === "pdf_too_large" ? 413 : 415);
  const source = await readPlanFile(info, new Uint8Array(await file.arrayBuffer()));
  if (!source.ok) return refuse(stripHtml(importTexts.rejected[source.reason]), 415);
  const plan = extractPlan(source.text);
  if (plan.tasks.length === 0) return refuse(t.noTasks, 400);
  const db = createDb(c.env.DB);
  const hash = await sourceHash(source.text);
  const existing = await planBySourceHash(db, hash);
  if (existing)
    return refuse(
      t.duplicate(`${existing.number ? `${existing.number} · ` : ""}${existing.title}`, formatDate(existing.createdAt)),
      409,
    );
  const id = await saveImportDraft(db, {
    memberId: viewer.memberId,
    sourceHash: hash,
    fileName: info.name,
    plan,
    implementsNumbers: implementedNumbers(source.text),
  });
  return c.redirect(`/web/nhap/${id}`, 303);
});

async function loadDraft(c: Context<WebEnv>) {
  const db = createDb(c.env.DB);
  const draft = await importDraft(db, Number(c.req.param("id")));
  if (!draft || draft.memberId !== c.var.viewer.memberId || draft.status !== "reviewing") return null;
  const scope = await importScope(db, c.var.viewer.unitId);
  const choices = webInitialChoices(draft.plan, scope.units, {
    unitId: c.var.viewer.unitId,
    issuerIds: scope.issuers.map((i) => i.unitId),
  });
  // Lead units are picked inside the issuer's tree only (core/access canAssignInPlan).
  const pickable = scope.units.filter((u) => insideIssuer(scope.units, choices.issuerUnitId, u.id));
  const parent = await importParent(db, {
    id: draft.id,
    issuerUnitId: choices.issuerUnitId,
    implementsText: draft.plan.header.implements,
  });
  return { db, draft, scope, choices, pickable, parent };
}

importRoutes.get("/nhap/:id{[0-9]+}", async (c) => {
  const loaded = await loadDraft(c);
  if (!loaded) return c.html(<MessagePage title={t.title} message={t.draftGone} viewer={c.var.viewer} />, 404);
  return c.html(
    <ImportReviewPage
      viewer={c.var.viewer}
      draft={loaded.draft}
      scope={loaded.pickable}
      outside={reviewNotes(loaded.draft.plan, loaded.choices, loaded.scope)}
      choices={loaded.choices}
      parent={loaded.parent}
      errors={[]}
      form={null}
    />,
  );
});

importRoutes.post("/nhap/:id{[0-9]+}", async (c) => {
  const viewer = c.var.viewer;
  const loaded = await loadDraft(c);
  if (!loaded) return c.html(<MessagePage title={t.title} message={t.draftGone} viewer={viewer} />, 404);
  const { db, draft, scope, choices, pickable, parent } = loaded;
  if (issuerProblem(actorOf(c), scope, choices))
    return c.html(<MessagePage title={t.title} message={t.issuerRefused} viewer={viewer} />, 403);
  const body = await c.req.parseBody();
  const field = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
  const again = (errors: string[]) =>
    c.html(
      <ImportReviewPage
        viewer={viewer}
        draft={draft}
        scope={pickable}
        outside={reviewNotes(draft.plan, choices, scope)}
        choices={choices}
        parent={parent}
        errors={errors}
        form={body as Record<string, string>}
      />,
      400,
    );

  // The document's unit names first (one decision per name), then the units typed on each task.
  const decisions: UnitDecision[] = draft.plan.units.flatMap((_, index): UnitDecision[] => {
    const choice = field(`unit-${index}`);
    if (choice === "existing") return [{ index, choice, unitName: field(`unit-name-${index}`) }];
    return choice === "new" || choice === "skip" ? [{ index, choice }] : [];
  });
  const units = applyUnitEdits(
    draft.plan,
    choices,
    pickable,
    decisions,
    draft.plan.tasks.map((_, index) => ({
      index,
      lead: `lead-${index}` in body ? splitUnitNames(field(`lead-${index}`)) : null,
      coop: `coop-${index}` in body ? splitUnitNames(field(`coop-${index}`)) : null,
    })),
  );
  if (!units.ok) return again(units.errors.map((e) => t.unitNotInList(e.row, e.name)));

  const refIndex = (ref: string, before: number) => {
    const wanted = ref.trim().replace(/\.$/, "");
    if (!wanted) return null;
    const at = draft.plan.tasks.findIndex((task, k) => k < before && task.ref === wanted);
    return at >= 0 ? at : before; // an index not before the task: refused as a merge target
  };
  const rows: TaskRowEdit[] = draft.plan.tasks.map((_, i) => ({
    index: i,
    title: field(`title-${i}`),
    leadUnitId: null,
    deadlineText: field(`deadline-${i}`),
    drop: field(`drop-${i}`) === "1",
    splitInto: field(`split-${i}`).split(/\r?\n/),
    mergeInto: refIndex(field(`merge-${i}`), i),
  }));
  const unknownNew: string[] = [];
  const added: NewTaskEdit[] = Array.from({ length: SPARE_ROWS }, (_, j) => {
    const typed = field(`new-lead-${j}`).trim();
    const unit = typed ? scopeUnitByName(pickable, typed) : null;
    if (typed && !unit && field(`new-title-${j}`).trim()) unknownNew.push(t.unitNotInList(`Nhiệm vụ thêm ${j + 1}`, typed));
    return { title: field(`new-title-${j}`), leadUnitId: unit?.id ?? null, deadlineText: field(`new-deadline-${j}`) };
  });
  if (unknownNew.length > 0) return again(unknownNew);
  const edited = applyTableEdits(units.plan, units.choices, pickable, rows, added);
  if (!edited.ok) return again(edited.errors.map((e) => t.errors[e.reason](e.row)));
  // A task nobody would receive is not saved silently with no assignment.
  const orphans = tasksWithoutUnits(edited.plan, edited.choices);
  if (orphans.length > 0) return again([t.withoutUnits(orphans.join(", "))]);
  const rowsToWrite = planRows(edited.plan, edited.choices, {
    sourceHash: draft.sourceHash,
    scope: scope.units,
    fileName: draft.fileName,
  });
  // The parent plan picked in the review ("0": none); a form without the field keeps the proposal.
  const picked = "parent" in body ? Number(field("parent")) : (parent.proposed?.planId ?? 0);
  const parentPlan: ParentCandidate | null = picked === 0 ? null : (parent.candidates.find((p) => p.planId === picked) ?? null);
  if (picked !== 0 && !parentPlan) return again([t.parentNotInList]);
  const link = parentPlan ? await importLinkStatements(db, rowsToWrite, parentPlan, viewer.memberId) : null;
  if (link && !link.ok) return again([t.parentRefused[link.reason]]);
  const detail = {
    importId: draft.id,
    file: draft.fileName,
    via: "web",
    tasks: rowsToWrite.tasks.length,
    assignments: rowsToWrite.assignments.length,
    newUnits: rowsToWrite.newUnits.map((u) => u.name),
    dropped: edited.choices.dropped.map((i) => draft.plan.tasks[i]?.ref),
    added: added.filter((a) => a.title.trim()).length,
    leftOutUnits: rowsToWrite.leftOutUnits,
    refusedTasks: rowsToWrite.refusedTasks.map((task) => task.ref),
  };
  const result = await writeImportedPlan(
    db,
    rowsToWrite,
    { memberId: viewer.memberId, draftId: draft.id, detail: { ...detail, parentPlanId: parentPlan?.planId ?? null } },
    link?.ok ? link.statements : [],
  );
  if (!result.ok)
    return c.html(<MessagePage title={t.title} message={t.duplicate(rowsToWrite.plan.title, "trước đó")} viewer={viewer} />, 409);
  return c.html(
    <Page title={t.title} viewer={viewer}>
      <p class="ok" role="status">
        {t.saved(rowsToWrite.plan.title, result.counts.tasks, result.counts.assignments, result.counts.newUnits)}
      </p>
      {rowsToWrite.refusedTasks.length > 0 && (
        <p class="notice">{t.refusedTasks(rowsToWrite.refusedTasks.map((task) => `${task.ref} ${task.title}`).join("; "))}</p>
      )}
      {rowsToWrite.leftOutUnits.length > 0 && <p class="notice">{t.leftOutUnits(rowsToWrite.leftOutUnits.join("; "))}</p>}
      {parentPlan && link?.ok && (
        <p class="ok" id="linked-parent">
          {t.linked(`${childPlanName(parentPlan)} của ${parentPlan.issuerName}`, link.reported)}
        </p>
      )}
      <p>
        <a href={planHref(result.planId)}>{t.openPlan}</a>
      </p>
    </Page>,
  );
});
