/** The plan above that an imported plan carries out: named in the review, linked on saving (db/queries/plan-chain-import). */
import { importParent } from "../../../db/queries/plan-chain-import";
import type { MemberContext } from "../../context";
import { escapeHtml, shorten } from "../../render/html";
import { parentPlanName } from "../../render/unit-plans";
import { chainTexts } from "../../texts";

/**
 * The review's line about the parent plan the document names ("Thực hiện Kế
 * hoạch số …"): the plan found among those giving work to the issuer or a
 * unit above it, or that it was not found and how to link later. Null when
 * the document names none. Kept in the flow's data, so buttons cost no read.
 */
export async function parentLine(
  ctx: MemberContext,
  draftId: number,
  issuerUnitId: number,
  implementsText: string | null,
): Promise<string | null> {
  if (!implementsText) return null;
  const { proposed } = await importParent(ctx.deps.db, { id: draftId, issuerUnitId, implementsText });
  return proposed
    ? chainTexts.review.parent(parentPlanName(proposed))
    : chainTexts.review.parentMissing(escapeHtml(shorten(implementsText, 120)));
}
