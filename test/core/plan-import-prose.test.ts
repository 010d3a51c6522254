import { describe, expect, it } from "vitest";
import { splitBlocks } from "../../core/plan-import/blocks";
import { extractPlan } from "../../core/plan-import/extract";

/** Prose layouts of party committees' plans and programmes; every text here is written for these tests. */

const paragraphs = (text: string) => splitBlocks(text).flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));

describe("paragraphs of hard-wrapped prose", () => {
  it.each([
    [
      "a sub-item after an assignment line without a full stop",
      "Ban Dân vận chủ trì, phối hợp tham mưu, trình trong tháng 11/2026\n1.2. Nghị quyết về công tác dân vận",
      ["Ban Dân vận chủ trì, phối hợp tham mưu, trình trong tháng 11/2026", "1.2. Nghị quyết về công tác dân vận"],
    ],
    [
      "a part heading in capitals after an unfinished line",
      "Các cơ quan tham mưu trình trong Quý IV/2030\nB. NỘI DUNG TRÌNH BAN THƯỜNG VỤ",
      ["Các cơ quan tham mưu trình trong Quý IV/2030", "B. NỘI DUNG TRÌNH BAN THƯỜNG VỤ"],
    ],
    [
      "a number inside a wrapped sentence stays in it",
      "Kiểm tra việc thực hiện theo mục\n2. của Kế hoạch này",
      ["Kiểm tra việc thực hiện theo mục 2. của Kế hoạch này"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(paragraphs(text)).toEqual(expected);
  });
});

describe("unit names as written, task by task", () => {
  it("takes each task's spelling from its own assignment line, not the one above it", () => {
    const plan = extractPlan(
      [
        "CHƯƠNG TRÌNH",
        "Công tác năm 2026",
        "I. NỘI DUNG CỤ THỂ",
        "1. Nghị quyết về phát triển thương mại",
        "Đảng uỷ UBND xã tham mưu, trình trong tháng 3/2026.",
        "2. Nghị quyết về phát triển du lịch",
        "Đảng uỷUBND xã tham mưu, trình trong tháng 4/2026.",
      ].join("\n\n"),
    );
    expect(plan.tasks.map((t) => t.lead)).toEqual([["Đảng uỷ UBND xã"], ["Đảng uỷUBND xã"]]);
  });
});
