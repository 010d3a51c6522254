/** The review's messages: the summary, one task, the unit pickers. Text only; keyboards live in bot/keyboards/import.ts. */
import type { Deadline } from "../../../core/deadline/types";
import { taskFlags } from "../../../core/plan-import/flags";
import { outsideIssuer } from "../../../core/plan-import/issuer-scope";
import { planTitle } from "../../../core/plan-import/plan-rows";
import { reviewedTask, summarize, type ScopeUnit, type TaskUnit, type UnitChoice } from "../../../core/plan-import/review";
import { formatDate } from "../../../core/time/vietnam-date";
import { escapeHtml, shorten } from "../../render/html";
import { importTexts as t } from "../../texts";
import type { Review } from "./state";

const LIST_LIMIT = 8;

export function summaryText(review: Review, adminUnitId: number): string {
  const { plan } = review.draft;
  const { choices } = review.data;
  const s = summarize(plan, choices, review.scope.units);
  const unitName = (id: number) => escapeHtml(review.scope.units.find((u) => u.id === id)?.name ?? `#${id}`);
  const title = planTitle(plan, review.draft.fileName);
  const lines = [t.summaryTitle, `<i>${escapeHtml(shorten(title, 200))}</i>`];
  if (plan.header.number)
    lines.push(t.summaryNumber(escapeHtml(plan.header.number), plan.header.issued_on ? formatDate(plan.header.issued_on) : null));
  lines.push(
    t.summaryIssuer(unitName(choices.issuerUnitId)),
    t.summaryMonitor(unitName(choices.monitorUnitId), choices.monitorUnitId === adminUnitId),
  );
  if (review.data.parentLine) lines.push(review.data.parentLine);
  lines.push("");
  lines.push(t.summaryTasks(s.tasks, s.dropped), t.summaryUnits(s.existingUnits, s.newUnits.length, s.skippedUnits));
  if (s.targets > 0) lines.push(t.summaryTargets(s.targets));
  if (s.withoutDeadline > 0) lines.push(t.summaryNoDeadline(s.withoutDeadline));
  if (s.withoutLead > 0) lines.push(t.summaryNoLead(s.withoutLead));
  if (s.flagged > 0) lines.push(t.summaryFlagged(s.flagged));
  if (s.newUnits.length > 0) {
    lines.push("", t.summaryNewUnits);
    const groups = new Set(s.groupsWithoutMembers);
    lines.push(...limited(s.newUnits, (name) => `  – ${escapeHtml(name)}${groups.has(name) ? " 👥" : ""}`));
    if (s.groupsWithoutMembers.length > 0) lines.push(t.summaryGroupNote);
  }
  const outside = outsideIssuer(plan, choices, review.scope.units);
  if (outside.leftOut.length > 0) {
    lines.push("", t.summaryOutside(unitName(choices.issuerUnitId)));
    lines.push(...limited(outside.leftOut, (i) => `  – ${escapeHtml(plan.units[i]!)}`));
  }
  if (outside.refused.length > 0) {
    lines.push("", t.summaryRefused(outside.refused.length));
    lines.push(...limited(outside.refused, (task) => `  – ${escapeHtml(task.ref)} ${escapeHtml(shorten(task.title, 80))}`));
  }
  if (s.warnings.length > 0) {
    lines.push("", t.summaryWarnings, ...limited(s.warnings, (w) => `  – ${escapeHtml(shorten(w, 120))}`, 5));
  }
  lines.push("", t.summaryFooter);
  return lines.join("\n");
}

function limited<T>(items: T[], line: (item: T) => string, limit = LIST_LIMIT): string[] {
  const shown = items.length > limit ? items.slice(0, limit - 1) : items;
  return [...shown.map(line), ...(shown.length < items.length ? [t.more(items.length - shown.length)] : [])];
}

export function taskText(review: Review, index: number, note?: string): string {
  const { plan } = review.draft;
  const task = reviewedTask(plan, review.data.choices, index);
  const scope = new Map(review.scope.units.map((u) => [u.id, u]));
  const lines: string[] = [];
  if (note) lines.push(note, "");
  lines.push(t.taskHeader(index + 1, plan.tasks.length, escapeHtml(task.ref || "—")));
  if (task.dropped) lines.push(t.taskDropped);
  const flags = task.dropped ? [] : taskFlags(task);
  if (flags.length > 0) lines.push(t.taskFlags(flags.map((f) => t.flag[f]).join("; ")));
  lines.push(escapeHtml(shorten(task.title, 600)), "");
  const units = (list: TaskUnit[]) => list.map((u) => unitLabel(u, scope)).join("; ");
  lines.push(task.lead.length > 0 ? t.taskLead(units(task.lead)) : t.taskNoLead);
  if (task.coop.length > 0) lines.push(t.taskCoop(units(task.coop)));
  const meaning = describeDeadline(task.deadline);
  if (task.deadlineEdited) {
    lines.push(
      t.taskDeadlineEdited(
        escapeHtml(task.deadlineText ?? ""),
        meaning,
        task.originalDeadlineText && escapeHtml(task.originalDeadlineText),
      ),
    );
  } else if (task.deadlineText) {
    lines.push(t.taskDeadline(escapeHtml(shorten(task.deadlineText, 200)), meaning));
  } else lines.push(t.taskNoDeadline);
  return lines.join("\n");
}

/** "UBND huyện ✓", "Hội đồng nhân dân huyện ✓ → HĐND huyện", "Sở Nội vụ 🆕", "Các Đảng ủy… 👥 4 đơn vị". */
export function unitLabel(unit: TaskUnit, scope: Map<number, ScopeUnit>): string {
  const name = escapeHtml(unit.name);
  const choice = unit.choice;
  if (choice.kind === "skip") return `<s>${name}</s> ${t.unitMark.skip}`;
  const known = choice.kind === "existing" ? scope.get(choice.unitId) : undefined;
  if (!known) return `${name} ${choice.kind === "new" && choice.isGroup ? t.unitMark.freshGroup : t.unitMark.fresh}`;
  if (known.isGroup)
    return `${name} ${known.memberIds.length > 0 ? t.unitMark.group(known.memberIds.length) : t.unitMark.emptyGroup}`;
  // The committee's own name when the document spells it differently ("Hội đồng nhân dân huyện" → "HĐND huyện").
  return known.name === unit.name ? `${name} ${t.unitMark.existing}` : `${name} ${t.unitMark.renamed(escapeHtml(known.name))}`;
}

/** What a name currently becomes, for the picker's header. */
export function choiceLabel(choice: UnitChoice | undefined, scope: ScopeUnit[]): string {
  if (!choice || choice.kind === "skip") return t.currentChoice.skip;
  if (choice.kind === "new") return choice.isGroup ? t.currentChoice.freshGroup : t.currentChoice.fresh;
  const unit = scope.find((u) => u.id === choice.unitId);
  return unit ? t.currentChoice.existing(escapeHtml(unit.name)) : t.currentChoice.fresh;
}

/** The normalised deadline in words: "hạn 30/09/2024 (cuối quý)", "thường xuyên", "khi: sau khi …". */
export function describeDeadline(d: Deadline): string {
  const parts: string[] = [];
  if (d.due && d.start) parts.push(t.deadline.range(formatDate(d.start), formatDate(d.due)));
  else if (d.due && (d.kind === "month" || d.kind === "quarter" || d.kind === "year"))
    parts.push(t.deadline.endOf(t.periodWord[d.kind]!, formatDate(d.due)));
  else if (d.due) parts.push(t.deadline.due(formatDate(d.due)));
  else if (d.start) parts.push(t.deadline.from(formatDate(d.start)));
  if (!d.due && d.kind === "event") parts.push(t.deadline.event(escapeHtml(shorten(d.note ?? "", 120))));
  else if (d.kind === "per_plan") parts.push(t.deadline.perPlan);
  else if (d.kind === "recurring" && !d.recurrence) parts.push(t.deadline.cadenceUnwritten);
  if (d.recurrence) {
    const cadence = (d.dayOfMonth ? `${t.deadline.dayOfMonth(d.dayOfMonth)} ` : "") + t.deadline.recurrence[d.recurrence];
    parts.push(d.due ? t.deadline.afterwards(cadence) : cadence);
  }
  return parts.length > 0 ? parts.join(" · ") : t.deadline.none;
}
