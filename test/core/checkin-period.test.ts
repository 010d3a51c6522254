import { describe, expect, it } from "vitest";
import { checkinCadence, periodContaining, periodLabel, previousPeriod } from "../../core/checkins/period";

describe("check-in periods", () => {
  it.each([
    ["monthly", "2026-11-25", { key: "2026-11", start: "2026-11-01", end: "2026-11-30" }, "tháng 11/2026"],
    ["monthly", "2024-02-10", { key: "2024-02", start: "2024-02-01", end: "2024-02-29" }, "tháng 2/2024"],
    ["quarterly", "2026-11-25", { key: "2026-Q4", start: "2026-10-01", end: "2026-12-31" }, "quý IV/2026"],
    ["quarterly", "2026-01-01", { key: "2026-Q1", start: "2026-01-01", end: "2026-03-31" }, "quý I/2026"],
    ["semiannual", "2026-06-30", { key: "2026-H1", start: "2026-01-01", end: "2026-06-30" }, "6 tháng đầu năm 2026"],
    ["yearly", "2026-07-01", { key: "2026", start: "2026-01-01", end: "2026-12-31" }, "năm 2026"],
  ] as const)("%s period containing %s", (every, date, period, label) => {
    expect(periodContaining(every, date)).toEqual(period);
    expect(periodLabel(period)).toBe(label);
  });

  it("steps back across a year boundary", () => {
    expect(previousPeriod("quarterly", "2026-02-15").key).toBe("2025-Q4");
    expect(previousPeriod("monthly", "2026-01-31").key).toBe("2025-12");
  });

  it("uses the task's own setting, then its recurrence, then quarterly", () => {
    expect(checkinCadence("monthly", "yearly")).toBe("monthly");
    expect(checkinCadence(null, "yearly")).toBe("yearly");
    expect(checkinCadence(null, "ongoing")).toBe("quarterly");
  });
});
