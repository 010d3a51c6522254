/**
 * What the deadline alerts do, with the defaults a district committee would
 * pick. services/env.ts reads overrides from environment variables.
 */
export interface AlertConfig {
  /** Days before the due date an alert goes out; 0 is the day itself. */
  offsets: number[];
  /** An overdue assignment is reminded again every this many working days. */
  overdueEveryWorkingDays: number;
  /** Days before a check-in period ends that its reminder opens. */
  checkinLeadDays: number;
  /** Public holidays (ISO dates) on top of weekends; none are built in, the years differ. */
  holidays: string[];
  /** Hours (Asia/Ho_Chi_Minh) in which messages may go out: from ≤ hour < to. */
  sendFromHour: number;
  sendToHour: number;
  /** Send on Saturdays, Sundays and holidays too. */
  sendOnDaysOff: boolean;
  /** Telegram allows about 30 messages a second per bot; stay under it. */
  messagesPerSecond: number;
  /** Telegram allows about one message a second per private chat. */
  chatIntervalMs: number;
  /** Transient failures (5xx, timeouts) tried this many times before the alert is given up. */
  maxAttempts: number;
  /** A Bot API call that has not answered after this long counts as a timeout. */
  sendTimeoutMs: number;
}

export const DEFAULT_ALERT_CONFIG: AlertConfig = {
  offsets: [7, 3, 1, 0],
  overdueEveryWorkingDays: 3,
  checkinLeadDays: 7,
  holidays: [],
  sendFromHour: 7,
  sendToHour: 18,
  sendOnDaysOff: false,
  messagesPerSecond: 25,
  chatIntervalMs: 1000,
  maxAttempts: 8,
  sendTimeoutMs: 10_000,
};
