import type { ReportData } from "../../core/plan-report/data";
import { periodFromCode } from "../../core/plan-report/period";

/** A report's data written by hand (demo units, demo figures): for the LibreOffice check and the docs. */
export function sampleReportData(layout: "party" | "state", rows = 6): ReportData {
  const party = layout === "party";
  const units = Array.from({ length: rows }, (_, i) => ({
    unitId: i + 1,
    unitName: party ? `Đảng ủy xã Mẫu Số ${i + 1}` : `Phòng chuyên môn số ${i + 1}`,
    total: 12 + i,
    doneOnTime: 5,
    doneLate: i % 3,
    overdue: i % 4,
  }));
  return {
    plan: {
      number: party ? "99-KH/HU" : "99/KH-UBND",
      title: "Thực hiện chương trình mẫu về phát triển nguồn nhân lực",
      issuedOn: "2025-02-14",
    },
    issuer: party
      ? { name: "Huyện ủy Mẫu Sơn", parents: ["Đảng bộ tỉnh Mẫu"] }
      : { name: "Ủy ban nhân dân huyện Mẫu Sơn", parents: [] },
    layout,
    period: periodFromCode("2025-H1")!,
    asOf: "2025-06-30",
    draftedOn: "2025-07-05",
    counts: {
      overdue: 6,
      due_soon: 3,
      awaiting_confirmation: 2,
      in_progress: 20,
      not_due: 30,
      recurring: 8,
      no_deadline: 1,
      done_late: 6,
      done_on_time: 30,
    },
    total: 106,
    completionsPending: 2,
    extensionsPending: 1,
    units,
    subPlans: [
      { unitName: "Đảng ủy xã Mẫu Số 1", number: "12-KH/ĐU", title: "triển khai kế hoạch của Huyện ủy", issuedOn: "2025-03-01" },
    ],
    targets: [
      {
        text: "Tỷ lệ cán bộ trẻ được bồi dưỡng kỹ năng số",
        goal: "≥ 70% đến năm 2030",
        value: "62,5%",
        valuePeriod: "năm 2024",
        met: false,
      },
      { text: "Số mô hình ứng dụng khoa học kỹ thuật", goal: "≥ 5 mô hình", value: null, valuePeriod: null, met: null },
    ],
    overdue: [
      {
        ref: "III.2",
        title: "Rà soát, bổ sung quy chế phối hợp giữa các cơ quan, đơn vị về đào tạo, bồi dưỡng",
        unitName: units[1]!.unitName,
        due: "2025-05-31",
        daysOverdue: 30,
        lastReportOn: "2025-05-20",
        lastReportNote: "Đang lấy ý kiến góp ý của các đơn vị; dự kiến trình trong tháng 7.",
      },
      {
        ref: "III.5",
        title: "Tổ chức hội nghị gặp mặt, tôn vinh trí thức tiêu biểu",
        unitName: units[3]!.unitName,
        due: "2025-06-15",
        daysOverdue: 15,
        lastReportOn: null,
        lastReportNote: null,
      },
    ],
    overdueTotal: 6,
    silentUnits: [units[5]!.unitName],
    next: {
      label: "6 tháng cuối năm 2025",
      tasks: [{ ref: "IV.1", title: "Sơ kết 01 năm thực hiện kế hoạch", unitName: units[0]!.unitName, due: "2025-12-15" }],
      total: 1,
    },
    scope: null,
  };
}
