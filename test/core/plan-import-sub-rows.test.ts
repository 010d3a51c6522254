import { describe, expect, it } from "vitest";
import { extractPlan } from "../../core/plan-import/extract";

/** A task table with "-" sub-rows whose co-operating and time cells are merged, drawn once; made up for this test. */
const table = `KẾ HOẠCH

Phát triển hạ tầng số

I. NHIỆM VỤ

| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| --- | --- | --- | --- | --- |
| 1 | Xây dựng quy chuẩn kỹ thuật cho các công trình công cộng. |  |  |  |
| - | Trường học. | Sở Giáo dục và Đào tạo | Sở Xây dựng | Năm 2027 và các năm tiếp theo |
| - | Bệnh viện. | Sở Y tế |  |  |
| - | Nhà văn hóa. | Sở Văn hóa | Các phòng, ban |  |
| 2 | Số hóa hồ sơ địa chính. | Sở Nông nghiệp và Môi trường | Các xã, phường | Quý IV/2026 |
| - | Cập nhật bản đồ. | Trung tâm Dữ liệu |  |  |
`;

describe("sub-rows of a task table", () => {
  const tasks = extractPlan(table).tasks;
  const row = (ref: string) => {
    const t = tasks.find((task) => task.ref === ref);
    return t && { lead: t.lead, coop: t.coop, due: t.deadline.due, recurrence: t.deadline.recurrence };
  };

  it("a merged cell drawn in the first sub-row belongs to each sub-row; a sub-row's own cell wins", () => {
    expect(row("1.1")).toEqual({
      lead: ["Sở Giáo dục và Đào tạo"],
      coop: ["Sở Xây dựng"],
      due: "2027-12-31",
      recurrence: "yearly",
    });
    expect(row("1.2")).toEqual({ lead: ["Sở Y tế"], coop: ["Sở Xây dựng"], due: "2027-12-31", recurrence: "yearly" });
    expect(row("1.3")).toEqual({ lead: ["Sở Văn hóa"], coop: ["Các phòng, ban"], due: "2027-12-31", recurrence: "yearly" });
  });

  it("the numbered row takes its sub-rows' leads together and the first one's time", () => {
    expect(row("1")).toMatchObject({ lead: ["Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa"], due: "2027-12-31" });
  });

  it("a numbered row's own cells pass to its sub-row", () => {
    expect(row("2.1")).toEqual({ lead: ["Trung tâm Dữ liệu"], coop: ["Các xã, phường"], due: "2026-12-31", recurrence: null });
    expect(row("2")).toMatchObject({ lead: ["Sở Nông nghiệp và Môi trường"], due: "2026-12-31" });
  });
});
