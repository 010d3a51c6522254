import { describe, expect, it } from "vitest";
import { qualifiesBudget } from "../../core/deadline/budget";
import { findDeadlinePhrase } from "../../core/plan-import/assignment";

describe("a cadence that qualifies a budget is not the task's", () => {
  it.each<[string, boolean]>([
    ["bố trí dự toán chi ngân sách nhà nước ", true],
    ["cân đối ngân sách địa phương ", true],
    ["bảo đảm kinh phí chi ", true],
    ["bố trí kinh phí ", true],
    ["kế hoạch vốn ngân sách trung ương giai đoạn 05 năm và ", true],
    ["ưu tiên nguồn vốn đầu tư công ", true],
    ["Sở Tài chính ", false],
    ["bố trí kinh phí để tổ chức tập huấn ", false],
    ["xây dựng kế hoạch ", false],
    ["", false],
  ])("before %j → %s", (before, expected) => {
    expect(qualifiesBudget(before)).toBe(expected);
  });

  it.each<[string, string | null]>([
    ["Sở Tài chính chủ trì tham mưu bố trí dự toán ngân sách nhà nước hằng năm để thực hiện Kế hoạch", null],
    ["Sở Tài chính bảo đảm kinh phí chi thường xuyên hằng năm cho các nhiệm vụ của Kế hoạch", null],
    ["Sở Nội vụ bố trí kinh phí hằng năm cử cán bộ đi đào tạo", null],
    ["Hằng năm, Sở Tài chính tổng hợp dự toán kinh phí thực hiện", "Hằng năm, Sở Tài chính tổng hợp dự toán kinh phí thực hiện"],
    ["Sở Tài chính cân đối ngân sách hằng năm và báo cáo kết quả trước ngày 30/11/2026", "trước ngày 30/11/2026"],
    ["Các sở tổ chức tập huấn hằng năm cho cán bộ", "hằng năm cho cán bộ"],
  ])("%s → %j", (sentence, phrase) => {
    expect(findDeadlinePhrase(sentence)).toBe(phrase);
  });
});

describe("a cadence and a date far apart in a sentence are one phrase", () => {
  it("reaches the date after a long cadence clause, the year left to the plan", () => {
    const sentence =
      "Các sở, ngành định kỳ hằng năm tổng hợp, đánh giá và báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15 tháng 11.";
    expect(findDeadlinePhrase(sentence)).toBe(
      "định kỳ hằng năm tổng hợp, đánh giá và báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15 tháng 11",
    );
  });
});
