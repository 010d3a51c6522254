/** A plan file arrives: checked, downloaded, read, extracted and kept as a draft for review. Nothing else is written. */
import type { Document } from "grammy/types";
import { implementedNumbers } from "../../../core/plan-chain";
import { extractPlan } from "../../../core/plan-import/extract";
import { sourceHash } from "../../../core/plan-import/source-hash";
import { precheckPlanFile, readPlanFile, type PlanFileInfo } from "../../../core/plan-import/source-file";
import { cleanFileName } from "../../../core/text/file-name";
import type { MemberContext } from "../../context";
import { cancelImportKeyboard } from "../../keyboards/import";
import { importTexts as t } from "../../texts";
import { beginReview } from "./begin";
import { summaryView } from "./views";

export async function receivePlanFile(ctx: MemberContext, document: Document): Promise<void> {
  const info: PlanFileInfo = {
    name: cleanFileName(document.file_name),
    mime: document.mime_type ?? null,
    size: document.file_size ?? null,
  };
  const refused = precheckPlanFile(info);
  if (refused) return void (await ctx.port.send(t.rejected[refused], { html: true }));

  await ctx.port.working("typing").catch(() => undefined);
  const bytes = await download(ctx, document.file_id);
  if (!bytes) return void (await ctx.port.send(t.downloadFailed));
  const source = await readPlanFile(info, bytes);
  if (!source.ok) return void (await ctx.port.send(t.rejected[source.reason], { html: true }));

  const plan = extractPlan(source.text);
  // No task recognised is no dead end: the draft keeps what was read and the admin types the tasks.
  const noTasks = plan.tasks.length === 0;
  const review = await beginReview(
    ctx,
    // The plan carried out may be named after the first document of the preamble: kept for linking on confirmation.
    { plan, hash: await sourceHash(source.text), fileName: info.name, implementsNumbers: implementedNumbers(source.text) },
    noTasks ? "add_tasks" : "review",
  );
  if (!review) return;
  if (noTasks) {
    return void (await ctx.port.send(`${t.noTasks}\n\n${t.tasksFormat}`, {
      html: true,
      actions: cancelImportKeyboard(review.token),
    }));
  }
  const view = summaryView(ctx, review);
  await ctx.port.send(view.text, { html: true, actions: view.keyboard });
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
