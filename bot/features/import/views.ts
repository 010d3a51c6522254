/** The review's two main screens with their actions: the summary and one task. */
import { summarize } from "../../../core/plan-import/review";
import type { MemberContext } from "../../context";
import { summaryKeyboard, taskKeyboard } from "../../keyboards/import";
import type { Actions } from "../../ports/actions";
import { summaryText, taskText } from "./render";
import type { Review } from "./state";

export interface View {
  text: string;
  keyboard: Actions;
}

export function summaryView(ctx: MemberContext, review: Review, note?: string): View {
  const newUnits = summarize(review.draft.plan, review.data.choices, review.scope.units).newUnits.length;
  const text = summaryText(review, ctx.member.unitId);
  return {
    text: note ? `${note}\n\n${text}` : text,
    keyboard: summaryKeyboard(review.token, newUnits, review.draft.plan.tasks.length),
  };
}

export function taskView(review: Review, task: number, note?: string): View {
  const dropped = review.data.choices.dropped.includes(task);
  return {
    text: taskText(review, task, note),
    keyboard: taskKeyboard(review.token, task, review.draft.plan.tasks.length, dropped),
  };
}
