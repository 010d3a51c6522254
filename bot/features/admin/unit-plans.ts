import { Composer } from "grammy";
import { foldText } from "../../../core/text/fold";
import { formatDate, vietnamDate } from "../../../core/time/vietnam-date";
import { childPlansByUnit } from "../../../db/queries/plan-chain";
import { adminOverview, adminUnit, unitPlansPage } from "../../callback-data";
import type { MemberContext } from "../../context";
import { numberButtons, pager } from "../../keyboards/admin";
import { Actions } from "../../ports/actions";
import { escapeHtml } from "../../render/html";
import { childPlanLabel, unitIssuance } from "../../render/unit-plans";
import { adminTexts, chainTexts } from "../../texts";
import { paginate, planFor, planLabel, show } from "./scope";

const t = chainTexts.rollup;
const UNITS_PER_PAGE = 8;

/**
 * /khdonvi [chua]: the plan's units and their own implementing plans —
 * issued (number, date, progress) or not (the planning task's deadline,
 * late or not); "chua" or the button lists only those that have not issued
 * theirs. Read-only: whoever reads the plan reads this.
 */
export const unitPlansFeature = new Composer<MemberContext>();

unitPlansFeature.command("khdonvi", (ctx) =>
  renderUnitPlans(ctx, foldText(ctx.match).trim().startsWith("chua") ? "missing" : "all", 0),
);
unitPlansFeature.callbackQuery(unitPlansPage.pattern, (ctx) =>
  renderUnitPlans(ctx, ctx.match[1] === "m" ? "missing" : "all", Number(ctx.match[2])),
);

async function renderUnitPlans(ctx: MemberContext, only: "all" | "missing", requestedPage: number): Promise<void> {
  const plan = await planFor(ctx, "read");
  if (!plan) return;
  const today = vietnamDate(ctx.deps.now());
  const all = unitIssuance(await childPlansByUnit(ctx.deps.db, plan.id, today), today);
  const issuedCount = all.filter((u) => u.issued).length;
  // Not issued: the late ones first, then by deadline.
  const listed =
    only === "all"
      ? all
      : all
          .filter((u) => !u.issued)
          .sort(
            (a, b) =>
              Number(b.late) - Number(a.late) || (a.unit.planningTask?.due ?? "9").localeCompare(b.unit.planningTask?.due ?? "9"),
          );
  const { page, pages, offset } = paginate(listed.length, UNITS_PER_PAGE, requestedPage);
  const shown = listed.slice(offset, offset + UNITS_PER_PAGE);

  const lines = [
    only === "all"
      ? t.header(planLabel(plan), issuedCount, all.length)
      : t.headerMissing(planLabel(plan), all.length - issuedCount, all.length),
    "",
  ];
  if (all.length === 0) lines.push(t.none);
  else if (listed.length === 0) lines.push(t.allIssued);
  shown.forEach(({ unit, issued, late }, i) => {
    const n = offset + i + 1;
    const name = escapeHtml(unit.unitName);
    if (!issued) {
      const due = unit.planningTask?.due;
      lines.push(t.missing(n, name, due ? formatDate(due) : null, late));
      return;
    }
    const [first, ...others] = unit.plans;
    lines.push(t.issued(n, name, childPlanLabel(first!), first!.issuedOn ? formatDate(first!.issuedOn) : null));
    lines.push(t.progress(first!.done, first!.assignments, first!.doneOnTime, first!.overdue));
    if (others.length > 0) lines.push(t.more(others.length));
  });
  if (shown.length > 0) lines.push("", t.footer);

  const keyboard = numberButtons(
    new Actions(),
    offset + 1,
    shown.map((u) => adminUnit.build(u.unit.unitId)),
  );
  pager(keyboard, page, pages, (p) => unitPlansPage.build(only, p));
  if (only === "all" && issuedCount < all.length) keyboard.text(t.onlyMissing, unitPlansPage.build("missing"));
  if (only === "missing") keyboard.text(t.all, unitPlansPage.build("all"));
  keyboard.text(adminTexts.back, adminOverview.build());
  await show(ctx, lines.join("\n"), keyboard);
}
