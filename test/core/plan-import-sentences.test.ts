import { describe, expect, it } from "vitest";
import { findDeadlinePhrase, readAssignment } from "../../core/plan-import/assignment";
import { extractPlan } from "../../core/plan-import/extract";
import { periodHeading } from "../../core/plan-import/period-heading";

describe("readAssignment: a sentence that gives work to a unit", () => {
  it.each([
    ["Sở Y tế chủ trì, phối hợp với Sở Tài chính theo dõi việc thực hiện", ["Sở Y tế"], ["Sở Tài chính"], null],
    ["Giao Ban Xây dựng Đảng chủ trì, tham mưu trong quý II/2026", ["Ban Xây dựng Đảng"], [], "tham mưu trong quý II/2026"],
    [
      "Trên cơ sở Kế hoạch này, các sở, ngành xây dựng kế hoạch của đơn vị trong quý III năm 2026",
      ["các sở, ngành"],
      [],
      "trong quý III năm 2026",
    ],
    [
      "Căn cứ Kế hoạch này, đề nghị các chi bộ chuẩn bị báo cáo trước ngày 20/9/2026",
      ["các chi bộ"],
      [],
      "báo cáo trước ngày 20/9/2026",
    ],
  ])("%s", (text, lead, coop, deadline) => {
    expect(readAssignment(text)).toEqual({ lead, coop, deadline });
  });

  it.each(["Tăng cường công tác tuyên truyền trong tình hình mới", "Các nhiệm vụ trọng tâm năm 2026 gồm:"])(
    "none in: %s",
    (text) => {
      expect(readAssignment(text)).toBeNull();
    },
  );

  it("finds the time phrase of a sentence, a cadence with its date", () => {
    expect(findDeadlinePhrase("định kỳ hằng năm báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 12")).toBe(
      "định kỳ hằng năm báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 12",
    );
    expect(findDeadlinePhrase("phát huy vai trò trong tình hình mới")).toBeNull();
  });
});

describe("periodHeading", () => {
  it.each([
    ["Năm 2026", "Năm 2026"],
    ["Quý IV năm 2025", "Quý IV năm 2025"],
    ["* Năm 2027: (02 cuộc kiểm tra)", "Năm 2027"],
    ["Nghị quyết về phát triển kinh tế năm 2026", null],
  ])("%s", (text, period) => {
    expect(periodHeading(text)).toBe(period);
  });
});

/** A programme written in sentences; made up for this test. */
const programme = `CHƯƠNG TRÌNH

Công tác kiểm tra năm 2026 - 2027

I. NỘI DUNG

1. Năm 2026

1.1. Nghị quyết về phát triển du lịch cộng đồng

Phòng Văn hoá chủ trì, phối hợp các cơ quan liên quan tham mưu trình trong tháng 5/2026

1.2. Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở (Giao Uỷ ban Kiểm tra chủ trì, tham mưu trong quý III/2026).

2. Năm 2027

2.1. Sơ kết giữa nhiệm kỳ công tác dân vận

Ban Dân vận chủ trì, phối hợp với Văn phòng chuẩn bị.

2.2. Hội nghị đại biểu Đảng bộ giữa nhiệm kỳ

Dự kiến tổ chức trong tháng 8/2027.

2.3. Tinh thần đoàn kết trong Đảng bộ

II. TỔ CHỨC THỰC HIỆN

1. Văn phòng chủ trì, phối hợp với các chi bộ theo dõi, đôn đốc việc thực hiện Chương trình.

2. Các chi bộ trực thuộc xây dựng kế hoạch của đơn vị. Cụ thể:

- Báo cáo kết quả trước ngày 15/12/2026;

- Gửi đề xuất sửa đổi khi cần.
`;

describe("sentence-form tasks", () => {
  const plan = extractPlan(programme);
  const row = (ref: string) => {
    const t = plan.tasks.find((task) => task.ref === ref);
    return t && { title: t.title.split(" ").slice(0, 4).join(" "), lead: t.lead, coop: t.coop, due: t.deadline.due };
  };

  it("an item followed by its assignment line, or ending in one in brackets", () => {
    expect(row("I.1.1")).toEqual({
      title: "Nghị quyết về phát",
      lead: ["Phòng Văn hoá"],
      coop: ["các cơ quan liên quan"],
      due: "2026-05-31",
    });
    expect(row("I.1.2")).toEqual({ title: "Kiểm tra việc thực", lead: ["Uỷ ban Kiểm tra"], coop: [], due: "2026-09-30" });
  });

  it("an item with no time of its own takes the period heading above it", () => {
    expect(row("I.2.1")).toEqual({ title: "Sơ kết giữa nhiệm", lead: ["Ban Dân vận"], coop: ["Văn phòng"], due: "2027-12-31" });
  });

  it("an item among them that names only its own time is a task with no lead yet; one with neither is not", () => {
    expect(row("I.2.2")).toEqual({ title: "Hội nghị đại biểu", lead: [], coop: [], due: "2027-08-31" });
    expect(row("I.2.3")).toBeUndefined();
  });

  it("in the organising part, items whose subject is a unit, and the parts after 'Cụ thể:'", () => {
    expect(row("II.1")?.lead).toEqual(["Văn phòng"]);
    expect(row("II.2.1")).toEqual({ title: "Báo cáo kết quả", lead: ["Các chi bộ trực thuộc"], coop: [], due: "2026-12-15" });
    expect(row("II.2.2")?.lead).toEqual(["Các chi bộ trực thuộc"]);
  });
});

describe("a party cell's plan: its committee, the village's associations and people by their post", () => {
  // Written for this test, one paragraph a line as a Word file saved as text.
  const plan = extractPlan(
    [
      "CHI BỘ THÔN NAM",
      "KẾ HOẠCH",
      "thực hiện Kế hoạch số 9-KH/ĐU của Đảng ủy xã về nông thôn mới",
      "II. NHIỆM VỤ CỤ THỂ",
      "1. Tổ chức quán triệt Kế hoạch đến đảng viên trong kỳ sinh hoạt chi bộ tháng 4/2026. Đồng chí Bí thư Chi bộ thực hiện.",
      "2. Ban Công tác Mặt trận thôn tuyên truyền, vận động Nhân dân hiến đất làm đường; hoàn thành trong quý III/2026.",
      "3. Chi hội Phụ nữ thôn phát động phong trào giữ đường làng sạch, thực hiện thường xuyên.",
      "4. Trưởng thôn chủ trì, phối hợp với Chi đoàn thanh niên ra quân vệ sinh môi trường vào Chủ nhật cuối mỗi tháng.",
      "5. Chi hội Cựu chiến binh vận động hội viên trồng cây xanh, hoàn thành trước ngày 30/11/2026.",
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Định kỳ hằng quý, Chi bộ sơ kết, đánh giá kết quả thực hiện; báo cáo Đảng ủy xã.",
    ].join("\n\n"),
  );
  const rows = plan.tasks.map((t) => ({ ref: t.ref, lead: t.lead, due: t.deadline.due, every: t.deadline.recurrence }));

  it("reads each item's unit, before the work or in a closing sentence, and its time", () => {
    expect(rows).toEqual([
      { ref: "II.1", lead: ["Đồng chí Bí thư Chi bộ"], due: "2026-04-30", every: null },
      { ref: "II.2", lead: ["Ban Công tác Mặt trận thôn"], due: "2026-09-30", every: null },
      { ref: "II.3", lead: ["Chi hội Phụ nữ thôn"], due: null, every: "ongoing" },
      { ref: "II.4", lead: ["Trưởng thôn"], due: null, every: "monthly" },
      { ref: "II.5", lead: ["Chi hội Cựu chiến binh"], due: "2026-11-30", every: null },
      { ref: "III.1", lead: ["Chi bộ"], due: null, every: "quarterly" },
    ]);
    expect(plan.tasks[0]?.title).toBe("Tổ chức quán triệt Kế hoạch đến đảng viên trong kỳ sinh hoạt chi bộ tháng 4/2026");
    expect(plan.tasks[3]?.coop).toEqual(["Chi đoàn thanh niên"]);
  });
});

describe("an item whose time stands before the bracket that assigns it", () => {
  it("takes the time from the item when the bracket names none", () => {
    const plan = extractPlan(
      [
        "II. NHIỆM VỤ VÀ GIẢI PHÁP",
        "1. Phủ sóng di động tại các thôn vùng sâu; hoàn thành trước ngày 31/12/2026 (Phòng Kinh tế chủ trì, phối hợp với các doanh nghiệp viễn thông).",
        "2. Trang bị máy tính cho bộ phận một cửa (Giao Văn phòng HĐND và UBND xã chủ trì, thực hiện trong quý III/2026).",
      ].join("\n\n"),
    );
    expect(plan.tasks.map((t) => ({ lead: t.lead, coop: t.coop, due: t.deadline.due }))).toEqual([
      { lead: ["Phòng Kinh tế"], coop: ["các doanh nghiệp viễn thông"], due: "2026-12-31" },
      { lead: ["Văn phòng HĐND và UBND xã"], coop: [], due: "2026-09-30" },
    ]);
  });
});
