import type { AssignmentStatus } from "../../core/status/derive";
import { Actions } from "../ports/actions";
import {
  checkinCadenceMenu,
  startCheckin,
  startCompletion,
  startExtension,
  startReport,
  taskFullText,
  taskHistory,
  taskListPage,
} from "../callback-data";
import { texts } from "../texts";

export interface CardActions {
  assignmentId: number;
  status: AssignmentStatus;
  canReport: boolean;
  recurring: boolean;
  hasDue: boolean;
  shortened: boolean;
  /** Admins of the plan may set how often a recurring duty checks in. */
  canSetCadence: boolean;
}

/** What can be done from a card: report while the task is open, otherwise read. */
export function taskCardKeyboard(a: CardActions): Actions {
  const keyboard = new Actions();
  const open = !["awaiting_confirmation", "done_on_time", "done_late"].includes(a.status);
  if (a.canReport && open) {
    if (a.recurring && !a.hasDue) {
      keyboard.text(texts.cardButtons.checkin, startCheckin.build(a.assignmentId)).row();
    } else {
      keyboard
        .text(texts.cardButtons.progress, startReport.build(a.assignmentId))
        .text(texts.cardButtons.done, startCompletion.build(a.assignmentId))
        .row();
      if (a.recurring) keyboard.text(texts.cardButtons.checkin, startCheckin.build(a.assignmentId)).row();
      if (a.hasDue) keyboard.text(texts.cardButtons.extend, startExtension.build(a.assignmentId));
    }
  }
  keyboard.text(texts.cardButtons.history, taskHistory.build(a.assignmentId));
  if (a.recurring && a.canSetCadence) keyboard.text(texts.cardButtons.cadence, checkinCadenceMenu.build(a.assignmentId));
  keyboard.row();
  if (a.shortened) keyboard.text(texts.cardButtons.fullText, taskFullText.build(a.assignmentId)).row();
  return keyboard.text(texts.backToList, taskListPage.build(0));
}
