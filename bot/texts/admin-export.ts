import type { ExportTexts } from "../../core/report/export";
import type { AssignmentStatus } from "../../core/status/derive";
import { statusLabel } from "./common";

/** Status names as the workbook prints them: the chat's labels without their emoji. */
const plainStatus = Object.fromEntries(
  Object.entries(statusLabel).map(([status, label]) => [status, label.replace(/^[^\p{L}]+/u, "")]),
) as Record<AssignmentStatus, string>;

export const exportTexts: ExportTexts = {
  sheets: { summary: "Tổng hợp", all: "Tất cả nhiệm vụ", overdue: "Quá hạn" },
  columns: {
    no: "STT",
    ref: "Số hiệu",
    title: "Nhiệm vụ",
    unit: "Đơn vị",
    role: "Vai trò",
    status: "Trạng thái",
    progress: "Tiến độ (%)",
    deadlineWritten: "Thời hạn (theo văn bản)",
    due: "Hạn (ngày)",
    daysOverdue: "Số ngày quá hạn",
    lastReportOn: "Báo cáo gần nhất",
    lastReportBy: "Người báo cáo",
    lastReport: "Nội dung báo cáo gần nhất",
    completedOn: "Ngày xác nhận hoàn thành",
  },
  summary: {
    unit: "Đơn vị",
    total: "Tổng số",
    done: "Hoàn thành",
    onTime: "Đúng hạn",
    overdue: "Quá hạn",
    dueSoon: "Sắp đến hạn",
    awaiting: "Chờ xác nhận",
    other: "Khác",
    doneShare: "Tỷ lệ hoàn thành (%)",
    total_row: "Tổng cộng",
  },
  status: plainStatus,
  role: { lead: "Chủ trì", coop: "Phối hợp" },
  targets: {
    sheet: "Chỉ tiêu",
    columns: {
      no: "STT",
      target: "Chỉ tiêu",
      goal: "Chỉ tiêu đề ra",
      responsible: "Đơn vị phụ trách",
      latestPeriod: "Kỳ gần nhất",
      latestValue: "Giá trị",
      unitOfMeasure: "Đơn vị tính",
      previousPeriod: "Kỳ trước",
      previousValue: "Giá trị kỳ trước",
      trend: "Xu hướng",
      verdict: "Đánh giá",
      recordedBy: "Người ghi",
      recordedOn: "Ngày ghi",
      note: "Ghi chú",
    },
    office: "Cơ quan theo dõi",
    trend: { up: "Tăng", down: "Giảm", flat: "Không đổi" },
    met: "Đạt",
    notMet: "Chưa đạt",
  },
};
