import { describe, expect, it } from "vitest";
import {
  meetsGoal,
  parsePeriod,
  parseTargetInput,
  periodLabelOf,
  standingOf,
  trendOf,
  valueSeries,
} from "../../core/report/target";

describe("target periods", () => {
  it.each([
    ["2025", "2025", "2025-12-31"],
    ["năm 2025", "2025", "2025-12-31"],
    ["6 tháng đầu năm 2025", "2025-H1", "2025-06-30"],
    ["6T/2025", "2025-H1", "2025-06-30"],
    ["6 tháng cuối năm 2025", "2025-H2", "2025-12-31"],
    ["quý III/2025", "2025-Q3", "2025-09-30"],
    ["Q1/2026", "2026-Q1", "2026-03-31"],
    ["quý 2 năm 2026", "2026-Q2", "2026-06-30"],
    ["tháng 7/2025", "2025-07", "2025-07-31"],
    ["2/2024", "2024-02", "2024-02-29"],
  ])("%s", (input, key, end) => {
    expect(parsePeriod(input)).toEqual({ key, end });
  });

  it.each([
    "",
    "năm ngoái",
    "13/2025",
    "quý V/2025",
    "25",
    "9999",
    "quý I/9999",
    "1999",
    "2101",
    "0/2025",
    "00/2025",
    "quý 0/2025",
    "quý 5/2025",
    "tháng 13/2025",
  ])("refuses %j", (input) => {
    expect(parsePeriod(input)).toBeNull();
  });

  it("labels periods the way an office writes them", () => {
    expect(["2025", "2025-H1", "2025-Q3", "2025-07"].map(periodLabelOf)).toEqual([
      "năm 2025",
      "6 tháng đầu năm 2025",
      "quý III/2025",
      "tháng 7/2025",
    ]);
  });
});

describe("a value typed in one line", () => {
  it.each([
    ["2025 62,5", "2025", 62.5, null],
    ["quý III/2025: 48%", "2025-Q3", 48, null],
    ["6 tháng đầu năm 2025 = 12 người, theo báo cáo của UBND", "2025-H1", 12, "theo báo cáo của UBND"],
    ["2025 70.25; số liệu sơ bộ", "2025", 70.25, "số liệu sơ bộ"],
  ])("%s", (input, period, value, note) => {
    expect(parseTargetInput(input)).toMatchObject({ ok: true, period: { key: period }, value, note });
  });

  it.each([
    ["62,5", "format"],
    ["năm ngoái 62", "format"],
    ["quý V/2025 10", "period"],
    [`2025 62, ${"ghi chú rất dài ".repeat(40)}`, "tooLong"],
    ["9999 62", "period"],
    ["quý III/9999: 48", "period"],
    ["2025 1e400", "value"],
    ["2025 1e5", "value"],
    ["2025 1E3 người", "value"],
    ["2025 2,5e3", "value"],
    ["2025 Infinity", "format"],
    ["2025 NaN", "format"],
    ["2025 10000000000000", "value"],
    [`2025 ${"9".repeat(400)}`, "value"],
  ])("refuses %j (%s)", (input, reason) => {
    expect(parseTargetInput(input)).toEqual({ ok: false, reason });
  });

  it("keeps a share within 0 to 100 for a target in %, and other units free", () => {
    expect(parseTargetInput("2025 100", "%")).toMatchObject({ ok: true, value: 100 });
    expect(parseTargetInput("2025 0", "%")).toMatchObject({ ok: true, value: 0 });
    expect(parseTargetInput("2025 100,5", "%")).toEqual({ ok: false, reason: "range" });
    expect(parseTargetInput("2025 -3", "%")).toEqual({ ok: false, reason: "range" });
    expect(parseTargetInput("2025 120", "mô hình")).toMatchObject({ ok: true, value: 120 });
  });
});

describe("standing against the goal", () => {
  const v = (period: string, value: number, createdAt: string) => ({ period, value, createdAt });

  it("orders by period, a later correction of a period replacing it", () => {
    const series = valueSeries([
      v("2025", 60, "2026-01-05"),
      v("2024", 55, "2026-01-01"),
      v("2025-H1", 58, "2025-07-01"),
      v("2025", 62, "2026-01-10"),
    ]);
    expect(series.map((x) => [x.period, x.value])).toEqual([
      ["2024", 55],
      ["2025-H1", 58],
      ["2025", 62],
    ]);
    expect(trendOf(series)).toBe("up");
  });

  it.each([
    ["gte", 70, 70, true],
    ["gte", 70, 69.9, false],
    ["gt", 70, 70, false],
    ["lte", 5, 3, true],
    ["lt", 5, 5, false],
    ["eq", 100, 100, true],
  ] as const)("%s %d with %d: %s", (comparator, goal, value, met) => {
    expect(meetsGoal(value, { comparator, value: goal })).toBe(met);
  });

  it("has no verdict without a goal, and no trend from one value", () => {
    const s = standingOf({ comparator: null, value: null }, [v("2025", 10, "2026-01-01")]);
    expect(s).toMatchObject({ met: null, trend: null, latest: { value: 10 } });
  });
});
