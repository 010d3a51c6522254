import { describe, expect, it } from "vitest";
import { extractPlan } from "../../core/plan-import/extract";
import { planYear } from "../../core/plan-import/plan-year";
import type { ExtractedHeader } from "../../core/plan-import/types";

const header = (issued_on: string | null): ExtractedHeader => ({
  issuer: null,
  number: null,
  issued_on,
  implements: null,
  title: null,
});

describe("the plan's year, for dates written without one", () => {
  it.each<[string | null, string, number | undefined]>([
    ["2026-04-06", "", 2026],
    [null, "ỦY BAN NHÂN DÂN TỈNH X\nSố: 12/KH-UBND\nThành phố Y, ngày 13 tháng 5 năm 2027\nKẾ HOẠCH", 2027],
    // The day left blank for the signature.
    [null, "ĐẢNG BỘ XÃ Z\nXã Z, ngày   tháng 9 năm 2025\nKẾ HOẠCH", 2025],
    // A document cited with its date is not the plan's date.
    [null, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", undefined],
    [null, "", undefined],
  ])("issued %s, text %j → %s", (issued, text, expected) => {
    expect(planYear(header(issued), text)).toBe(expected);
  });

  it("gives a yearly report's first due date in a plan whose header date has no day", () => {
    const text = [
      "ỦY BAN NHÂN DÂN TỈNH X",
      "Số: 12/KH-UBND",
      "Thành phố Y, ngày    tháng 3 năm 2027",
      "KẾ HOẠCH",
      "Thực hiện chuyển đổi số năm 2027",
      "I. MỤC ĐÍCH",
      "Nâng cao hiệu quả quản lý.",
      "II. TỔ CHỨC THỰC HIỆN",
      "1. Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành theo dõi, đôn đốc việc thực hiện Kế hoạch; định kỳ hằng năm tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12.",
    ].join("\n\n");
    const task = extractPlan(text).tasks.find((t) => t.lead.includes("Sở Khoa học và Công nghệ"));
    expect(task?.deadline).toMatchObject({ due: "2027-12-15", recurrence: "yearly" });
  });
});
