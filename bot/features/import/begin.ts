/**
 * A plan read (from a file, or from a typed list) or handed down from the
 * plan above: kept as a draft and its review begun. Nothing else is written.
 */
import type { ExtractedPlan } from "../../../core/plan-import/extract";
import { initialChoices } from "../../../core/plan-import/review";
import { formatDate } from "../../../core/time/vietnam-date";
import { importScope, planBySourceHash, saveImportDraft, type StoredExtraction } from "../../../db/queries/plan-import";
import { activeFlow, advanceFlow, startFlow } from "../../conversation";
import type { MemberContext } from "../../context";
import { escapeHtml, shorten } from "../../render/html";
import { importTexts as t } from "../../texts";
import { parentLine } from "./parent";
import { IMPORT_FLOW, type ImportFlowData, type ImportStep, type Review } from "./state";

/** The review of a new draft, or null when the same text was imported before (the admin is told). */
export async function beginReview(
  ctx: MemberContext,
  source: { plan: ExtractedPlan; hash: string; fileName: string | null; implementsNumbers?: string[] },
  step: ImportStep,
  options: { continueFlow?: boolean } = {},
): Promise<Review | null> {
  const { member, deps } = ctx;
  const existing = await planBySourceHash(deps.db, source.hash);
  if (existing) {
    const name = escapeHtml(shorten(`${existing.number ? `${existing.number} · ` : ""}${existing.title}`, 200));
    await ctx.port.send(t.duplicate(`<b>${name}</b>`, formatDate(existing.createdAt)), { html: true });
    return null;
  }
  const importId = await saveImportDraft(deps.db, {
    memberId: member.id,
    sourceHash: source.hash,
    fileName: source.fileName,
    plan: source.plan,
    implementsNumbers: source.implementsNumbers,
  });
  const { content: _prose, ...plan } = source.plan;
  return reviewDraft(ctx, { ...source, plan, importId }, step, options);
}

/** The review of a draft already written (a document read, or a plan handed down from the plan above): its flow begins. */
export async function reviewDraft(
  ctx: MemberContext,
  source: { importId: number; plan: StoredExtraction; hash: string; fileName: string | null },
  step: ImportStep,
  options: { continueFlow?: boolean } = {},
): Promise<Review> {
  const { member, deps } = ctx;
  const { importId } = source;
  const scope = await importScope(deps.db, member.unitId);
  const choices = initialChoices(source.plan, scope.units, {
    unitId: member.unitId,
    issuerIds: scope.issuers.map((i) => i.unitId),
  });
  const data: ImportFlowData = {
    importId,
    choices,
    deadlineTask: null,
    back: null,
    editTask: null,
    parentLine: await parentLine(ctx, importId, choices.issuerUnitId, source.plan.header.implements),
  };
  // A list typed after /nhapkh continues that flow (its buttons stay valid); a file starts a new one.
  const current = activeFlow(ctx, IMPORT_FLOW);
  let flowToken: string;
  if (options.continueFlow && current) {
    await advanceFlow(ctx, step, data as unknown as Record<string, unknown>);
    flowToken = current.token;
  } else {
    flowToken = await startFlow(ctx, IMPORT_FLOW, step, data as unknown as Record<string, unknown>);
  }
  return {
    token: flowToken,
    data: { ...data, importId, choices },
    draft: {
      id: importId,
      memberId: member.id,
      sourceHash: source.hash,
      fileName: source.fileName,
      status: "reviewing",
      planId: null,
      plan: source.plan,
    },
    scope,
  };
}
