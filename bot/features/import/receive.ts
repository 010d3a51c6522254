/** A plan file arrives: checked, downloaded, read, extracted and kept as a draft for review. Nothing else is written. */
import type { Document } from "grammy/types";
import { extractPlan } from "../../../core/plan-import/extract";
import { initialChoices, summarize } from "../../../core/plan-import/review";
import { sourceHash } from "../../../core/plan-import/source-hash";
import { precheckPlanFile, readPlanFile, type PlanFileInfo } from "../../../core/plan-import/source-file";
import { cleanFileName } from "../../../core/text/file-name";
import { formatDate } from "../../../core/time/vietnam-date";
import { importScope, planBySourceHash, saveImportDraft } from "../../../db/queries/plan-import";
import { startFlow } from "../../conversation";
import type { MemberContext } from "../../context";
import { summaryKeyboard } from "../../keyboards/import";
import { escapeHtml, shorten } from "../../render/html";
import { importTexts as t } from "../../texts";
import { summaryText } from "./render";
import { IMPORT_FLOW, type ImportFlowData, type Review } from "./state";

export async function receivePlanFile(ctx: MemberContext, document: Document): Promise<void> {
  const { member, deps } = ctx;
  const info: PlanFileInfo = { name: cleanFileName(document.file_name), mime: document.mime_type ?? null, size: document.file_size ?? null };
  const refused = precheckPlanFile(info);
  if (refused) return void (await ctx.port.send(t.rejected[refused], { html: true }));

  await ctx.port.working("typing").catch(() => undefined);
  const bytes = await download(ctx, document.file_id);
  if (!bytes) return void (await ctx.port.send(t.downloadFailed));
  const source = await readPlanFile(info, bytes);
  if (!source.ok) return void (await ctx.port.send(t.rejected[source.reason], { html: true }));

  const plan = extractPlan(source.text);
  if (plan.tasks.length === 0) return void (await ctx.port.send(t.noTasks, { html: true }));
  const hash = await sourceHash(source.text);
  const existing = await planBySourceHash(deps.db, hash);
  if (existing) {
    const name = escapeHtml(shorten(`${existing.number ? `${existing.number} · ` : ""}${existing.title}`, 200));
    return void (await ctx.port.send(t.duplicate(`<b>${name}</b>`, formatDate(existing.createdAt)), { html: true }));
  }

  const scope = await importScope(deps.db, member.unitId);
  const choices = initialChoices(plan, scope.units, { unitId: member.unitId, rootUnitId: scope.rootUnitId });
  const importId = await saveImportDraft(deps.db, { memberId: member.id, sourceHash: hash, fileName: info.name, plan });
  const data: ImportFlowData = { importId, choices, deadlineTask: null, back: null };
  const token = await startFlow(ctx, IMPORT_FLOW, "review", data as unknown as Record<string, unknown>);

  const { content: _prose, ...stored } = plan;
  const review: Review = {
    token,
    data: { ...data, importId, choices },
    draft: { id: importId, memberId: member.id, sourceHash: hash, fileName: info.name, status: "reviewing", planId: null, plan: stored },
    scope,
  };
  const newUnits = summarize(stored, choices, scope.units).newUnits.length;
  await ctx.port.send(summaryText(review, member.unitId), { html: true, actions: summaryKeyboard(token, newUnits) });
}

/** getFile, then the file URL the Bot API gives (the local fake serves the same path). */
async function download(ctx: MemberContext, fileId: string): Promise<Uint8Array | null> {
  try {
    const file = await ctx.api.getFile(fileId);
    if (!file.file_path) return null;
    const root = ctx.api.options?.apiRoot ?? "https://api.telegram.org";
    const response = await fetch(`${root}/file/bot${ctx.api.token}/${file.file_path}`);
    if (!response.ok) return null;
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    console.warn("plan file download failed", error);
    return null;
  }
}
