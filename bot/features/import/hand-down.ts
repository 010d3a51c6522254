/**
 * "Bắt đầu từ nhiệm vụ được giao" (handing down): before any file, the admin
 * starts the unit's implementing plan from the tasks a plan above gave it.
 * The offers are read again on every press (db/queries handDownOffers: only
 * units the admin may import for, core/access canImportFor), so a forged or
 * stale button writes nothing; the chosen one becomes a draft
 * (startHandedDownDraft) reviewed like a file's, and saving links it.
 */
import { childPlanName } from "../../../core/plan-chain";
import { type HandDownOffer, handDownOffers, startHandedDownDraft } from "../../../db/queries/plan-chain-import";
import type { ImportAction } from "../../callback-data";
import { activeFlow } from "../../conversation";
import type { MemberContext } from "../../context";
import { awaitFileKeyboard, handDownKeyboard } from "../../keyboards/import";
import { escapeHtml } from "../../render/html";
import { parentPlanName } from "../../render/unit-plans";
import { importTexts } from "../../texts";
import { reviewDraft } from "./begin";
import { IMPORT_FLOW, type ImportFlowData } from "./state";
import { summaryView } from "./views";

const t = importTexts.handDown;
/** Offers listed at once; a unit is given work by a few plans at a time. */
const OFFERS_MAX = 20;

export async function onHandDownButton(
  ctx: MemberContext,
  token: string,
  action: Extract<ImportAction, { kind: "offers" | "handDown" }>,
): Promise<void> {
  const flow = activeFlow(ctx, IMPORT_FLOW, token);
  if (!flow) return void (await ctx.port.answer({ text: importTexts.stale, alert: true }));
  // A second press once the draft exists (a double tap, an old screen): the review already open stays, nothing is written.
  if ((flow.data as unknown as ImportFlowData).importId !== null) return say(ctx, t.already);
  if (action.kind === "handDown") {
    // Plans the unit already carries out are kept here, so a press on an old screen is told so.
    const all = await handDownOffers(ctx.deps.db, ctx.member, { includeImplemented: true });
    const offer = all.find((o) => o.parent.planId === action.parentPlanId && o.unitId === action.unitId);
    return offer ? start(ctx, token, offer, all.length) : say(ctx, t.refused);
  }
  const offers = (await handDownOffers(ctx.deps.db, ctx.member)).slice(0, OFFERS_MAX);
  if (offers.length === 0) return say(ctx, t.none, awaitFileKeyboard(token));
  if (offers.length === 1) return start(ctx, token, offers[0]!, 1);
  const lines = [t.choose, ""];
  for (const o of offers) lines.push(t.line(parentPlanName(o.parent), escapeHtml(o.unitName), o.tasks));
  lines.push("", t.footer);
  // The unit is named on the button only when the offers are for several of the admin's units.
  const units = new Set(offers.map((o) => o.unitId)).size;
  const label = (o: HandDownOffer) => `${childPlanName(o.parent)}${units > 1 ? ` · ${o.unitName}` : ""}`;
  await ctx.port.answer();
  await ctx.port.show(
    lines.join("\n"),
    handDownKeyboard(
      token,
      offers.map((o) => ({ parentPlanId: o.parent.planId, unitId: o.unitId, label: label(o) })),
    ),
  );
}

/** The draft from the offer, then the review's summary in place of the screen pressed. */
async function start(ctx: MemberContext, token: string, offer: HandDownOffer, offered: number): Promise<void> {
  const started = await startHandedDownDraft(ctx.deps.db, {
    memberId: ctx.member.id,
    unitId: offer.unitId,
    unitName: offer.unitName,
    parent: offer.parent,
  });
  if (!started.ok) {
    if (started.reason === "nothing") return say(ctx, t.none, awaitFileKeyboard(token));
    return say(ctx, t.duplicate(parentPlanName(offer.parent)), awaitFileKeyboard(token, offered > 1));
  }
  const review = await reviewDraft(
    ctx,
    { importId: started.draftId, plan: started.plan, hash: started.sourceHash, fileName: null },
    "review",
    { continueFlow: true },
  );
  await ctx.port.answer();
  const view = summaryView(ctx, review, t.started(started.plan.tasks.length));
  await ctx.port.show(view.text, view.keyboard);
}

/** A refusal or a dead end stays in the chat (not a passing alert): it says why and what to do next. */
async function say(ctx: MemberContext, text: string, actions?: ReturnType<typeof awaitFileKeyboard>): Promise<void> {
  await ctx.port.answer();
  await ctx.port.send(text, { html: true, actions });
}
