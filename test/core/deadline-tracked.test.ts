import { describe, expect, it } from "vitest";
import { describeDeadline } from "../../bot/features/import/render";
import { parseDeadline } from "../../core/deadline/parse";
import { trackedRecurrence } from "../../core/deadline/tracked";

describe("a continuing duty without a written cadence", () => {
  it.each<[string, string | null]>([
    ["định kỳ", "ongoing"],
    ["Từ quý II/2027", "ongoing"],
    ["bắt đầu từ năm 2026, hằng năm", "yearly"],
    ["hằng quý", "quarterly"],
    ["quý II/2026", null],
    ["sau khi Luật có hiệu lực", null],
    ["", null],
  ])("%j is followed as %s once saved", (phrase, expected) => {
    expect(trackedRecurrence(parseDeadline(phrase))).toBe(expected);
  });

  it.each<[string, string]>([
    ["định kỳ", "không ghi kỳ, theo dõi như việc thường xuyên"],
    ["Từ quý II/2027", "từ 01/04/2027 · không ghi kỳ, theo dõi như việc thường xuyên"],
    ["Từ tháng 5/2026, thường xuyên", "từ 01/05/2026 · thường xuyên"],
    ["từ quý IV/2025 đến khi kết thúc bầu cử", "từ 01/10/2025 · khi: khi kết thúc bầu cử"],
    ["quý II/2026 và thường xuyên", "hạn 30/06/2026 (cuối quý) · sau đó thường xuyên"],
  ])("the review says what %j was read as", (phrase, expected) => {
    expect(describeDeadline(parseDeadline(phrase))).toBe(expected);
  });
});
