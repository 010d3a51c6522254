import type { Deadline, Recurrence } from "./types";

/**
 * The cadence a duty is followed at once saved. The app follows a duty with check-ins only when
 * it has a cadence; a continuing duty whose plan writes none (a bare "định kỳ", "Từ quý II/2027")
 * is followed as an ongoing one: check-ins at the default period, which an admin can change.
 */
export function trackedRecurrence(deadline: Deadline): Recurrence | null {
  return deadline.recurrence ?? (deadline.kind === "recurring" ? "ongoing" : null);
}
