import { describe, expect, it } from "vitest";
import { extractPlan } from "../../core/plan-import/extract";

/** Short synthetic plans in the layouts officials use; written for these tests, not taken from a real document. */
const labelledBullets = `UỶ BAN NHÂN DÂN TỈNH AN HÒA
KẾ HOẠCH
Triển khai phong trào học tập số năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao kỹ năng số cho cán bộ, công chức.

II. NHIỆM VỤ CỤ THỂ
1. Xây dựng nền tảng học tập trực tuyến dùng chung
- Đơn vị chủ trì: Sở Khoa học và Công nghệ
- Đơn vị phối hợp: Sở Giáo dục và Đào tạo, Sở Nội vụ
- Thời gian hoàn thành: Quý III/2026
- Kết quả: Nền tảng được đưa vào sử dụng

2. Tổ chức bồi dưỡng kỹ năng số cho cán bộ cấp xã
- Cơ quan chủ trì: Sở Nội vụ
- Thời hạn: hằng năm
- Sản phẩm: Báo cáo kết quả bồi dưỡng

3. Báo cáo tình hình thực hiện
- Chủ trì: Văn phòng UBND tỉnh
- Thời gian hoàn thành: trước ngày 05 của tháng liền kề

III. TỔ CHỨC THỰC HIỆN
Các sở, ngành triển khai theo chức năng.
`;

describe("layouts", () => {
  it("labelled fields as bullets under numbered tasks, right after an upper-case heading", () => {
    const plan = extractPlan(labelledBullets);
    expect(plan.tasks.map((t) => [t.ref, t.title, t.lead, t.coop, t.deadline_text])).toEqual([
      [
        "II.1",
        "Xây dựng nền tảng học tập trực tuyến dùng chung",
        ["Sở Khoa học và Công nghệ"],
        ["Sở Giáo dục và Đào tạo", "Sở Nội vụ"],
        "Quý III/2026",
      ],
      ["II.2", "Tổ chức bồi dưỡng kỹ năng số cho cán bộ cấp xã", ["Sở Nội vụ"], [], "hằng năm"],
      ["II.3", "Báo cáo tình hình thực hiện", ["Văn phòng UBND tỉnh"], [], "trước ngày 05 của tháng liền kề"],
    ]);
    expect(plan.tasks[2]!.deadline).toMatchObject({ kind: "recurring", recurrence: "monthly", dayOfMonth: 5 });
  });

  it("a person as the lead: 'Người thực hiện', 'Phụ trách'", () => {
    const plan = extractPlan(
      [
        "KẾ HOẠCH",
        "kiểm tra, giám sát năm 2026",
        "I. NỘI DUNG KIỂM TRA",
        "1. Kiểm tra việc chấp hành Điều lệ Đảng tại Chi bộ thôn Đông.",
        "- Thời gian: Quý II/2026.",
        "- Người thực hiện: Đồng chí Lê Văn Tám, Phó Bí thư Thường trực Đảng ủy.",
        "2. Giám sát việc thực hiện nhiệm vụ của đảng viên.",
        "- Phụ trách: Ủy ban Kiểm tra Đảng ủy.",
        "- Người phối hợp: Đồng chí Trưởng thôn Đông.",
        "- Thời gian: Tháng 9/2026.",
      ].join("\n\n"),
    );
    expect(plan.tasks.map((t) => [t.lead, t.coop, t.deadline.due])).toEqual([
      [["Đồng chí Lê Văn Tám, Phó Bí thư Thường trực Đảng ủy"], [], "2026-06-30"],
      [["Ủy ban Kiểm tra Đảng ủy"], ["Đồng chí Trưởng thôn Đông"], "2026-09-30"],
    ]);
  });

  it("a table whose lead column names people ('Người thực hiện')", () => {
    const plan = extractPlan(
      [
        "KẾ HOẠCH",
        "",
        "công tác của chi bộ năm 2026",
        "",
        "| STT | Nội dung công việc | Người thực hiện | Thời gian |",
        "|---|---|---|---|",
        "| 1 | Rà soát danh sách đảng viên | Đồng chí Nguyễn Văn An, Chi ủy viên | Tháng 3/2026 |",
        "| 2 | Thu đảng phí | Đồng chí Trần Thị Bình | Hằng tháng |",
      ].join("\n"),
    );
    expect(plan.tasks.map((t) => [t.title, t.lead])).toEqual([
      ["Rà soát danh sách đảng viên", ["Đồng chí Nguyễn Văn An, Chi ủy viên"]],
      ["Thu đảng phí", ["Đồng chí Trần Thị Bình"]],
    ]);
  });

  it("a markdown heading ends where it stands", () => {
    const plan = extractPlan(labelledBullets.replace("II. NHIỆM VỤ CỤ THỂ", "### II. Nhiệm vụ cụ thể"));
    expect(plan.tasks.map((t) => t.title)).toEqual([
      "Xây dựng nền tảng học tập trực tuyến dùng chung",
      "Tổ chức bồi dưỡng kỹ năng số cho cán bộ cấp xã",
      "Báo cáo tình hình thực hiện",
    ]);
  });

  it("reads numbered items past 99, none dropped", () => {
    const items = Array.from(
      { length: 105 },
      (_, i) => `${i + 1}. Sở Nội vụ: Chủ trì tổ chức hội nghị chuyên đề số ${i + 1} (hoàn thành trong quý II/2026).`,
    );
    const plan = extractPlan(`KẾ HOẠCH\nHội nghị chuyên đề năm 2026\n\nII. TỔ CHỨC THỰC HIỆN\n\n${items.join("\n\n")}\n`);
    expect(plan.tasks).toHaveLength(105);
    expect(plan.tasks.at(-1)).toMatchObject({ ref: "II.105", lead: ["Sở Nội vụ"], title: expect.stringMatching(/số 105$/) });
  });
});

describe("per-unit sections", () => {
  it("reads a time phrase inside a unit's lettered item as its deadline", () => {
    const plan = extractPlan(`KẾ HOẠCH
Phát triển nhân lực số năm 2026
I. MỤC TIÊU
Nâng cao chất lượng nhân lực số.
II. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ

a) Chủ trì đánh giá nhu cầu đào tạo, làm cơ sở xây dựng kế hoạch đào tạo hằng năm.
b) Xây dựng cơ sở dữ liệu về nhân lực số của tỉnh.
2. Sở Tài chính: Bố trí kinh phí thực hiện Kế hoạch (trong quý II/2026).
`);
    const deadlines = plan.tasks.map((task) => [task.lead[0], task.deadline.recurrence ?? task.deadline.due]);
    expect(deadlines).toEqual([
      ["Sở Nội vụ", "yearly"],
      ["Sở Nội vụ", null],
      ["Sở Tài chính", "2026-06-30"],
    ]);
  });
});
