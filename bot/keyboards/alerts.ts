import type { InlineKeyboardMarkup } from "grammy/types";
import {
  adminTarget,
  adminTargetRecord,
  MUTE_CHOICES,
  muteCancel,
  muteFor,
  muteMenu,
  startCheckin,
  startReport,
  taskCard,
} from "../callback-data";
import { adminTexts, alertTexts as t } from "../texts";

/**
 * Alert buttons, kept as plain rows so the outbox can store them with the
 * text (reminders.payload) and the consumer sends exactly what was rendered.
 */
export type ButtonRows = { text: string; data: string }[][];

/** Under a deadline alert: open the card, report, or mute this task. */
export function deadlineAlertButtons(assignmentId: number, mutedUntil?: string): ButtonRows {
  return [
    [
      { text: t.openTask, data: taskCard.build(assignmentId) },
      { text: t.report, data: startReport.build(assignmentId) },
    ],
    [{ text: mutedUntil ? t.mutedUntil(mutedUntil) : t.mute, data: muteMenu.build(assignmentId) }],
  ];
}

/** Under a message about a target (given to the unit, figure missing): record a value, or see the target. */
export function targetAlertButtons(targetId: number): ButtonRows {
  return [
    [
      { text: adminTexts.targets.record, data: adminTargetRecord.build(targetId) },
      { text: adminTexts.targets.viewButton, data: adminTarget.build(targetId) },
    ],
  ];
}

export function muteChoiceButtons(assignmentId: number): ButtonRows {
  return [
    MUTE_CHOICES.map((days) => ({ text: t.muteDays(days), data: muteFor.build(assignmentId, days) })),
    [{ text: t.muteCancel, data: muteCancel.build(assignmentId) }],
  ];
}

/** Numbered buttons, five to a row: check in for a duty, or open a task's card. */
export function numberedButtons(ids: number[], action: "checkin" | "card"): ButtonRows {
  const rows: ButtonRows = [];
  ids.forEach((id, i) => {
    if (i % 5 === 0) rows.push([]);
    rows[rows.length - 1]!.push({
      text: String(i + 1),
      data: action === "checkin" ? startCheckin.build(id) : taskCard.build(id),
    });
  });
  return rows;
}

export function toInlineKeyboard(rows: ButtonRows | undefined): InlineKeyboardMarkup | undefined {
  if (!rows || rows.length === 0) return undefined;
  return { inline_keyboard: rows.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) };
}
