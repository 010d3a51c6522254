import { vietnamDate } from "../time/vietnam-date";
import type { WorkingCalendar } from "./calendar";
import type { AlertConfig } from "./config";

const HOUR_MS = 3_600_000;
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;

function vietnamHour(instant: Date): number {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).getUTCHours();
}

/** Whether a message may go out at `instant`: within the hours, on a working day unless days off are allowed. */
export function isSendingTime(instant: Date, config: AlertConfig, calendar: WorkingCalendar): boolean {
  const hour = vietnamHour(instant);
  if (hour < config.sendFromHour || hour >= config.sendToHour) return false;
  return config.sendOnDaysOff || calendar.isWorkingDay(vietnamDate(instant));
}

/** The next instant (on the hour) at which sending is allowed; `instant` itself when it is. */
export function nextSendingTime(instant: Date, config: AlertConfig, calendar: WorkingCalendar): Date {
  if (isSendingTime(instant, config, calendar)) return instant;
  let t = Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS;
  // Tết can close two weeks; a month bounds the search for any sane configuration.
  for (let i = 0; i < 24 * 31; i++, t += HOUR_MS) {
    if (isSendingTime(new Date(t), config, calendar)) return new Date(t);
  }
  return new Date(t);
}
