import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_CONFIG } from "../../core/alerts/config";
import { readAlertConfig, type Env } from "../../services/env";

const env = (vars: Partial<Record<keyof Env, string>>) => ({ DB: {} as D1Database, ...vars }) as Env;

describe("alert configuration from environment variables", () => {
  it("defaults when nothing is set", () => {
    expect(readAlertConfig(env({}))).toEqual(DEFAULT_ALERT_CONFIG);
  });

  it("reads every override", () => {
    const config = readAlertConfig(
      env({
        ALERT_OFFSETS: "14, 5,1",
        ALERT_OVERDUE_EVERY: "5",
        ALERT_CHECKIN_LEAD_DAYS: "10",
        ALERT_HOLIDAYS: "2026-04-30,2026-05-01,2026-09-02",
        ALERT_SEND_HOURS: "8-17",
        ALERT_SEND_ON_DAYS_OFF: "true",
        ALERT_RATE: "20",
        ALERT_MAX_ATTEMPTS: "5",
        ALERT_SEND_TIMEOUT_MS: "3000",
      }),
    );
    expect(config).toMatchObject({
      offsets: [14, 5, 1],
      overdueEveryWorkingDays: 5,
      checkinLeadDays: 10,
      holidays: ["2026-04-30", "2026-05-01", "2026-09-02"],
      sendFromHour: 8,
      sendToHour: 17,
      sendOnDaysOff: true,
      messagesPerSecond: 20,
      maxAttempts: 5,
      sendTimeoutMs: 3000,
    });
  });

  it.each([
    ["ALERT_OFFSETS", "bảy"],
    ["ALERT_HOLIDAYS", "30/4/2026"],
    ["ALERT_SEND_HOURS", "18-7"],
    ["ALERT_RATE", "100"],
    ["ALERT_SEND_ON_DAYS_OFF", "yes"],
  ] as const)("refuses a malformed %s", (name, value) => {
    expect(() => readAlertConfig(env({ [name]: value }))).toThrow();
  });
});
